package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onex event-monitor} as a real process beside {@code onex up}: it shows published events
 * with their correlation id, and when it is deliberately slowed it shows its own losses instead of
 * slowing the bus.
 */
class EventMonitorIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void showsEventsWithTheirCorrelationIdAndItsOwnGapsWhenSlow() throws Exception {
    try (OnexProcess up = OnexProcess.start(home, "up")) {
      up.awaitLine("onex: ready", START);

      try (OnexProcess monitor =
          OnexProcess.start(
              home,
              "event-monitor",
              "--bus",
              "user",
              "--topic",
              "mon.>",
              "--count",
              "2",
              "--json",
              "--timeout",
              "60s",
              "--rate-every",
              "0")) {
        awaitSubscribers(home, monitor, 1);
        publish(home, "mon.hello", 2, "mon-1");
        assertThat(monitor.waitFor(START)).as("monitor: %s", monitor.err()).isZero();
        List<JsonNode> lines = parse(monitor.out());
        assertThat(lines).hasSize(2);
        for (JsonNode l : lines) {
          assertThat(l.path("bus").asText()).isEqualTo("user");
          assertThat(l.path("topic").asText()).isEqualTo("mon.hello");
          assertThat(l.path("correlation_id").asText()).isEqualTo("mon-1");
        }
      }

      // The first monitor has left: wait until the registry's report says so, so that the next
      // check really sees the second one.
      awaitSubscribers(home, up, 0);
      try (OnexProcess slow =
          OnexProcess.start(
              home,
              "event-monitor",
              "--bus",
              "user",
              "--topic",
              "slow.>",
              "--queue-size",
              "5",
              "--credit-window",
              "5",
              "--consume-rate",
              "20/s",
              "--count",
              "12",
              "--json",
              "--timeout",
              "60s",
              "--rate-every",
              "0")) {
        awaitSubscribers(home, slow, 1);
        publish(home, "slow.x", 300, "slow-1");
        assertThat(slow.waitFor(START)).as("slow monitor: %s", slow.err()).isZero();
        List<JsonNode> lines = parse(slow.out());
        assertThat(lines)
            .anySatisfy(l -> assertThat(l.path("gap").path("lost").asLong()).isPositive());
        assertThat(lines.stream().filter(l -> l.has("topic")).count()).isEqualTo(12);
      }
    }
  }

  private static List<JsonNode> parse(List<String> lines) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : lines) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  private static void publish(Path home, String topic, int n, String correlation) {
    try (OnexProcess pub =
        OnexProcess.start(
            home,
            "publish",
            "--topic",
            topic,
            "--data",
            "{\"k\":1}",
            "--count",
            Integer.toString(n),
            "--correlation-id",
            correlation)) {
      assertThat(pub.waitFor(START)).as("publish: %s", pub.err()).isZero();
    }
  }

  /**
   * Until the user bus counts exactly {@code n} subscriptions; fails fast if {@code monitor} dies.
   */
  private static void awaitSubscribers(Path home, OnexProcess monitor, int n) {
    Awaitility.await()
        .atMost(START)
        .failFast("monitor exited: " + monitor.err(), () -> !monitor.isAlive())
        .pollInterval(Duration.ofMillis(200))
        .until(() -> OnexProcess.subscriberCount(home, "user") == n);
  }
}
