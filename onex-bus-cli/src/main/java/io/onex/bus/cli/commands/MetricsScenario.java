package io.onex.bus.cli.commands;

import io.onex.bus.bench.MetricsBench;
import io.onex.bus.bench.MetricsBenchOptions;
import io.onex.bus.bench.MetricsRow;
import io.onex.bus.broker.Broker;
import io.onex.bus.cli.deploy.BusMetricsSource;
import io.onex.bus.cli.deploy.MetricsHttp;
import io.onex.bus.observability.metrics.ProcessMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code onex bench --scenario metrics}: runs {@link MetricsBench} with the broker's metrics served
 * as {@code onex bus start} serves them ({@link MetricsHttp}, {@code GET /metrics} over loopback
 * HTTP). Main thread; the bench's scraper thread calls the endpoint.
 */
final class MetricsScenario {
  private MetricsScenario() {}

  static List<MetricsRow> run(MetricsBenchOptions options, Consumer<String> progress)
      throws Exception {
    return MetricsBench.run(options, MetricsScenario::serve, progress);
  }

  private static MetricsBench.Endpoint serve(Broker broker) {
    ProcessMetrics metrics = new ProcessMetrics();
    BusMetricsSource.expose(metrics, broker);
    MetricsHttp http = MetricsHttp.start("127.0.0.1", 0, metrics);
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(http.url() + "/metrics"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return new MetricsBench.Endpoint() {
      @Override
      public void scrape() throws Exception {
        HttpResponse<byte[]> r = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("/metrics answered " + r.statusCode());
        }
      }

      @Override
      public void close() {
        http.close();
      }
    };
  }
}
