package io.onex.bus.config;

import java.util.List;

/**
 * Reads a bus's {@code metrics} mapping over {@link MetricsConfig#DEFAULT}, recording every problem
 * under its full key. One load; one thread.
 */
final class MetricsReader {
  static final List<String> KEYS = List.of("enabled", "topic_cap");

  private MetricsReader() {}

  static MetricsConfig read(Section m) {
    MetricsConfig d = MetricsConfig.DEFAULT;
    int before = m.problemCount();
    boolean enabled = m.bool("enabled", d.enabled());
    int cap = m.integer(MetricsConfig.TOPIC_CAP, d.topicCap());
    return m.problemCount() > before ? d : new MetricsConfig(enabled, cap);
  }
}
