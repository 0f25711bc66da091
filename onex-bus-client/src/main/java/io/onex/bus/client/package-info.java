/**
 * The client library: {@link io.onex.bus.client.EventBus} with its network implementation {@link
 * io.onex.bus.client.BusClient} and the in-process {@link io.onex.bus.client.InMemoryBus}. {@code
 * internal} holds the I/O loop and the dispatcher and is not API.
 */
package io.onex.bus.client;
