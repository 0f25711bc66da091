package io.onex.bus.client;

/**
 * Receives the events of one subscription, in bus order, on the client's dispatcher thread (never
 * the I/O thread). A handler that throws is logged and counted; later events still arrive.
 */
@FunctionalInterface
public interface EventHandler {
  void onEvent(ReceivedEvent event);

  /**
   * The subscription lost events (its broker queue overflowed). Called in stream order, on the
   * dispatcher thread. The client already logs every gap and counts it in {@link
   * Subscription#lost()}; override to react.
   */
  default void onGap(Gap gap) {}
}
