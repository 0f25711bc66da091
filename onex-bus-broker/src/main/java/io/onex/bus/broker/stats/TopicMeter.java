package io.onex.bus.broker.stats;

import io.onex.bus.config.MetricsConfig;
import io.onex.bus.protocol.topic.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-topic counters with a cardinality cap: the first {@code topic_cap} topics seen get their own
 * {@link TopicCounters}, every later one shares {@value #OTHER}'s; system ({@code $}) topics always
 * get their own, outside the cap. A one-entry cache keyed by the topic's String instance answers a
 * run of events on one topic (the publish path passes the same instance while its own one-entry
 * cache holds), so counting such a run costs an increment, not a lookup. With {@code
 * metrics.enabled: false} every method returns null and counts nothing. Owned by the broker loop
 * thread; {@link #totals()} makes copies for other threads.
 */
public final class TopicMeter {
  /** The topic label of the counts of every topic past the cap. */
  public static final String OTHER = "_other";

  private final boolean enabled;
  private final int cap;
  private final Map<String, TopicCounters> byTopic = new HashMap<>();
  private final TopicCounters other = new TopicCounters(OTHER);
  private int clientTopics;
  private String lastTopic;
  private TopicCounters last;

  public TopicMeter(MetricsConfig config) {
    this.enabled = config.enabled();
    this.cap = config.topicCap();
  }

  /** The counters of {@code topic} (null when per-topic counting is off). */
  public TopicCounters of(String topic) {
    if (topic == lastTopic) {
      return last;
    }
    if (!enabled) {
      return null;
    }
    TopicCounters c = byTopic.get(topic);
    if (c == null) {
      // System topics are the bus's own small set: they never take the places of client topics.
      boolean system = Topics.isSystem(topic);
      if (system || clientTopics < cap) {
        c = new TopicCounters(topic);
        byTopic.put(topic, c);
        clientTopics += system ? 0 : 1;
      } else {
        c = other;
      }
    }
    lastTopic = topic;
    last = c;
    return c;
  }

  /** Counts one routed event and returns the topic's counters for its deliveries (or null). */
  public TopicCounters published(String topic, int recordBytes) {
    TopicCounters c = of(topic);
    TopicCounters.published(c, recordBytes);
    return c;
  }

  /** One delivery of a queued event handed to its subscriber's connection. */
  public void delivered(String topic) {
    TopicCounters.delivered(of(topic));
  }

  /** One delivery dropped by a full queue. */
  public void dropped(String topic) {
    TopicCounters c = of(topic);
    if (c != null) {
      c.dropped++;
    }
  }

  /**
   * One event refused. A topic that is itself invalid (null here) is counted under {@value #OTHER}:
   * garbage must not take the places of real topics under the cap.
   */
  public void rejected(String topicOrNull) {
    if (!enabled) {
      return;
    }
    TopicCounters c = topicOrNull == null ? other : of(topicOrNull);
    c.rejected++;
  }

  /** Copies of every topic's counts, {@value #OTHER} last when it counted anything. */
  public List<TopicTotals> totals() {
    if (!enabled) {
      return List.of();
    }
    List<TopicTotals> out = new ArrayList<>(byTopic.size() + 1);
    for (TopicCounters c : byTopic.values()) {
      out.add(c.totals());
    }
    if (other.published + other.rejected + other.dropped + other.delivered > 0) {
      out.add(other.totals());
    }
    return out;
  }
}
