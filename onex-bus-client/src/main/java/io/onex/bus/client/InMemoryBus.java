package io.onex.bus.client;

import io.onex.bus.client.internal.SubscriptionImpl;
import io.onex.bus.client.internal.TraceContext;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Delivery;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.protocol.topic.TopicPattern;
import io.onex.bus.protocol.topic.Topics;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bus inside one process with the semantics of a broker: the same topic and pattern checks and
 * error codes, a bus sequence, the system-topic rule, handlers on one dispatcher thread ({@code
 * onex-inmemory-dispatch}) in publish order. For unit tests and single-process programs. Any thread
 * may call it.
 */
public final class InMemoryBus implements EventBus {
  private static final String NODE_ID = "in-memory";

  private final Map<Integer, Entry> subscriptions = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final ExecutorService dispatcher =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "onex-inmemory-dispatch"));
  private long sequence;
  private volatile boolean closed;

  private record Entry(SubscriptionImpl subscription, TopicPattern pattern) {}

  @Override
  public synchronized CompletableFuture<PublishResult> publish(
      String topic, OnexEvent given, PublishOptions options) {
    OnexEvent event = CorrelationIds.ensure(given, options);
    if (closed) {
      return CompletableFuture.completedFuture(PublishResult.notSent("bus is closed"));
    }
    try {
      Topics.validateLiteral(topic);
      if (Topics.isSystem(topic)) {
        throw new ProtocolException(
            io.onex.bus.protocol.ErrorCode.INVALID_TOPIC,
            "topics starting with '$' are reserved for the bus",
            topic);
      }
    } catch (ProtocolException e) {
      return CompletableFuture.completedFuture(
          PublishResult.rejected(e.code(), e.getMessage(), e.offending()));
    }
    long seq = ++sequence;
    EventRecord record =
        new EventRecord(
            0,
            topic,
            event.eventType(),
            event.correlationId(),
            options.tags(),
            TraceContext.extensions(options.effectiveTraceContext()),
            OnexEventJson.write(event));
    long micros = System.currentTimeMillis() * 1000;
    for (Entry e : subscriptions.values()) {
      var filter = e.subscription().options().filter();
      if (e.pattern().matches(topic)
          && filter.matchesType(event.eventType())
          && filter.matchesTags(options.tags())) {
        Delivery d = new Delivery(e.subscription().id(), seq, micros, NODE_ID, record);
        dispatcher.execute(() -> e.subscription().dispatch(ReceivedEvent.of(d)));
      }
    }
    return CompletableFuture.completedFuture(PublishResult.accepted(seq));
  }

  @Override
  public synchronized Subscription subscribe(SubscribeOptions options, EventHandler handler) {
    SubscriptionImpl s =
        new SubscriptionImpl(
            nextId.getAndIncrement(), options, handler, x -> subscriptions.remove(x.id()));
    try {
      subscriptions.put(s.id(), new Entry(s, TopicPattern.parse(options.pattern())));
      s.ready().complete(sequence);
    } catch (ProtocolException e) {
      s.ready()
          .completeExceptionally(
              new SubscriptionRejectedException(e.code(), e.getMessage(), e.offending()));
    }
    return s;
  }

  @Override
  public void close() {
    closed = true;
    dispatcher.shutdown();
    try {
      dispatcher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
