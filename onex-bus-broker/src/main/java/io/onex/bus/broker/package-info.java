/** onex-bus broker module. */
package io.onex.bus.broker;
