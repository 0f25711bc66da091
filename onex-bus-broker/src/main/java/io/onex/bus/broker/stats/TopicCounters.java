package io.onex.bus.broker.stats;

/**
 * The running counts of one topic (or of every topic past the cap, under {@code _other}). Plain
 * fields the loop increments; {@link TopicMeter} copies them into {@link TopicTotals} for other
 * threads. Owned by the broker loop thread.
 */
public final class TopicCounters {
  final String label;
  long published;
  long bytes;
  long delivered;
  long dropped;
  long rejected;

  TopicCounters(String label) {
    this.label = label;
  }

  /** One event routed, of {@code recordBytes} bytes; null-safe (per-topic counting off). */
  public static void published(TopicCounters c, int recordBytes) {
    if (c != null) {
      c.published++;
      c.bytes += recordBytes;
    }
  }

  /** One delivery handed to a subscriber's connection; null-safe. */
  public static void delivered(TopicCounters c) {
    if (c != null) {
      c.delivered++;
    }
  }

  TopicTotals totals() {
    return new TopicTotals(label, published, delivered, dropped, rejected, bytes);
  }
}
