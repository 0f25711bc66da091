package io.onex.bus.testing.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.client.ClientMetrics;
import io.onex.bus.observability.metrics.BusStats;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.observability.metrics.RegistryStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/grafana/onex-bus-dashboard.json cannot silently rot: every metric name its PromQL uses is
 * one that a real scrape of the processes' metrics (buses, registry, JVM, a client's delivery
 * latency) contains, so renaming a metric without the dashboard fails here.
 */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = Path.of("docs", "grafana", "onex-bus-dashboard.json");

  /** PromQL words that look like metric names but are not. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset");

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  @Test
  void everyMetricTheDashboardQueriesIsExported() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(find(DASHBOARD)));
    List<String> queries = new ArrayList<>();
    collectQueries(dashboard, queries);
    Set<String> used = new TreeSet<>();
    queries.forEach(q -> used.addAll(metricNames(q)));
    Set<String> exported = exportedNames();

    assertThat(queries).hasSizeGreaterThan(10);
    assertThat(used)
        .contains(
            "onex_bus_events_published_total",
            "onex_bus_events_dropped_total",
            "onex_bus_events_rejected_total",
            "onex_bus_queued_events",
            "onex_bus_queued_bytes",
            "onex_bus_subscriptions",
            "onex_client_delivery_latency_seconds_bucket",
            "onex_registry_leases_active",
            "onex_registry_nodes");
    assertThat(exported).as("the names a scrape exports").containsAll(used);
  }

  @Test
  void theNameExtractionSeesThroughPromql() {
    assertThat(
            metricNames(
                "histogram_quantile(0.99, sum by (bus, le) (rate(x_bucket{bus=~\"$bus\"}"
                    + "[$__rate_interval]))) / on (bus) y_total offset 5m"))
        .containsExactlyInAnyOrder("x_bucket", "y_total");
    assertThat(metricNames("label_values(onex_bus_sessions, bus)"))
        .containsExactly("onex_bus_sessions");
  }

  /** Every sample name of a scrape of the metrics an onex process and a client export. */
  private static Set<String> exportedNames() {
    ProcessMetrics m = new ProcessMetrics();
    m.addBus(
        "user",
        () ->
            new BusStats(
                1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, java.util.Map.of("BUS_STARTED", 1L)));
    m.setRegistry(() -> new RegistryStats(1, 1, 1, 1, java.util.Map.of("LEASE_GRANTED", 1L)));
    new ClientMetrics(m.registry()).forBus("user").observeSince(0);
    Set<String> names = new TreeSet<>();
    for (String line : new String(m.scrape(), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        Matcher id = IDENTIFIER.matcher(line);
        if (id.lookingAt()) {
          names.add(id.group());
        }
      }
    }
    return names;
  }

  /** The metric names in one PromQL expression (or a Grafana label_values query). */
  static Set<String> metricNames(String promql) {
    String q =
        promql
            .replaceAll("label_values\\(([^,)]+)(,[^)]*)?\\)", "$1")
            .replaceAll("\"[^\"]*\"", "")
            .replaceAll("\\{[^}]*}", "")
            .replaceAll("\\[[^]]*]", "")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
            .replaceAll("\\boffset\\s+\\w+", "");
    Set<String> out = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(q);
    while (m.find()) {
      String word = m.group();
      int after = m.end();
      while (after < q.length() && q.charAt(after) == ' ') {
        after++;
      }
      boolean function = after < q.length() && q.charAt(after) == '(';
      boolean number = m.start() > 0 && Character.isDigit(q.charAt(m.start() - 1));
      if (!function && !number && !KEYWORDS.contains(word)) {
        out.add(word);
      }
    }
    return out;
  }

  private static void collectQueries(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              f -> {
                if ((f.getKey().equals("expr") || f.getKey().equals("definition"))
                    && f.getValue().isTextual()) {
                  out.add(f.getValue().asText());
                } else {
                  collectQueries(f.getValue(), out);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectQueries(n, out));
    }
  }

  private static Path find(Path relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
