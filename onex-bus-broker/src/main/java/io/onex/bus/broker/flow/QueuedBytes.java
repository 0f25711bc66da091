package io.onex.bus.broker.flow;

import java.util.HashMap;
import java.util.Map;

/**
 * Bytes waiting in subscription queues, for the whole bus and per topic: what the backpressure
 * marks are compared with. Only the slow path (queueing, draining, dropping) touches it. Owned by
 * the broker loop thread.
 */
public final class QueuedBytes {
  private final Map<String, long[]> byTopic = new HashMap<>();
  private long total;
  // The last topic's counter, by String identity: a burst queues and drains runs of one topic,
  // and the loop passes the same String instance for each run.
  private String lastTopic;
  private long[] lastCounter;

  public void add(String topic, long bytes) {
    total += bytes;
    long[] t = topic == lastTopic ? lastCounter : byTopic.get(topic);
    if (t == null) {
      t = new long[1];
      byTopic.put(topic, t);
    }
    lastTopic = topic;
    lastCounter = t;
    t[0] += bytes;
  }

  public void remove(String topic, long bytes) {
    total -= bytes;
    long[] t = topic == lastTopic ? lastCounter : byTopic.get(topic);
    if (t != null) {
      t[0] -= bytes;
      if (t[0] <= 0) {
        byTopic.remove(topic);
        if (t == lastCounter) {
          lastTopic = null;
          lastCounter = null;
        }
      }
    }
  }

  public long total() {
    return total;
  }

  public long of(String topic) {
    long[] t = byTopic.get(topic);
    return t == null ? 0 : t[0];
  }

  public Map<String, long[]> topics() {
    return byTopic;
  }
}
