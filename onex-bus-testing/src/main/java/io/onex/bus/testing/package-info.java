/** onex-bus testing module. */
package io.onex.bus.testing;
