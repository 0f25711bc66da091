package io.onex.bus.client;

import java.util.concurrent.CompletableFuture;

/**
 * An open subscription. {@link #ready()} completes with the bus sequence the subscription starts
 * after once the bus confirmed it (every later matching event is delivered), or exceptionally with
 * {@link SubscriptionRejectedException}. {@link #close()} unsubscribes; after it returns the
 * handler gets no more events. Any thread.
 */
public interface Subscription extends AutoCloseable {
  int id();

  String pattern();

  CompletableFuture<Long> ready();

  /** Events handed to the handler so far. */
  long delivered();

  /** Events the broker dropped for this subscription so far, as its GAP markers said. */
  long lost();

  @Override
  void close();
}
