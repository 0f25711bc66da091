package io.onex.bus.client.internal;

import io.onex.bus.client.EventHandler;
import io.onex.bus.client.SubscribeOptions;
import io.onex.bus.client.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A subscription of a {@link io.onex.bus.client.BusClient} or {@link io.onex.bus.client
 * .InMemoryBus}. Created on an application thread; its handler runs on the dispatcher thread;
 * {@code closed} is volatile so a close is seen there at once.
 */
public final class SubscriptionImpl implements Subscription {
  private final int id;
  private final SubscribeOptions options;
  private final EventHandler handler;
  private final CompletableFuture<Long> ready = new CompletableFuture<>();
  private final AtomicLong delivered = new AtomicLong();
  private final Consumer<SubscriptionImpl> onClose;
  private volatile boolean closed;

  public SubscriptionImpl(
      int id, SubscribeOptions options, EventHandler handler, Consumer<SubscriptionImpl> onClose) {
    this.id = id;
    this.options = options;
    this.handler = handler;
    this.onClose = onClose;
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public String pattern() {
    return options.pattern();
  }

  public SubscribeOptions options() {
    return options;
  }

  @Override
  public CompletableFuture<Long> ready() {
    return ready;
  }

  @Override
  public long delivered() {
    return delivered.get();
  }

  public boolean isClosed() {
    return closed;
  }

  /** Dispatcher thread: hands one event to the handler unless closed. */
  public void dispatch(io.onex.bus.client.ReceivedEvent e) {
    if (!closed) {
      delivered.incrementAndGet();
      handler.onEvent(e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(this);
    }
  }
}
