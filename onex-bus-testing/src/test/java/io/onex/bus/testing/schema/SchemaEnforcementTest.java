package io.onex.bus.testing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.client.SchemaValidation;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.OnexEventContract;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.SchemaFailure;
import io.onex.bus.protocol.schema.SchemaHash;
import io.onex.bus.protocol.schema.SchemaViolation;
import io.onex.bus.testing.TestBuses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Schema modes end to end through a real broker over TCP: strict rejects with the exact failure and
 * hash and nobody receives the event; permissive delivers it flagged; every failure is counted and
 * reported on {@code $onex.bus.<bus>.schema}; schema changes apply without a restart.
 */
class SchemaEnforcementTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORDER_SCHEMA =
      "{\"type\":\"object\",\"required\":[\"qty\"],"
          + "\"properties\":{\"qty\":{\"type\":\"integer\",\"minimum\":1}}}";

  @Test
  void strictRejectsWithTheExactFailureAndNobodyReceivesIt() throws Exception {
    try (Broker broker = TestBuses.start("shop", "schema: {mode: strict}");
        BusClient pub = client(broker, "pub-1");
        BusClient sub = client(broker, "sub-1")) {
      RegisteredSchema orders = registered("shop", "orders.>", 3, ORDER_SCHEMA);
      broker.updateSchemas(List.of(orders), 5);
      Awaitility.await().atMost(WAIT).until(() -> broker.schemaRevision() == 5);
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      List<ReceivedEvent> reports = new CopyOnWriteArrayList<>();
      sub.subscribe("orders.>", got::add).ready().get();
      sub.subscribe("$onex.bus.shop.schema", reports::add).ready().get();

      PublishResult ok = publish(pub, "orders.eu", "NODE_START", "{\"qty\":2}");
      PublishResult bad = publish(pub, "orders.eu", "NODE_START", "{\"qty\":0}");
      PublishResult unknownType = publish(pub, "orders.eu", "SOMETHING_ELSE", "{\"qty\":2}");
      PublishResult last = publish(pub, "orders.eu", "NODE_START", "{\"qty\":9}");

      assertThat(ok.isAccepted()).isTrue();
      assertThat(last.isAccepted()).isTrue();
      assertThat(bad.status()).isEqualTo(PublishResult.Status.REJECTED);
      assertThat(bad.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
      SchemaFailure f = bad.schemaFailure();
      assertThat(f.schemaHash()).isEqualTo(SchemaHash.of(JSON.readTree(ORDER_SCHEMA)));
      assertThat(f.schemaTopic()).isEqualTo("orders.>");
      assertThat(f.schemaVersion()).isEqualTo(3);
      assertThat(f.violations())
          .extracting(SchemaViolation::pointer)
          .containsExactly("/metadata/qty");
      assertThat(f.violations().get(0).message()).contains("1");
      assertThat(bad.offending()).startsWith("{\"event_id\"");

      assertThat(unknownType.code()).isEqualTo(ErrorCode.INVALID_ENVELOPE);
      assertThat(unknownType.schemaFailure().schemaHash()).isEqualTo(OnexEventContract.hash());
      assertThat(unknownType.schemaFailure().violations())
          .extracting(SchemaViolation::pointer)
          .containsExactly("/event_type");

      Awaitility.await().atMost(WAIT).until(() -> got.size() == 2 && reports.size() == 2);
      assertThat(got).extracting(e -> e.sequence()).containsExactly(ok.sequence(), last.sequence());
      assertThat(got).noneMatch(ReceivedEvent::schemaInvalid);

      JsonNode report = JSON.readTree(reports.get(0).payload()).path("metadata");
      assertThat(reports.get(0).eventType()).isEqualTo("EVENT_INVALID_SCHEMA");
      assertThat(report.path("topic").asText()).isEqualTo("orders.eu");
      assertThat(report.path("node_id").asText()).isEqualTo("pub-1");
      assertThat(report.path("action").asText()).isEqualTo("rejected");
      assertThat(report.path("code").asText()).isEqualTo("SCHEMA_VIOLATION");
      assertThat(report.path("schema_hash").asText()).isEqualTo(f.schemaHash());
      assertThat(report.path("errors").get(0).path("pointer").asText()).isEqualTo("/metadata/qty");
      assertThat(report.path("payload").asText()).contains("\"qty\":0");
      assertThat(JSON.readTree(reports.get(1).payload()).path("metadata").path("code").asText())
          .isEqualTo("INVALID_ENVELOPE");

      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(broker.snapshot().schemaInvalid()).isEqualTo(2);
                assertThat(broker.snapshot().schemaFlagged()).isZero();
                assertThat(broker.snapshot().rejected(ErrorCode.SCHEMA_VIOLATION)).isEqualTo(1);
                assertThat(broker.snapshot().rejected(ErrorCode.INVALID_ENVELOPE)).isEqualTo(1);
              });
    }
  }

  @Test
  void eachFailureIsLoggedAsAStructuredEventInvalidSchemaLine() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("io.onex.bus.broker.schema");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (Broker broker = TestBuses.start("shop", "schema: {mode: strict}");
        BusClient pub = client(broker, "pub-7")) {
      PublishResult bad = publish(pub, "orders.eu", "NODE_START", "[]");

      assertThat(bad.code()).isEqualTo(ErrorCode.INVALID_ENVELOPE);
      Awaitility.await().atMost(WAIT).until(() -> !lines.list.isEmpty());
      ILoggingEvent line = lines.list.get(0);
      assertThat(line.getLevel()).isEqualTo(Level.WARN);
      assertThat(keyValues(line))
          .containsEntry("event", "EVENT_INVALID_SCHEMA")
          .containsEntry("bus", "shop")
          .containsEntry("topic", "orders.eu")
          .containsEntry("node_id", "pub-7")
          .containsEntry("code", "INVALID_ENVELOPE")
          .containsEntry("schema_hash", OnexEventContract.hash())
          .containsKey("errors");
    } finally {
      logger.detachAppender(lines);
    }
  }

  private static java.util.Map<String, Object> keyValues(ILoggingEvent e) {
    java.util.Map<String, Object> out = new java.util.HashMap<>();
    e.getKeyValuePairs().forEach(kv -> out.put(kv.key, kv.value));
    return out;
  }

  @Test
  void permissiveDeliversInvalidEventsFlaggedAndValidOnesClean() throws Exception {
    try (Broker broker = TestBuses.start("user");
        BusClient pub = client(broker, "pub-1");
        BusClient sub = client(broker, "sub-1")) {
      broker.updateSchemas(List.of(registered("user", "orders.>", 1, ORDER_SCHEMA)), 1);
      Awaitility.await().atMost(WAIT).until(() -> broker.schemaRevision() == 1);
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      List<ReceivedEvent> reports = new CopyOnWriteArrayList<>();
      sub.subscribe("orders.>", got::add).ready().get();
      sub.subscribe("$onex.bus.user.schema", reports::add).ready().get();

      assertThat(publish(pub, "orders.eu", "NODE_START", "{\"qty\":2}").isAccepted()).isTrue();
      assertThat(publish(pub, "orders.eu", "NODE_START", "{\"qty\":\"two\"}").isAccepted())
          .isTrue();
      // Permissive mode does not check the catalogue: a custom type is fine.
      assertThat(publish(pub, "orders.eu", "CUSTOM", "{\"qty\":3}").isAccepted()).isTrue();

      Awaitility.await().atMost(WAIT).until(() -> got.size() == 3 && reports.size() == 1);
      assertThat(got).extracting(ReceivedEvent::schemaInvalid).containsExactly(false, true, false);
      JsonNode report = JSON.readTree(reports.get(0).payload()).path("metadata");
      assertThat(report.path("action").asText()).isEqualTo("flagged");
      assertThat(report.path("mode").asText()).isEqualTo("permissive");
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(broker.snapshot().schemaInvalid()).isEqualTo(1);
                assertThat(broker.snapshot().schemaFlagged()).isEqualTo(1);
              });
    }
  }

  @Test
  void aSchemaUpdateTakesEffectWithoutARestart() throws Exception {
    try (Broker broker = TestBuses.start("shop", "schema: {mode: strict}");
        BusClient pub = client(broker, "pub-1")) {
      assertThat(publish(pub, "orders.eu", "NODE_START", "{\"qty\":\"two\"}").isAccepted())
          .isTrue();

      broker.updateSchemas(List.of(registered("shop", "orders.>", 1, ORDER_SCHEMA)), 1);
      Awaitility.await().atMost(WAIT).until(() -> broker.schemaRevision() == 1);
      PublishResult refused = publish(pub, "orders.eu", "NODE_START", "{\"qty\":\"two\"}");
      assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
      assertThat(refused.schemaFailure().schemaVersion()).isEqualTo(1);

      String v2 = "{\"properties\":{\"qty\":{\"type\":[\"integer\",\"string\"]}}}";
      broker.updateSchemas(List.of(registered("shop", "orders.>", 2, v2)), 2);
      Awaitility.await().atMost(WAIT).until(() -> broker.schemaRevision() == 2);
      assertThat(publish(pub, "orders.eu", "NODE_START", "{\"qty\":\"two\"}").isAccepted())
          .isTrue();
      assertThat(publish(pub, "orders.eu", "NODE_START", "{\"qty\":true}").schemaFailure())
          .extracting(SchemaFailure::schemaVersion)
          .isEqualTo(2L);
    }
  }

  @Test
  void deletingASchemaWhileEventsFlowLosesNothingAndBreaksNothing() throws Exception {
    try (Broker broker = TestBuses.start("shop", "schema: {mode: strict}");
        BusClient pub = client(broker, "pub-1");
        BusClient sub = client(broker, "sub-1")) {
      broker.updateSchemas(List.of(registered("shop", "orders.>", 1, ORDER_SCHEMA)), 1);
      Awaitility.await().atMost(WAIT).until(() -> broker.schemaRevision() == 1);
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      sub.subscribe("orders.>", got::add).ready().get();
      AtomicBoolean flowing = new AtomicBoolean(true);
      List<CompletableFuture<PublishResult>> results = new CopyOnWriteArrayList<>();
      Thread publisher =
          new Thread(
              () -> {
                while (flowing.get()) {
                  results.add(send(pub, "orders.eu", "NODE_START", "{\"qty\":\"two\"}"));
                }
              });
      publisher.start();
      Awaitility.await().atMost(WAIT).until(() -> results.size() > 2_000);
      long revision = 2;
      for (int i = 0; i < 20; i++) {
        // Delete, re-register, delete: every switch under load.
        broker.updateSchemas(
            i % 2 == 0 ? List.of() : List.of(registered("shop", "orders.>", 1, ORDER_SCHEMA)),
            revision);
        long expected = revision++;
        Awaitility.await().atMost(WAIT).until(() -> broker.schemaRevision() == expected);
      }
      broker.updateSchemas(List.of(), revision);
      long finalRevision = revision;
      Awaitility.await().atMost(WAIT).until(() -> broker.schemaRevision() == finalRevision);
      flowing.set(false);
      publisher.join();
      PublishResult after = publish(pub, "orders.eu", "NODE_START", "{\"qty\":\"two\"}");
      assertThat(after.isAccepted()).isTrue();

      List<PublishResult> done = new ArrayList<>();
      for (CompletableFuture<PublishResult> r : results) {
        done.add(r.get());
      }
      long accepted = done.stream().filter(PublishResult::isAccepted).count();
      long rejected = done.stream().filter(r -> r.code() == ErrorCode.SCHEMA_VIOLATION).count();
      assertThat(accepted + rejected).isEqualTo(done.size());
      Awaitility.await().atMost(WAIT).until(() -> got.size() == accepted + 1);
      assertThat(broker.loopErrors()).isZero();
    }
  }

  @Test
  void hugeDeepAndNonJsonPayloadsAreRefusedWithTheLimitNamed() throws Exception {
    try (Broker broker =
            TestBuses.start("shop", "schema: {mode: strict, max_payload_bytes: 4096}");
        BusClient pub = client(broker, "pub-1")) {
      PublishResult huge =
          publish(pub, "a.b", "NODE_START", "{\"pad\":\"" + "x".repeat(5000) + "\"}");
      assertThat(huge.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
      assertThat(huge.message()).contains("4096");

      String deep = "{\"a\":".repeat(80) + "1" + "}".repeat(80);
      PublishResult tooDeep = publish(pub, "a.b", "NODE_START", deep);
      assertThat(tooDeep.code()).isEqualTo(ErrorCode.PAYLOAD_NOT_JSON);
      assertThat(tooDeep.message()).contains("64");

      byte[] notJson = "{this is not json}".getBytes(StandardCharsets.UTF_8);
      PublishResult garbage =
          pub.publishEncoded("a.b", "NODE_START", null, notJson, PublishOptions.NONE).get();
      assertThat(garbage.code()).isEqualTo(ErrorCode.PAYLOAD_NOT_JSON);

      assertThat(publish(pub, "a.b", "NODE_START", "{}").isAccepted()).isTrue();
      assertThat(broker.loopErrors()).isZero();
    }
  }

  @Test
  void topicRulesChooseTheModePerPattern() throws Exception {
    String yaml = "schema: {mode: off, topics: [{pattern: \"orders.>\", mode: strict}]}";
    try (Broker broker = TestBuses.start("shop", yaml);
        BusClient pub = client(broker, "pub-1")) {
      assertThat(publish(pub, "orders.eu", "WHATEVER", "{}").code())
          .isEqualTo(ErrorCode.INVALID_ENVELOPE);
      assertThat(publish(pub, "other.topic", "WHATEVER", "{}").isAccepted()).isTrue();
    }
  }

  @Test
  void clientSideValidationFailsEarlyWithoutSendingAnything() throws Exception {
    RegisteredSchema orders = registered("shop", "orders.>", 1, ORDER_SCHEMA);
    try (Broker broker = TestBuses.start("shop", "schema: {mode: off}");
        SchemaValidation validation = SchemaValidation.of(List.of(orders), false);
        BusClient pub =
            BusClient.connect(
                BusClientOptions.builder()
                    .endpoint(broker.endpoint())
                    .nodeId("pub-1")
                    .schemaValidation(validation)
                    .build())) {
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      pub.subscribe("orders.>", got::add).ready().get();

      PublishResult local = publish(pub, "orders.eu", "NODE_START", "{\"qty\":0}");
      PublishResult sent = publish(pub, "orders.eu", "NODE_START", "{\"qty\":1}");

      assertThat(local.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
      assertThat(local.schemaFailure().schemaHash()).isEqualTo(orders.hash());
      assertThat(sent.isAccepted()).isTrue();
      // The bus never saw the bad one: the only event on the topic is the good one.
      Awaitility.await().atMost(WAIT).until(() -> got.size() == 1);
      assertThat(got.get(0).sequence()).isEqualTo(sent.sequence());
      assertThat(broker.snapshot().schemaInvalid()).isZero();
    }
  }

  static RegisteredSchema registered(String bus, String topic, int version, String doc)
      throws Exception {
    JsonNode tree = JSON.readTree(doc);
    return new RegisteredSchema(
        bus, topic, version, SchemaHash.of(tree), AppliesTo.METADATA, tree, Instant.EPOCH, "test");
  }

  static PublishResult publish(BusClient c, String topic, String type, String metadata)
      throws Exception {
    return send(c, topic, type, metadata).get();
  }

  static CompletableFuture<PublishResult> send(
      BusClient c, String topic, String type, String metadata) {
    String json =
        "{\"event_id\":\"9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11\","
            + "\"timestamp\":\"2025-05-28T12:36:25.677980\",\"node_id\":\"pub-1\","
            + "\"event_type\":\""
            + type
            + "\",\"correlation_id\":null,\"metadata\":"
            + metadata
            + "}";
    return c.publishEncoded(
        topic, type, null, json.getBytes(StandardCharsets.UTF_8), PublishOptions.NONE);
  }

  private static BusClient client(Broker broker, String nodeId) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(nodeId).build());
  }
}
