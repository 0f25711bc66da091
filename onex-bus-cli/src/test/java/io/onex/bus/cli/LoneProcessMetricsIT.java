package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.testing.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onex registry start} and {@code onex bus start NAME}, each alone in its process, each
 * print an {@code http} line and serve Prometheus text at {@code /metrics} there: the registry its
 * lease and bus gauges, the bus process its bus's counters.
 */
class LoneProcessMetricsIT {
  private static final Duration START = Duration.ofSeconds(60);

  @TempDir Path home;

  @Test
  void aLoneRegistryAndALoneBusEachServeMetrics() throws Exception {
    Path cfg = home.resolve("onex.yaml");
    Files.writeString(cfg, "buses:\n  - name: side\n");
    try (OnexProcess registry =
        OnexProcess.start(home, "registry", "start", "--config", cfg.toString())) {
      registry.awaitLine("onex: ready", START);
      PrometheusText r = scrape(registry.lineValue("http"));
      assertThat(r.value("onex_registry_leases_active", Map.of())).isPresent();

      try (OnexProcess bus =
          OnexProcess.start(home, "bus", "start", "side", "--config", cfg.toString())) {
        bus.awaitLine("onex: ready", START);
        PrometheusText b = scrape(bus.lineValue("http"));
        // The bus routed its own BUS_STARTED and nothing else.
        assertThat(b.value("onex_bus_events_published_total", Map.of("bus", "side"))).contains(1.0);
        assertThat(
                b.value(
                    "onex_bus_topic_events_published_total",
                    Map.of("bus", "side", "topic", "$onex.bus.side.lifecycle")))
            .contains(1.0);
        assertThat(b.all("jvm_memory_used_bytes", Map.of())).isNotEmpty();
        bus.terminate();
        assertThat(bus.waitFor(START)).as("bus stderr: %s", bus.err()).isZero();
      }
      registry.terminate();
      assertThat(registry.waitFor(START)).as("registry stderr: %s", registry.err()).isZero();
    }
  }

  private static PrometheusText scrape(String baseUrl) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).timeout(START).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return PrometheusText.parse(r.body());
  }
}
