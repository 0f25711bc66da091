package io.onex.bus.broker.stats;

import io.onex.bus.protocol.ErrorCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's running totals. Only the loop thread writes them, as plain fields (no contention on
 * the hot path); {@link #publish} copies them into an immutable {@link BrokerSnapshot} that other
 * threads read through {@link #latest()}.
 */
public final class BrokerCounters {
  private long published;
  private long delivered;
  private long dropped;
  private long framesIn;
  private long framesOut;
  private long bytesIn;
  private long sessionsExpired;
  private long policyDenied;
  private long schemaInvalid;
  private long schemaFlagged;
  private final Map<String, Long> busEvents = new java.util.TreeMap<>();
  private Map<String, Long> busEventsShown = Map.of();
  private boolean busEventsChanged;
  private final Map<ErrorCode, Long> rejected = new EnumMap<>(ErrorCode.class);
  private volatile BrokerSnapshot latest = BrokerSnapshot.EMPTY;
  private volatile List<ConnectionView> connections = List.of();
  private volatile List<SubscriptionView> subscriptionViews = List.of();
  private volatile List<TopicTotals> topicTotals = List.of();

  public void addPublished(long n) {
    published += n;
  }

  public void addDelivered(long n) {
    delivered += n;
  }

  public void addDropped(long n) {
    dropped += n;
  }

  /** One inbound ZeroMQ message of {@code bytes} bytes. */
  public void addFrameIn(int bytes) {
    framesIn++;
    bytesIn += bytes;
  }

  public void addFrameOut() {
    framesOut++;
  }

  /** Deliveries the bus policy withheld. */
  public void addPolicyDenied(long n) {
    policyDenied += n;
  }

  /** The broker published a bus event of {@code type} (rare: a map update is fine). */
  public void addBusEvent(String type) {
    busEvents.merge(type, 1L, Long::sum);
    busEventsChanged = true;
  }

  /** An event failed its schema check; {@code flagged} when it was delivered anyway. */
  public void addSchemaInvalid(boolean flagged) {
    schemaInvalid++;
    if (flagged) {
      schemaFlagged++;
    }
  }

  public long policyDenied() {
    return policyDenied;
  }

  public void addSessionExpired() {
    sessionsExpired++;
  }

  public long published() {
    return published;
  }

  public long delivered() {
    return delivered;
  }

  public long dropped() {
    return dropped;
  }

  /** Counts one rejected input by its code. */
  public void reject(ErrorCode code) {
    rejected.merge(code, 1L, Long::sum);
  }

  public long rejectedTotal() {
    long n = 0;
    for (long v : rejected.values()) {
      n += v;
    }
    return n;
  }

  /** Loop thread: make the current totals visible to other threads. */
  public void publish(long sequence, int sessions, int subscriptions) {
    publish(sequence, sessions, subscriptions, 0, 0, 0);
  }

  /**
   * Loop thread: as above, with the events and bytes waiting in subscription queues and the bytes
   * of the frames they pin.
   */
  public void publish(
      long sequence,
      int sessions,
      int subscriptions,
      long queuedEvents,
      long queuedBytes,
      long pinnedBytes) {
    latest =
        new BrokerSnapshot(
            sequence,
            published,
            delivered,
            dropped,
            rejectedTotal(),
            Map.copyOf(rejected),
            framesIn,
            framesOut,
            bytesIn,
            sessions,
            subscriptions,
            sessionsExpired,
            policyDenied,
            queuedEvents,
            queuedBytes,
            pinnedBytes,
            schemaInvalid,
            schemaFlagged,
            shownBusEvents());
  }

  private Map<String, Long> shownBusEvents() {
    if (busEventsChanged) {
      busEventsShown = Map.copyOf(busEvents);
      busEventsChanged = false;
    }
    return busEventsShown;
  }

  /** Loop thread: make the current connections visible to other threads. */
  public void publishConnections(List<ConnectionView> now) {
    connections = List.copyOf(now);
  }

  /** Loop thread: make the current subscription gauges visible to other threads. */
  public void publishSubscriptions(List<SubscriptionView> now) {
    subscriptionViews = List.copyOf(now);
  }

  /** Loop thread: make the per-topic counts visible to other threads. */
  public void publishTopics(List<TopicTotals> now) {
    topicTotals = List.copyOf(now);
  }

  /** Any thread: the per-topic counts as of the last {@link #publishTopics}. */
  public List<TopicTotals> topicTotals() {
    return topicTotals;
  }

  /** Any thread: the subscription gauges as of the last {@link #publishSubscriptions}. */
  public List<SubscriptionView> subscriptionViews() {
    return subscriptionViews;
  }

  /** Any thread: the connections as of the last {@link #publishConnections}. */
  public List<ConnectionView> connections() {
    return connections;
  }

  /** Any thread: the totals as of the last {@link #publish}. */
  public BrokerSnapshot latest() {
    return latest;
  }
}
