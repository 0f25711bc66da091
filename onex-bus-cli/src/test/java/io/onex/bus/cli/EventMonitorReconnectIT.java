package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onex event-monitor} follows a bus that dies and comes back: the bus process is killed
 * (SIGKILL, no BYE), started again with a new lease on another port, and the monitor, still
 * running, notices the silence, finds the bus through the registry, says so, and shows the next
 * event. Its {@code --metrics-port} endpoint counts exactly the deliveries it handled in {@code
 * onex_client_delivery_latency_seconds}.
 */
class EventMonitorReconnectIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void followsABusThatIsKilledAndStartedAgain() throws Exception {
    Path upCfg = home.resolve("up.yaml");
    Files.writeString(upCfg, "buses:\n  - name: control\n");
    Path busCfg = busConfig("extra.yaml", "42600-42699");
    // The restarted bus leases from another range, so it surely comes back on another port and
    // the monitor can only find it through the registry.
    Path movedCfg = busConfig("moved.yaml", "42700-42799");
    try (OnexProcess up = OnexProcess.start(home, "up", "--config", upCfg.toString())) {
      up.awaitLine("onex: ready", START);
      OnexProcess first =
          OnexProcess.start(home, "bus", "start", "extra", "--config", busCfg.toString());
      first.awaitLine("onex: ready", START);
      String firstEndpoint = first.lineValue("bus extra");

      try (OnexProcess monitor =
          OnexProcess.start(
              home,
              "event-monitor",
              "--bus",
              "extra",
              "--topic",
              "re.>",
              "--count",
              "3",
              "--json",
              "--timeout",
              "180s",
              "--rate-every",
              "0",
              "--metrics-port",
              "0")) {
        awaitSubscribers(monitor, 1);
        publish("re.before", "before-1");
        Awaitility.await()
            .atMost(START)
            .until(() -> lines(monitor).stream().anyMatch(l -> l.has("topic")));

        first.kill();
        first.waitFor(START);
        try (OnexProcess second =
            OnexProcess.start(home, "bus", "start", "extra", "--config", movedCfg.toString())) {
          second.awaitLine("onex: ready", START);
          String secondEndpoint = second.lineValue("bus extra");
          assertThat(secondEndpoint).isNotEqualTo(firstEndpoint);
          Awaitility.await()
              .atMost(Duration.ofSeconds(120))
              .failFast("monitor exited: " + monitor.err(), () -> !monitor.isAlive())
              .pollInterval(Duration.ofMillis(200))
              .until(() -> lines(monitor).stream().anyMatch(l -> l.has("reconnected")));
          // The restarted bus's own report, not the dead one's last: its endpoint and subscriber.
          Awaitility.await()
              .atMost(START)
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> {
                    JsonNode b = OnexProcess.bus(home, "extra");
                    return b != null
                        && b.path("endpoint").asText().equals(secondEndpoint)
                        && b.path("subscriber_count").asInt() == 1;
                  });
          publish("re.after", "after-1");

          Awaitility.await()
              .atMost(START)
              .until(() -> lines(monitor).stream().filter(l -> l.has("topic")).count() == 2);
          // Scraped while the monitor still runs: its third event ends it.
          String metrics = scrape(metricsUrl(monitor));
          publish("re.last", "after-2");
          assertThat(monitor.waitFor(START)).as("monitor: %s", monitor.err()).isZero();

          List<JsonNode> out = lines(monitor);
          List<String> kinds = new ArrayList<>();
          for (JsonNode l : out) {
            kinds.add(l.has("topic") ? l.path("topic").asText() : l.fieldNames().next());
          }
          assertThat(kinds)
              .containsExactly("re.before", "lost", "reconnected", "re.after", "re.last");
          JsonNode lost = out.get(1).path("lost");
          assertThat(lost.path("bus").asText()).isEqualTo("extra");
          assertThat(lost.path("endpoint").asText()).isEqualTo(firstEndpoint);
          JsonNode back = out.get(2).path("reconnected");
          assertThat(back.path("bus").asText()).isEqualTo("extra");
          assertThat(back.path("endpoint").asText()).isEqualTo(secondEndpoint);
          assertThat(out.get(3).path("correlation_id").asText()).isEqualTo("after-1");
          assertThat(metrics)
              .containsPattern(
                  "(?m)^onex_client_delivery_latency_seconds_count\\{bus=\"extra\"} 2(\\.0)?$");
          second.terminate();
          assertThat(second.waitFor(START)).isZero();
        }
      } finally {
        first.close();
      }
    }
  }

  private Path busConfig(String file, String range) throws Exception {
    Path cfg = home.resolve(file);
    Files.writeString(
        cfg,
        "registry:\n  ranges:\n    extra: "
            + range
            + "\nbuses:\n  - name: extra\n    port: "
            + range
            + "\n");
    return cfg;
  }

  private List<JsonNode> lines(OnexProcess p) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : p.out()) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  private void publish(String topic, String correlation) {
    try (OnexProcess pub =
        OnexProcess.start(
            home,
            "publish",
            "--bus",
            "extra",
            "--topic",
            topic,
            "--data",
            "{\"k\":1}",
            "--correlation-id",
            correlation)) {
      assertThat(pub.waitFor(START)).as("publish: %s", pub.err()).isZero();
    }
  }

  private void awaitSubscribers(OnexProcess monitor, int n) {
    Awaitility.await()
        .atMost(START)
        .failFast("monitor exited: " + monitor.err(), () -> !monitor.isAlive())
        .pollInterval(Duration.ofMillis(200))
        .until(() -> OnexProcess.subscriberCount(home, "extra") == n);
  }

  private static String metricsUrl(OnexProcess p) {
    String prefix = "onex: metrics ";
    return p.err().stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metrics URL on stderr: " + p.err()));
  }

  private static String scrape(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
