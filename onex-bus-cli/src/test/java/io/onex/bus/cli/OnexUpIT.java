package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.transport.sched.ThreadPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onex up} with the embedded default config as a real process: ready line, the four buses,
 * publish and subscribe through other {@code onex} processes, and a clean SIGTERM stop.
 */
class OnexUpIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void upServesPublishAndSubscribeAndStopsCleanlyOnSigterm() throws Exception {
    try (OnexProcess up = OnexProcess.start(home, "up")) {
      up.awaitLine("onex: ready", START);
      assertThat(up.out()).anyMatch(l -> l.startsWith("bus telemetry"));
      assertThat(up.out()).anyMatch(l -> l.startsWith("bus control"));
      assertThat(up.out()).anyMatch(l -> l.startsWith("bus user"));
      assertThat(up.out()).anyMatch(l -> l.startsWith("bus test"));
      assertThat(up.out()).anyMatch(l -> l.startsWith("http http://"));
      assertThat(up.out()).anyMatch(l -> l.startsWith("registry tcp://127.0.0.1:"));
      assertThat(Files.readString(home.resolve("run/registry.endpoint")))
          .startsWith("tcp://127.0.0.1:");
      assertThat(Files.readString(home.resolve("run/http.endpoint")))
          .startsWith("http://127.0.0.1:");

      try (OnexProcess sub =
          OnexProcess.start(
              home,
              "subscribe",
              "--topic",
              "tour.>",
              "--count",
              "3",
              "--timeout",
              "60s",
              "--json")) {
        awaitSubscriber(home, sub);
        try (OnexProcess pub =
            OnexProcess.start(
                home,
                "publish",
                "--topic",
                "tour.greeting",
                "--data",
                "{\"hello\":\"world\"}",
                "--count",
                "3",
                "--correlation-id",
                "tour-1")) {
          assertThat(pub.waitFor(START)).as("publish exit, stderr %s", pub.err()).isZero();
          assertThat(pub.out()).contains("sent 3, acked 3, rejected 0");
        }
        assertThat(sub.waitFor(START)).as("subscribe exit, stderr %s", sub.err()).isZero();
        assertThat(sub.out()).hasSize(3);
        for (String line : sub.out()) {
          JsonNode e = JSON.readTree(line);
          assertThat(e.path("topic").asText()).isEqualTo("tour.greeting");
          assertThat(e.path("correlation_id").asText()).isEqualTo("tour-1");
          assertThat(e.path("event").path("metadata").path("hello").asText()).isEqualTo("world");
        }
      }

      try (OnexProcess buses = OnexProcess.start(home, "buses", "--json")) {
        assertThat(buses.waitFor(START)).isZero();
        JsonNode list = JSON.readTree(String.join("", buses.out()));
        assertThat(list)
            .extracting(b -> b.path("name").asText())
            .containsExactlyInAnyOrder("telemetry", "control", "user", "test");
        for (JsonNode b : list) {
          assertThat(b.path("lease_id").asText()).startsWith("lease-");
          assertThat(b.path("endpoint").asText()).endsWith(":" + b.path("port").asInt());
        }
      }

      // Prometheus metrics: the user bus routed the 3 events plus its own BUS_STARTED.
      String metrics = get(Files.readString(home.resolve("run/http.endpoint")).trim() + "/metrics");
      assertThat(metrics)
          .contains("onex_bus_events_published_total{bus=\"user\"} 4.0")
          .contains("onex_registry_leases_active 5.0")
          .contains("# TYPE onex_bus_queued_events gauge");

      // Every bus leased its port from the registry, and each broker is a registered node.
      try (OnexProcess ports = OnexProcess.start(home, "ports", "--json")) {
        assertThat(ports.waitFor(START)).isZero();
        JsonNode leases = JSON.readTree(String.join("", ports.out()));
        assertThat(leases)
            .extracting(l -> l.path("purpose").asText())
            .contains("registry", "telemetry", "control", "user", "test");
      }
      try (OnexProcess nodes = OnexProcess.start(home, "nodes")) {
        assertThat(nodes.waitFor(START)).isZero();
        assertThat(nodes.out().get(0)).startsWith("NODE").contains("STATUS");
        assertThat(nodes.out()).anyMatch(l -> l.startsWith("broker.user") && l.contains("online"));
      }
      try (OnexProcess describe = OnexProcess.start(home, "describe", "broker.user", "--json")) {
        assertThat(describe.waitFor(START)).isZero();
        JsonNode broker = JSON.readTree(String.join("", describe.out()));
        assertThat(broker.path("metadata").path("bus").asText()).isEqualTo("user");
        assertThat(broker.path("leases")).hasSize(1);
      }
      try (OnexProcess missing = OnexProcess.start(home, "describe", "nobody")) {
        assertThat(missing.waitFor(START)).isEqualTo(1);
        assertThat(String.join("\n", missing.err())).contains("not found: nobody");
      }

      assertThat(up.err()).anyMatch(l -> l.contains("\"event\":\"BUS_STARTED\""));
      assertThat(up.err()).anyMatch(l -> l.contains("\"event\":\"LEASE_GRANTED\""));
      try (OnexProcess lifecycle =
          OnexProcess.start(
              home,
              "subscribe",
              "--topic",
              "$onex.bus.user.lifecycle",
              "--count",
              "1",
              "--timeout",
              "60s",
              "--json")) {
        awaitSubscriber(home, lifecycle);
        up.terminate();
        assertThat(up.waitFor(Duration.ofSeconds(20))).as("exit of onex up: %s", up.err()).isZero();
        assertThat(up.err())
            .as("stderr of onex up: %s", up.err())
            .filteredOn(l -> l.contains("\"event\":\"BUS_STOPPED\""))
            .hasSize(4);
        assertThat(lifecycle.waitFor(START))
            .as("lifecycle subscriber: %s", lifecycle.err())
            .isZero();
        JsonNode stopped = JSON.readTree(lifecycle.out().get(0));
        assertThat(stopped.path("event_type").asText()).isEqualTo("BUS_STOPPED");
        assertThat(stopped.path("publisher").asText()).isEqualTo("broker.user");
        assertThat(stopped.path("event").path("metadata").path("events_routed").asLong())
            .isGreaterThanOrEqualTo(3);
      }
      assertThat(home.resolve("run/http.endpoint")).doesNotExist();
      assertThat(home.resolve("run/registry.endpoint")).doesNotExist();
      assertThat(up.err()).anyMatch(l -> l.contains("\"event\":\"LEASE_RELEASED\""));
    }
  }

  @Test
  void everyThreadRunsUnderSchedBatchUnlessTheEnvironmentSaysDefault() throws Exception {
    try (OnexProcess up = OnexProcess.start(home, "up")) {
      up.awaitLine("onex: ready", START);
      assertThat(up.err()).anyMatch(l -> l.contains("SCHED_POLICY batch"));
      Map<String, Integer> policies = ThreadPolicy.threadPolicies(up.pid());
      assertThat(policies.keySet()).anyMatch(name -> name.startsWith("iothread"));
      assertThat(policies).allSatisfy((name, p) -> assertThat(p).isEqualTo(3));
      up.terminate();
      assertThat(up.waitFor(START)).isZero();
    }
    Path other = Files.createDirectories(home.resolve("default-policy"));
    try (OnexProcess up = OnexProcess.start(other, Map.of("ONEX_SCHED_POLICY", "default"), "up")) {
      up.awaitLine("onex: ready", START);
      assertThat(up.err()).anyMatch(l -> l.contains("SCHED_POLICY default"));
      assertThat(ThreadPolicy.threadPolicies(up.pid()))
          .allSatisfy((name, p) -> assertThat(p).isZero());
      up.terminate();
      assertThat(up.waitFor(START)).isZero();
    }
  }

  @Test
  void invalidConfigFailsFastWithExitCode2NamingFileAndKey() throws Exception {
    Path cfg = home.resolve("bad.yaml");
    Files.writeString(cfg, "buses:\n  - name: user\n    queue: {size: -5}\n");
    try (OnexProcess up = OnexProcess.start(home, "up", "--config", cfg.toString())) {
      assertThat(up.waitFor(START)).isEqualTo(2);
      assertThat(String.join("\n", up.err()))
          .contains(cfg.toString())
          .contains("buses[0].queue.size")
          .contains("-5");
    }
  }

  private static String get(String url) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var res =
        client.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    return res.body();
  }

  /** The subscriber is in place once the user bus counts a subscription; fails fast if it died. */
  private static void awaitSubscriber(Path home, OnexProcess subscriber) {
    org.awaitility.Awaitility.await()
        .atMost(START)
        .failFast(
            "subscriber exited early: " + subscriber.err() + " " + subscriber.out(),
            () -> !subscriber.isAlive())
        .pollInterval(Duration.ofMillis(200))
        .until(() -> OnexProcess.subscriberCount(home, "user") > 0);
  }
}
