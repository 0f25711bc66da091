package io.onex.bus.testing.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.broker.registration.RegisteredBus;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.config.HttpConfig;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.http.RegistryHttpApi;
import io.onex.bus.testing.TestBuses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Debug mode end to end: set through the registry's HTTP API, carried by the heartbeat reply to a
 * running broker, which then logs EVENT_PUBLISHED and EVENT_RECEIVED for matching topics with every
 * field and redacted metadata, without a restart; turned off the same way; bad requests refused
 * with 400 and a structured error; kept across a registry restart.
 */
class DebugModeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private final Logger events = (Logger) LoggerFactory.getLogger("io.onex.bus.broker.events");
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Level before;

  @BeforeEach
  void captureEventLog() {
    before = events.getLevel();
    // INFO: the dumps of debug mode show, the every-event DEBUG lines do not.
    events.setLevel(Level.INFO);
    log.start();
    events.addAppender(log);
  }

  @AfterEach
  void release() {
    events.detachAppender(log);
    events.setLevel(before);
  }

  @Test
  void debugModeSetOverHttpLogsMatchingEventsWithRedactionUntilTurnedOff() throws Exception {
    try (RegistryNode registry = startRegistry();
        RegistryHttpApi http = startHttp(registry);
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus bus = TestBuses.registered("user", "", rc);
      try (BusClient node =
          BusClient.connect(rc, "user", BusClientOptions.builder().nodeId("sensor-7"))) {
        List<OnexEvent> got = new CopyOnWriteArrayList<>();
        node.subscribe("demo.>", e -> got.add(e.event())).ready().get();

        HttpResponse<String> on =
            put(
                http,
                "user",
                "{\"topics\": [\"demo.*\"], \"max_payload_bytes\": 4096, \"redact\": [\"token\"]}");
        assertThat(on.statusCode()).isEqualTo(200);
        awaitDebugMode(true);

        OnexEvent secret =
            OnexEvent.create(
                    "sensor-7",
                    "NODE_START",
                    RegistryCodec.mapper().readTree("{\"token\": \"s3cr3t\", \"kept\": 1}"))
                .withCorrelationId("corr-42");
        long seq = node.publish("demo.x", secret).get().sequence();
        node.publish("other.x", OnexEvent.create("sensor-7", "NODE_START", null)).get();
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 1);

        Map<String, Object> published = fields(one("EVENT_PUBLISHED"));
        assertThat(published)
            .containsEntry("bus", "user")
            .containsEntry("topic", "demo.x")
            .containsEntry("node_id", "sensor-7")
            .containsEntry("correlation_id", "corr-42")
            .containsEntry("event_id", secret.eventId().toString())
            .containsEntry("sequence", seq)
            .containsEntry("payload_truncated", false);
        String payload = (String) published.get("payload");
        assertThat(payload).contains("\"token\":\"***\"").contains("\"kept\":1");
        assertThat(payload).doesNotContain("s3cr3t");
        Map<String, Object> received = fields(one("EVENT_RECEIVED"));
        assertThat(received)
            .containsEntry("topic", "demo.x")
            .containsEntry("node_id", "sensor-7")
            .containsEntry("correlation_id", "corr-42")
            .containsEntry("sequence", seq);
        assertThat((String) received.get("payload")).doesNotContain("s3cr3t");
        assertThat(lines("EVENT_PUBLISHED"))
            .extracting(e -> fields(e).get("topic"))
            .containsOnly("demo.x");

        HttpResponse<String> off = send(http, "DELETE", "user", null);
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(RegistryCodec.mapper().readTree(off.body()).path("enabled").asBoolean())
            .isFalse();
        awaitDebugMode(false);
        node.publish("demo.y", OnexEvent.create("sensor-7", "NODE_START", null)).get();
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 2);

        assertThat(lines("EVENT_PUBLISHED")).hasSize(1);
        assertThat(lines("EVENT_RECEIVED")).hasSize(1);
      } finally {
        bus.close();
      }
    }
  }

  @Test
  void withoutDebugModeTheLinesAppearOnlyWhenTheLoggerIsAtDebug() throws Exception {
    io.onex.bus.broker.Broker broker = TestBuses.start("user");
    try (BusClient node =
        BusClient.connect(
            BusClientOptions.builder().endpoint(broker.endpoint()).nodeId("n1").build())) {
      List<OnexEvent> got = new CopyOnWriteArrayList<>();
      node.subscribe("demo.>", e -> got.add(e.event())).ready().get();
      node.publish("demo.a", OnexEvent.create("n1", "TICK", null)).get();
      Awaitility.await().atMost(WAIT).until(() -> got.size() == 1);
      assertThat(lines("EVENT_PUBLISHED")).isEmpty();

      events.setLevel(Level.DEBUG);
      long seq = node.publish("demo.b", OnexEvent.create("n1", "TICK", null)).get().sequence();
      Awaitility.await().atMost(WAIT).until(() -> got.size() == 2);

      ILoggingEvent published = one("EVENT_PUBLISHED");
      assertThat(published.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(fields(published))
          .containsEntry("topic", "demo.b")
          .containsEntry("sequence", seq)
          .containsEntry("node_id", "n1")
          .containsKeys("correlation_id", "event_id", "payload", "payload_truncated");
      assertThat(one("EVENT_RECEIVED").getLevel()).isEqualTo(Level.DEBUG);
    } finally {
      broker.close();
    }
  }

  @Test
  void badRequestsAreRefusedWithAStructuredError() throws Exception {
    try (RegistryNode registry = startRegistry();
        RegistryHttpApi http = startHttp(registry);
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus bus = TestBuses.registered("user", "", rc);
      try {
        assertRefused(put(http, "user", "{\"topics\": [\"a..b\"]}"), "INVALID_PATTERN", "a..b");
        assertRefused(put(http, "user", "{\"topics\": [\"a.>.b\"]}"), "INVALID_PATTERN", "a.>.b");
        assertRefused(put(http, "nosuch", "{}"), "UNKNOWN_BUS", "nosuch");
        assertRefused(put(http, "user", "{\"topics\": "), "INVALID_REQUEST", "{\"topics\": ");
        assertRefused(
            put(http, "user", "{\"max_payload_bytes\": 2000000}"), "INVALID_REQUEST", "2000000");
        assertRefused(put(http, "user", "{\"max_payload_bytes\": -1}"), "INVALID_REQUEST", "-1");
        assertRefused(put(http, "user", "{\"redact\": \"token\"}"), "INVALID_REQUEST", "\"token\"");
        assertRefused(send(http, "GET", "nosuch", null), "UNKNOWN_BUS", "nosuch");
        assertThat(http.rejected()).isEqualTo(8);
        assertThat(registry.registry().debug().find("user")).isEmpty();
        HttpResponse<String> shown = send(http, "GET", "user", null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(RegistryCodec.mapper().readTree(shown.body()).path("enabled").asBoolean())
            .isFalse();
      } finally {
        bus.close();
      }
    }
  }

  @Test
  void settingsSurviveARegistryRestart() throws Exception {
    try (RegistryNode registry = startRegistry();
        RegistryHttpApi http = startHttp(registry);
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus bus = TestBuses.registered("user", "", rc);
      try {
        assertThat(
                put(http, "user", "{\"topics\": [\"demo.>\"], \"redact\": [\"pw\"]}").statusCode())
            .isEqualTo(200);
      } finally {
        bus.close();
      }
    }
    try (RegistryNode again = startRegistry();
        RegistryHttpApi http = startHttp(again)) {
      JsonNode shown = RegistryCodec.mapper().readTree(send(http, "GET", "user", null).body());
      assertThat(shown.path("enabled").asBoolean()).isTrue();
      assertThat(shown.path("topics").get(0).asText()).isEqualTo("demo.>");
      assertThat(shown.path("redact").get(0).asText()).isEqualTo("pw");
      assertThat(shown.path("max_payload_bytes").asInt()).isEqualTo(4096);
    }
  }

  private RegistryNode startRegistry() {
    return RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("r.db"), Clock.systemUTC());
  }

  private static RegistryHttpApi startHttp(RegistryNode registry) {
    return RegistryHttpApi.start(
        new HttpConfig("127.0.0.1", 0),
        registry.views(),
        registry.schemas(),
        new ProcessMetrics(),
        registry.registry());
  }

  /**
   * Waits until the loop's latest DEBUG_MODE line says {@code enabled}. The latest, not any: the
   * bus logs "off" once at start-up, and waiting for "any off" after turning it off again returned
   * before the loop had applied the change (seen in CI: the next event was still traced).
   */
  private void awaitDebugMode(boolean enabled) {
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              List<ILoggingEvent> modes = lines("DEBUG_MODE");
              return !modes.isEmpty()
                  && Boolean.valueOf(enabled)
                      .equals(fields(modes.get(modes.size() - 1)).get("enabled"));
            });
  }

  private List<ILoggingEvent> lines(String event) {
    return log.list.stream().filter(e -> event.equals(fields(e).get("event"))).toList();
  }

  private ILoggingEvent one(String event) {
    List<ILoggingEvent> found = lines(event);
    assertThat(found).as("%s lines", event).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> fields(ILoggingEvent e) {
    Map<String, Object> m = new HashMap<>();
    if (e.getKeyValuePairs() != null) {
      e.getKeyValuePairs().forEach(kv -> m.put(kv.key, kv.value));
    }
    return m;
  }

  private static void assertRefused(HttpResponse<String> r, String code, String offending)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = RegistryCodec.mapper().readTree(r.body());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(body.path("offending").asText()).isEqualTo(offending);
  }

  private static HttpResponse<String> put(RegistryHttpApi http, String bus, String body)
      throws Exception {
    return send(http, "PUT", bus, body);
  }

  private static HttpResponse<String> send(
      RegistryHttpApi http, String method, String bus, String body) throws Exception {
    HttpRequest.BodyPublisher p =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(http.url() + "/api/v1/buses/" + bus + "/debug"))
            .method(method, p)
            .timeout(WAIT)
            .build();
    return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
  }
}
