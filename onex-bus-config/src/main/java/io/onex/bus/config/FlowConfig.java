package io.onex.bus.config;

import java.util.List;
import java.util.Objects;

/**
 * A bus's flow-control settings (the {@code flow} key of a bus): when the broker announces
 * backpressure to publishers, and the queue bound and drop policy for subscriptions on particular
 * topic patterns. Immutable; any thread.
 *
 * @param highWaterBytes backpressure on when all subscription queues together hold more
 * @param lowWaterBytes backpressure off again below this
 * @param topicHighWaterBytes backpressure on for one topic when its queued bytes pass this (off
 *     below half of it)
 * @param topicQueues queue settings for subscriptions whose pattern a rule's pattern covers; the
 *     first match wins; a subscription's own queue size and policy win over these
 */
public record FlowConfig(
    long highWaterBytes,
    long lowWaterBytes,
    long topicHighWaterBytes,
    List<TopicQueue> topicQueues) {

  /** 64 MiB bus, 32 MiB low water, 16 MiB per topic, no topic rules. */
  public static final FlowConfig DEFAULT =
      new FlowConfig(64L << 20, 32L << 20, 16L << 20, List.of());

  /** Checks the marks and copies the list. */
  public FlowConfig {
    if (highWaterBytes < 1 || lowWaterBytes < 0 || lowWaterBytes >= highWaterBytes) {
      throw new IllegalArgumentException(
          "flow marks must satisfy 0 <= low_water_bytes < high_water_bytes (was "
              + lowWaterBytes
              + ", "
              + highWaterBytes
              + ")");
    }
    if (topicHighWaterBytes < 1) {
      throw new IllegalArgumentException("topic_high_water_bytes must be >= 1");
    }
    topicQueues = List.copyOf(topicQueues);
  }

  /**
   * Queue settings for subscriptions on a topic pattern. Immutable; any thread.
   *
   * @param pattern a topic pattern; it applies to a subscription whose pattern is the same, or a
   *     literal topic it matches
   * @param size the queue bound, in events
   * @param drop the drop policy
   */
  public record TopicQueue(String pattern, int size, DropPolicy drop) {
    /** Checks presence and the size. */
    public TopicQueue {
      Objects.requireNonNull(pattern, "pattern");
      QueueConfig.SIZE.require(size);
      Objects.requireNonNull(drop, "drop");
    }
  }
}
