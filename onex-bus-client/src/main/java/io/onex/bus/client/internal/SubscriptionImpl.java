package io.onex.bus.client.internal;

import io.onex.bus.client.EventHandler;
import io.onex.bus.client.Gap;
import io.onex.bus.client.SubscribeOptions;
import io.onex.bus.client.Subscription;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
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
  private final AtomicLong lost = new AtomicLong();
  private final Consumer<SubscriptionImpl> onClose;
  private final CreditGrant credit;
  private volatile boolean closed;
  // Dispatcher thread only: events consumed since the last CREDIT.
  private int consumedSinceGrant;

  /** Receives the credit a subscription grants as its handler consumes. */
  @FunctionalInterface
  public interface CreditGrant {
    /** Any thread: send CREDIT(n) for subscription {@code id}. */
    void grant(int id, int n);

    /** For buses without credit (the in-memory bus). */
    CreditGrant NONE = (id, n) -> {};
  }

  public SubscriptionImpl(
      int id, SubscribeOptions options, EventHandler handler, Consumer<SubscriptionImpl> onClose) {
    this(id, options, handler, onClose, CreditGrant.NONE);
  }

  public SubscriptionImpl(
      int id,
      SubscribeOptions options,
      EventHandler handler,
      Consumer<SubscriptionImpl> onClose,
      CreditGrant credit) {
    this.id = id;
    this.options = options;
    this.handler = handler;
    this.onClose = onClose;
    this.credit = credit;
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

  @Override
  public long lost() {
    return lost.get();
  }

  /**
   * Dispatcher thread: hands one event to the handler unless closed, then grants credit for what
   * was consumed once a quarter of the window is used (whether the handler threw or not).
   */
  public void dispatch(io.onex.bus.client.ReceivedEvent e) {
    if (closed) {
      return;
    }
    // One writer (the dispatcher thread): a release store, not a locked read-modify-write.
    delivered.lazySet(delivered.get() + 1);
    try {
      if (e.hasExtensions()) {
        handleTraced(e);
      } else {
        handler.onEvent(e);
      }
    } finally {
      consumed();
    }
  }

  /**
   * Runs the handler with the event's trace context current, so that whatever the handler publishes
   * (or a tracer it calls) continues the publisher's trace.
   */
  private void handleTraced(io.onex.bus.client.ReceivedEvent e) {
    Context context = e.traceContext();
    if (!TraceContext.isTraced(context)) {
      handler.onEvent(e);
      return;
    }
    Scope scope = context.makeCurrent();
    try {
      handler.onEvent(e);
    } finally {
      scope.close();
    }
  }

  private void consumed() {
    int window = options.creditWindow();
    if (window > 0 && ++consumedSinceGrant >= Math.max(1, window / 4)) {
      credit.grant(id, consumedSinceGrant);
      consumedSinceGrant = 0;
    }
  }

  /** Dispatcher thread: the broker says this subscription lost events. */
  public void gap(Gap g) {
    lost.addAndGet(g.lost());
    if (!closed) {
      handler.onGap(g);
    }
  }

  /** The initial credit of this subscription's SUBSCRIBE, in wire form. */
  public int initialCredit() {
    return options.creditWindow() == 0
        ? io.onex.bus.protocol.codec.Frame.Subscribe.UNLIMITED_CREDIT
        : options.creditWindow();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(this);
    }
  }
}
