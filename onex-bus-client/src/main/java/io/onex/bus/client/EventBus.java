package io.onex.bus.client;

import io.onex.bus.protocol.event.OnexEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Publish and subscribe on one bus: implemented over the network by {@link BusClient} and in
 * process by {@link InMemoryBus}. All methods may be called from any thread; handlers run on the
 * implementation's dispatcher thread.
 */
public interface EventBus extends AutoCloseable {
  /** Publishes {@code event} on the literal {@code topic}; the future tells what became of it. */
  default CompletableFuture<PublishResult> publish(String topic, OnexEvent event) {
    return publish(topic, event, PublishOptions.NONE);
  }

  CompletableFuture<PublishResult> publish(String topic, OnexEvent event, PublishOptions options);

  default Subscription subscribe(String pattern, EventHandler handler) {
    return subscribe(SubscribeOptions.builder().pattern(pattern).build(), handler);
  }

  Subscription subscribe(SubscribeOptions options, EventHandler handler);

  @Override
  void close();
}
