package io.onex.bus.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.testing.PrometheusText;
import io.onex.bus.testing.TestBuses;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} of a process running a bus, as {@code onex bus start} serves it: it parses as
 * Prometheus text, its per-bus and per-topic counters equal the events sent, topics past the cap
 * add up under {@code _other}, and a scrape while the broker stops still answers.
 */
class TopicMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void countersEqualTheEventsSentPerBusAndPerTopicWithTheRestUnderOther() throws Exception {
    Broker broker = TestBuses.start("user", "metrics: {topic_cap: 2}");
    ProcessMetrics metrics = new ProcessMetrics();
    BusMetricsSource.expose(metrics, broker);
    try (MetricsHttp http = MetricsHttp.start("127.0.0.1", 0, metrics);
        BusClient node =
            BusClient.connect(
                BusClientOptions.builder().endpoint(broker.endpoint()).nodeId("n1").build())) {
      List<OnexEvent> got = new CopyOnWriteArrayList<>();
      node.subscribe("t.>", e -> got.add(e.event())).ready().get();
      Map<String, Integer> sent = new java.util.LinkedHashMap<>();
      sent.put("t.a", 3);
      sent.put("t.b", 2);
      sent.put("t.c", 4);
      sent.put("t.d", 1);
      for (var e : sent.entrySet()) {
        for (int i = 0; i < e.getValue(); i++) {
          node.publish(e.getKey(), OnexEvent.create("n1", "TICK", null)).get();
        }
      }
      Awaitility.await().atMost(WAIT).until(() -> got.size() == 10);

      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          scrape(http)
                              .value("onex_bus_topic_events_delivered_total", topic("_other")))
                      .contains(5.0));
      PrometheusText m = scrape(http);

      assertThat(m.value("onex_bus_events_delivered_total", Map.of("bus", "user"))).contains(10.0);
      assertThat(m.value("onex_bus_topic_events_published_total", topic("t.a"))).contains(3.0);
      assertThat(m.value("onex_bus_topic_events_delivered_total", topic("t.a"))).contains(3.0);
      assertThat(m.value("onex_bus_topic_events_published_total", topic("t.b"))).contains(2.0);
      assertThat(m.value("onex_bus_topic_events_delivered_total", topic("t.b"))).contains(2.0);
      // t.c and t.d came after the cap of 2: they add up under _other, exactly.
      assertThat(m.value("onex_bus_topic_events_published_total", topic("_other"))).contains(5.0);
      assertThat(m.value("onex_bus_topic_events_published_total", topic("t.c"))).isEmpty();
      assertThat(m.value("onex_bus_topic_events_published_total", topic("t.d"))).isEmpty();
      // Client topics plus the bus's own system events make up the bus's total.
      double system =
          m.all("onex_bus_topic_events_published_total", Map.of("bus", "user")).stream()
              .filter(s -> s.labels().get("topic").startsWith("$"))
              .mapToDouble(PrometheusText.Sample::value)
              .sum();
      assertThat(m.value("onex_bus_events_published_total", Map.of("bus", "user")))
          .contains(10.0 + system);
      assertThat(m.value("onex_bus_topic_bytes_total", topic("t.a")).orElseThrow()).isPositive();
    } finally {
      broker.close();
    }
  }

  @Test
  void withMetricsDisabledOnlyTheBusCountersAreExposed() throws Exception {
    Broker broker = TestBuses.start("user", "metrics: {enabled: false}");
    ProcessMetrics metrics = new ProcessMetrics();
    BusMetricsSource.expose(metrics, broker);
    try (MetricsHttp http = MetricsHttp.start("127.0.0.1", 0, metrics);
        BusClient node =
            BusClient.connect(
                BusClientOptions.builder().endpoint(broker.endpoint()).nodeId("n1").build())) {
      node.publish("t.a", OnexEvent.create("n1", "TICK", null)).get();
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          scrape(http)
                              .value("onex_bus_events_published_total", Map.of("bus", "user"))
                              .orElseThrow())
                      .isGreaterThanOrEqualTo(1.0));
      assertThat(scrape(http).all("onex_bus_topic_events_published_total", Map.of())).isEmpty();
    } finally {
      broker.close();
    }
  }

  @Test
  void aScrapeWhileTheBrokerStopsAnswersAndTheLoopIsUntouched() throws Exception {
    Broker broker = TestBuses.start("user");
    ProcessMetrics metrics = new ProcessMetrics();
    BusMetricsSource.expose(metrics, broker);
    MetricsHttp http = MetricsHttp.start("127.0.0.1", 0, metrics);
    ExecutorService scraper = Executors.newSingleThreadExecutor();
    AtomicBoolean stop = new AtomicBoolean();
    List<Integer> statuses = new ArrayList<>();
    try {
      Future<?> loop =
          scraper.submit(
              () -> {
                while (!stop.get()) {
                  HttpResponse<String> r = get(http);
                  PrometheusText.parse(r.body());
                  synchronized (statuses) {
                    statuses.add(r.statusCode());
                  }
                }
                return null;
              });
      Awaitility.await().atMost(WAIT).until(() -> count(statuses) > 0);
      broker.close();
      int seen = count(statuses);
      Awaitility.await().atMost(WAIT).until(() -> count(statuses) > seen + 1);
      stop.set(true);
      loop.get(30, TimeUnit.SECONDS);

      synchronized (statuses) {
        assertThat(statuses).containsOnly(200);
      }
      assertThat(broker.loopErrors()).isZero();
    } finally {
      stop.set(true);
      scraper.shutdownNow();
      http.close();
    }
    // Once the endpoint is gone, a scrape fails cleanly at connect time rather than hanging.
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> get(http));
    assertThat(refused).isInstanceOf(ConnectException.class);
  }

  private static int count(List<Integer> statuses) {
    synchronized (statuses) {
      return statuses.size();
    }
  }

  private static Map<String, String> topic(String t) {
    return Map.of("bus", "user", "topic", t);
  }

  private static PrometheusText scrape(MetricsHttp http) throws Exception {
    HttpResponse<String> r = get(http);
    assertThat(r.statusCode()).isEqualTo(200);
    return PrometheusText.parse(r.body());
  }

  private static HttpResponse<String> get(MetricsHttp http) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(http.url() + "/metrics")).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
