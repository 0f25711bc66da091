package io.onex.bus.client;

/**
 * Receives the events of one subscription, in bus order, on the client's dispatcher thread (never
 * the I/O thread). A handler that throws is logged and counted; later events still arrive.
 */
@FunctionalInterface
public interface EventHandler {
  void onEvent(ReceivedEvent event);
}
