package io.onex.bus.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text exposition: well-formed lines, the values the suppliers give, read at each scrape. */
class ProcessMetricsTest {
  /** A sample line: name, optional labels, a number (Prometheus text format 0.0.4). */
  private static final Pattern SAMPLE =
      Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})? [-+0-9.eE]+|[-+]?Inf|NaN");

  @Test
  void busAndRegistryNumbersAreScrapedAsTheyAreNow() {
    ProcessMetrics m = new ProcessMetrics();
    AtomicLong published = new AtomicLong(3);
    m.addBus(
        "user",
        () ->
            new BusStats(
                published.get(),
                6,
                1,
                2,
                0,
                999,
                2,
                4,
                5,
                500,
                4096,
                3,
                1,
                java.util.Map.of("BUS_STARTED", 1L, "EVENT_DROPPED", 4L)));
    m.setRegistry(() -> new RegistryStats(7, 3, 1, 4, java.util.Map.of("LEASE_GRANTED", 5L)));

    String first = scrape(m);
    published.set(10);
    String second = scrape(m);

    assertThat(first).contains("onex_bus_events_published_total{bus=\"user\"} 3.0");
    assertThat(first).contains("onex_bus_queued_events{bus=\"user\"} 5.0");
    assertThat(first).contains("onex_bus_pinned_frame_bytes{bus=\"user\"} 4096.0");
    assertThat(first).contains("onex_bus_events_invalid_schema_total{bus=\"user\"} 3.0");
    assertThat(first)
        .contains("onex_bus_events_emitted_total{bus=\"user\",event=\"EVENT_DROPPED\"} 4.0");
    assertThat(first).contains("onex_registry_events_total{event=\"LEASE_GRANTED\"} 5.0");
    assertThat(first).contains("onex_bus_events_flagged_invalid_total{bus=\"user\"} 1.0");
    assertThat(first).contains("onex_registry_leases_active 7.0");
    assertThat(first).contains("onex_registry_nodes{status=\"offline\"} 1.0");
    assertThat(first).contains("jvm_memory_used_bytes");
    assertThat(second).contains("onex_bus_events_published_total{bus=\"user\"} 10.0");
    for (String line : first.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        assertThat(SAMPLE.matcher(line.trim()).lookingAt()).as("line %s", line).isTrue();
      }
    }
    assertThat(m.contentType()).startsWith("text/plain");
  }

  @Test
  void aRemovedBusIsNoLongerExposed() {
    ProcessMetrics m = new ProcessMetrics();
    m.addBus(
        "a",
        () ->
            new BusStats(
                1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, java.util.Map.of("BUS_STARTED", 1L)));
    m.addBus(
        "b",
        () ->
            new BusStats(
                1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, java.util.Map.of("BUS_STARTED", 1L)));
    m.removeBus("a");

    assertThat(scrape(m)).contains("bus=\"b\"").doesNotContain("bus=\"a\"");
    assertThat(List.of(scrape(m).split("\n"))).noneMatch(l -> l.contains("onex_registry_nodes{"));
  }

  @Test
  void perTopicCountsAreLabelledByBusAndTopic() {
    ProcessMetrics m = new ProcessMetrics();
    m.addBus(
        "user",
        () ->
            new BusStats(
                5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, java.util.Map.of("BUS_STARTED", 1L)),
        () ->
            List.of(
                new TopicStats("demo.a", 3, 6, 1, 0, 300),
                new TopicStats("_other", 2, 0, 0, 4, 9)));

    String text = scrape(m);

    assertThat(text)
        .contains("onex_bus_topic_events_published_total{bus=\"user\",topic=\"demo.a\"} 3.0")
        .contains("onex_bus_topic_events_delivered_total{bus=\"user\",topic=\"demo.a\"} 6.0")
        .contains("onex_bus_topic_events_dropped_total{bus=\"user\",topic=\"demo.a\"} 1.0")
        .contains("onex_bus_topic_events_rejected_total{bus=\"user\",topic=\"_other\"} 4.0")
        .contains("onex_bus_topic_bytes_total{bus=\"user\",topic=\"demo.a\"} 300.0");
    m.removeBus("user");
    assertThat(scrape(m)).doesNotContain("onex_bus_topic_events_published_total{");
  }

  private static String scrape(ProcessMetrics m) {
    return new String(m.scrape(), StandardCharsets.UTF_8);
  }
}
