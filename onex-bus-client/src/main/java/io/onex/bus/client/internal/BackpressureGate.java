package io.onex.bus.client.internal;

import io.onex.bus.client.BackpressurePolicy;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.transport.RateLimitedLog;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the publisher's backpressure policy before an event is handed to the I/O thread. Only
 * costs a volatile read while the bus announces nothing. Called on publishing threads (any).
 */
public final class BackpressureGate {
  private static final Logger LOG = LoggerFactory.getLogger(BackpressureGate.class);
  private final BackpressureSignal signal;
  private final BusClientOptions options;
  private final RateLimitedLog logLimit = new RateLimitedLog(10, 1000);

  public BackpressureGate(BackpressureSignal signal, BusClientOptions options) {
    this.signal = signal;
    this.options = options;
  }

  /** Null when the event may be sent now; else the result of giving it up. */
  public PublishResult admit(String topic) {
    if (!signal.isOn(topic)) {
      return null;
    }
    BackpressurePolicy p = options.backpressureFor(topic);
    try {
      return switch (p.kind()) {
        case DROP -> PublishResult.notSent("backpressure: dropped by policy (topic " + topic + ")");
        case LOG -> {
          logged("backpressure on topic {}: sending anyway (policy log)", topic);
          yield null;
        }
        case BLOCK ->
            signal.awaitClear(topic, p.delay())
                ? null
                : PublishResult.notSent(
                    "backpressure: did not clear within " + p.delay() + " (topic " + topic + ")");
        case RETRY -> retry(topic, p);
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PublishResult.notSent("backpressure: interrupted while waiting");
    }
  }

  private PublishResult retry(String topic, BackpressurePolicy p) throws InterruptedException {
    Duration wait = p.delay();
    for (int attempt = 1; attempt <= p.retries(); attempt++) {
      LOG.atInfo()
          .addKeyValue("event", "EVENT_RETRY")
          .addKeyValue("node_id", options.nodeId())
          .addKeyValue("topic", topic)
          .addKeyValue("attempt", attempt)
          .addKeyValue("backoff_ms", wait.toMillis())
          .log("backpressure on {}: retry {} after {}", topic, attempt, wait);
      if (signal.awaitClear(topic, wait)) {
        return null;
      }
      wait = wait.multipliedBy(2);
    }
    LOG.atWarn()
        .addKeyValue("event", "EVENT_RETRY_LIMIT_EXCEEDED")
        .addKeyValue("node_id", options.nodeId())
        .addKeyValue("topic", topic)
        .addKeyValue("attempts", p.retries())
        .log("backpressure on {} did not clear after {} retries", topic, p.retries());
    return PublishResult.notSent(
        "backpressure: still on after " + p.retries() + " retries (topic " + topic + ")");
  }

  private void logged(String format, String topic) {
    synchronized (logLimit) {
      if (!logLimit.tryAcquire(
          System.currentTimeMillis(), n -> LOG.warn("{} more backpressure lines held back", n))) {
        return;
      }
    }
    LOG.atWarn().addKeyValue("event", "EVENT_BACKPRESSURE").log(format, topic);
  }
}
