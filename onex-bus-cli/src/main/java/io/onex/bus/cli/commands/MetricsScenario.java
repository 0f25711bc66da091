package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.bench.MetricsBench;
import io.onex.bus.bench.MetricsBenchOptions;
import io.onex.bus.bench.MetricsRow;
import io.onex.bus.broker.Broker;
import io.onex.bus.cli.deploy.BusMetricsSource;
import io.onex.bus.cli.deploy.MetricsHttp;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code onex bench --scenario metrics}: runs {@link MetricsBench} with the broker's metrics served
 * as {@code onex bus start} serves them ({@link MetricsHttp}, {@code GET /metrics} over loopback
 * HTTP), and prints or writes its rows. Main thread; the bench's scraper thread calls the endpoint.
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

  static void printTable(PrintWriter out, List<MetricsRow> rows) {
    out.printf(
        "%-8s %-12s %5s %12s %12s %12s %6s %8s %7s %8s %7s %6s %-4s%n",
        "SCENARIO",
        "CELL",
        "SIZE",
        "EVENTS/S",
        "MIN",
        "MAX",
        "LOST",
        "SCRAPES",
        "x OFF",
        "x PAIRED",
        "COST",
        "TARGET",
        "MET");
    for (MetricsRow r : rows) {
      boolean off = r.cell().equals("metrics-off");
      out.printf(
          "%-8s %-12s %5d %12.0f %12.0f %12.0f %6d %8d %7.3f %8.3f %7s %6s %-4s%n",
          MetricsBench.SCENARIO,
          r.cell(),
          r.size(),
          r.eventsPerS(),
          r.minEventsPerS(),
          r.maxEventsPerS(),
          r.lost(),
          r.scrapes(),
          r.ratioToOff(),
          r.pairedRatio(),
          off ? "-" : String.format("%.1f%%", r.cost() * 100),
          off ? "-" : "<" + Math.round(MetricsBenchOptions.TARGET_COST * 100) + "%",
          off ? "-" : r.targetMet() ? "pass" : "miss");
    }
    out.flush();
  }

  static void write(Path file, List<MetricsRow> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (MetricsRow r : rows) {
      ObjectNode o = array.addObject();
      boolean off = r.cell().equals("metrics-off");
      o.put("scenario", MetricsBench.SCENARIO);
      o.put("cell", r.cell());
      o.put("size", r.size());
      o.put("events_per_run", r.eventsPerRun());
      o.put("events_per_s", Math.round(r.eventsPerS()));
      o.put("min_events_per_s", Math.round(r.minEventsPerS()));
      o.put("max_events_per_s", Math.round(r.maxEventsPerS()));
      o.put("lost", r.lost());
      o.put("scrapes", r.scrapes());
      o.put("ratio_to_off", Math.round(r.ratioToOff() * 1000) / 1000.0);
      o.put("paired_ratio", Math.round(r.pairedRatio() * 1000) / 1000.0);
      if (off) {
        o.putNull("cost");
        o.putNull("target_cost");
        o.putNull("target_met");
      } else {
        o.put("cost", Math.round(r.cost() * 1000) / 1000.0);
        o.put("target_cost", MetricsBenchOptions.TARGET_COST);
        o.put("target_met", r.targetMet());
      }
    }
    BenchCommand.writeJson(file, array);
  }
}
