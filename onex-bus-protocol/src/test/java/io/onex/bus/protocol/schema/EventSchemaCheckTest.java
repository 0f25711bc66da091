package io.onex.bus.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSchemaCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 1 << 20;

  @Test
  void aValidEventWithoutTopicSchemaPasses() {
    assertThat(check(event("{\"a\":1}"), null)).isNull();
  }

  @Test
  void notJsonTooDeepAndTooLargeAreNamed() {
    SchemaFailure notJson = check("{not json}", null);
    assertThat(notJson.code()).isEqualTo(ErrorCode.PAYLOAD_NOT_JSON);
    assertThat(notJson.schemaHash()).isEqualTo(OnexEventContract.hash());

    String deep = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
    SchemaFailure tooDeep = check(deep, null);
    assertThat(tooDeep.code()).isEqualTo(ErrorCode.PAYLOAD_NOT_JSON);
    assertThat(tooDeep.message()).contains("64 levels");

    byte[] big = event("{\"pad\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
    SchemaFailure tooLarge =
        EventSchemaCheck.check(big, 0, big.length, "NODE_START", "", false, null, 1024);
    assertThat(tooLarge.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.message()).contains("1024 bytes").contains("schema.max_payload_bytes");
  }

  @Test
  void trailingDataIsNotJson() {
    assertThat(check(event("{}") + " {}", null).code()).isEqualTo(ErrorCode.PAYLOAD_NOT_JSON);
  }

  @Test
  void aHeaderThatDisagreesWithThePayloadBreaksTheContract() {
    byte[] p = event("{}").getBytes(StandardCharsets.UTF_8);

    SchemaFailure f = EventSchemaCheck.check(p, 0, p.length, "NODE_STOP", "", false, null, LIMIT);

    assertThat(f.code()).isEqualTo(ErrorCode.INVALID_ENVELOPE);
    assertThat(f.violations()).extracting(SchemaViolation::pointer).containsExactly("/event_type");
  }

  @Test
  void theTopicSchemaAppliesToMetadataWithPointersIntoTheEvent() throws Exception {
    TopicSchema orders = schema("orders.>", AppliesTo.METADATA, 2);

    assertThat(check(event("{\"qty\":2}"), orders)).isNull();
    SchemaFailure f = check(event("{\"qty\":\"two\"}"), orders);

    assertThat(f.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
    assertThat(f.schemaHash()).isEqualTo(orders.registered().hash());
    assertThat(f.schemaTopic()).isEqualTo("orders.>");
    assertThat(f.schemaVersion()).isEqualTo(2);
    assertThat(f.violations())
        .extracting(SchemaViolation::pointer)
        .containsExactly("/metadata/qty");
  }

  @Test
  void nullMetadataFailsASchemaThatRequiresAnObject() throws Exception {
    SchemaFailure f = check(event("null"), schema("orders.>", AppliesTo.METADATA, 1));

    assertThat(f.violations()).extracting(SchemaViolation::pointer).containsExactly("/metadata");
  }

  @Test
  void aSchemaForTheWholeEventSeesEveryField() throws Exception {
    TopicSchema whole =
        TopicSchema.compile(
            registered(
                "audit.*",
                AppliesTo.EVENT,
                1,
                "{\"required\":[\"schema_version\"],"
                    + "\"properties\":{\"schema_version\":{\"const\":\"2\"}}}"));

    SchemaFailure f = check(event("{}"), whole);

    assertThat(f.violations()).extracting(SchemaViolation::pointer).containsExactly("");
  }

  @Test
  void theMostSpecificPatternGovernsATopic() throws Exception {
    TopicSchemaSet set =
        TopicSchemaSet.of(
            List.of(
                registered("orders.>", AppliesTo.METADATA, 1, "{}"),
                registered("orders.*.created", AppliesTo.METADATA, 1, "{}"),
                registered("orders.eu.created", AppliesTo.METADATA, 1, "{}"),
                registered("bad pattern", AppliesTo.METADATA, 1, "{}")),
            7,
            (r, why) -> {});

    assertThat(set.size()).isEqualTo(3);
    assertThat(set.revision()).isEqualTo(7);
    assertThat(set.forTopic("orders.eu.created").registered().topic())
        .isEqualTo("orders.eu.created");
    assertThat(set.forTopic("orders.us.created").registered().topic())
        .isEqualTo("orders.*.created");
    assertThat(set.forTopic("orders.us.deleted").registered().topic()).isEqualTo("orders.>");
    assertThat(set.forTopic("invoices.x")).isNull();
  }

  static TopicSchema schema(String topic, AppliesTo to, int version) throws Exception {
    return TopicSchema.compile(
        registered(
            topic,
            to,
            version,
            "{\"type\":\"object\",\"required\":[\"qty\"],"
                + "\"properties\":{\"qty\":{\"type\":\"integer\"}}}"));
  }

  static RegisteredSchema registered(String topic, AppliesTo to, int version, String doc)
      throws Exception {
    var tree = JSON.readTree(doc);
    return new RegisteredSchema(
        "user", topic, version, SchemaHash.of(tree), to, tree, Instant.EPOCH, "test");
  }

  static String event(String metadata) {
    return "{\"event_id\":\"9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11\","
        + "\"timestamp\":\"2025-05-28T12:36:25.677980\",\"node_id\":\"node-a\","
        + "\"event_type\":\"NODE_START\",\"correlation_id\":null,\"metadata\":"
        + metadata
        + "}";
  }

  private static SchemaFailure check(String payload, TopicSchema schema) {
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    return EventSchemaCheck.check(p, 0, p.length, "NODE_START", "", false, schema, LIMIT);
  }
}
