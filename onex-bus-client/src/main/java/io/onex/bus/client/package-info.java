/** onex-bus client module. */
package io.onex.bus.client;
