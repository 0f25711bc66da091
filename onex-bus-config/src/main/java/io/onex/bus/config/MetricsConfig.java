package io.onex.bus.config;

/**
 * A bus's metrics settings (the {@code metrics} key of a bus): whether the broker counts events per
 * topic, and for how many topics before the rest share the label {@code _other}. The per-bus totals
 * are counted either way. Immutable; any thread.
 *
 * @param enabled whether per-topic counters are kept
 * @param topicCap topics that get their own counters, 0..100,000; later topics are aggregated
 */
public record MetricsConfig(boolean enabled, int topicCap) {
  /** The largest cap accepted: each capped topic is one time series per counter. */
  public static final int MAX_TOPIC_CAP = 100_000;

  static final IntRange TOPIC_CAP = new IntRange("topic_cap", 0, MAX_TOPIC_CAP);

  /** Per-topic counting on, for the first 1000 topics. */
  public static final MetricsConfig DEFAULT = new MetricsConfig(true, 1000);

  /** Validates the cap; the message names the field. */
  public MetricsConfig {
    TOPIC_CAP.require(topicCap);
  }
}
