package io.onex.bus.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OnexEvent envelope as ONEX's Python writes it, and back. */
class OnexEventJsonTest {
  private static final String ID = "9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11";

  /** Exactly what ONEX Python's {@code OnexEvent.model_dump_json()} writes for a naive time. */
  private static final String PYTHON_NAIVE =
      "{\"event_id\":\""
          + ID
          + "\",\"timestamp\":\"2025-05-28T12:36:25.677980\",\"node_id\":\"node-a\","
          + "\"event_type\":\"NODE_START\",\"correlation_id\":null,\"metadata\":null}";

  private static final String JAVA_FORM =
      "{\"event_id\":\""
          + ID
          + "\",\"timestamp\":\"2025-05-28T12:36:25.677980Z\",\"node_id\":\"node-a\","
          + "\"event_type\":\"NODE_START\",\"correlation_id\":null,\"metadata\":null}";

  @Test
  void readsWhatPythonWritesWithANaiveTimestampAsUtc() throws Exception {
    OnexEvent e = read(PYTHON_NAIVE);

    assertThat(e.eventId()).isEqualTo(UUID.fromString(ID));
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-05-28T12:36:25.677980Z"));
    assertThat(e.nodeId()).isEqualTo("node-a");
    assertThat(e.eventType()).isEqualTo("NODE_START");
    assertThat(e.correlationId()).isNull();
    assertThat(e.metadata()).isNull();
    assertThat(e.schemaVersion()).isNull();
    assertThat(e.unknownFields()).isEmpty();
  }

  @Test
  void writesBackCompactInModelOrderWithZ() throws Exception {
    assertThat(write(read(PYTHON_NAIVE))).isEqualTo(JAVA_FORM);
    assertThat(write(read(JAVA_FORM))).isEqualTo(JAVA_FORM);
  }

  static Stream<Arguments> timestamps() {
    return Stream.of(
        arguments("2025-05-28T12:36:25.677980", "2025-05-28T12:36:25.677980Z"),
        arguments("2025-05-28T12:36:25.677980Z", "2025-05-28T12:36:25.677980Z"),
        arguments("2025-05-28T12:36:25.677980z", "2025-05-28T12:36:25.677980Z"),
        arguments("2025-05-28T12:36:25.677980+00:00", "2025-05-28T12:36:25.677980Z"),
        arguments("2025-05-28T14:36:25.677980+02:00", "2025-05-28T12:36:25.677980Z"),
        arguments("2025-05-28T10:36:25.677980-02:00", "2025-05-28T12:36:25.677980Z"),
        arguments("2025-05-28T00:30:00+02:00", "2025-05-27T22:30:00Z"),
        arguments("2025-05-28T12:36:25", "2025-05-28T12:36:25Z"),
        arguments("2025-05-28T12:36:25Z", "2025-05-28T12:36:25Z"),
        arguments("2025-05-28T12:36:25.000000", "2025-05-28T12:36:25Z"),
        arguments("2025-05-28T12:36:25.5", "2025-05-28T12:36:25.500000Z"),
        arguments("2025-05-28T12:36:25.000001Z", "2025-05-28T12:36:25.000001Z"),
        arguments("2025-05-28T12:36:25.123456789Z", "2025-05-28T12:36:25.123456Z"),
        arguments("0001-01-01T00:00:00", "0001-01-01T00:00:00Z"),
        arguments("9999-12-31T23:59:59.999999", "9999-12-31T23:59:59.999999Z"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("timestamps")
  void timestampsAreReadAndWrittenAsUtcMicros(String in, String out) throws Exception {
    String json = PYTHON_NAIVE.replace("2025-05-28T12:36:25.677980", in);

    OnexEvent e = read(json);

    assertThat(e.timestamp()).isEqualTo(Instant.parse(out));
    assertThat(write(e)).isEqualTo(JAVA_FORM.replace("2025-05-28T12:36:25.677980Z", out));
  }

  @Test
  void timestampDigitsAreAsciiWhateverTheDefaultLocale() throws Exception {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      assertThat(String.format("%d", 7)).as("the locale really has other digits").isNotEqualTo("7");
      assertThat(write(read(PYTHON_NAIVE))).isEqualTo(JAVA_FORM);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void metadataObjectIsKeptInOrder() throws Exception {
    String json =
        PYTHON_NAIVE.replace(
            "\"metadata\":null",
            "\"metadata\":{\"z\":1,\"a\":[true,null,\"x\"],\"m\":{\"n\":1.5},\"s\":\"é ✓\"}");

    OnexEvent e = read(json);

    assertThat(e.metadata().isObject()).isTrue();
    assertThat(e.metadata().get("m").get("n").asDouble()).isEqualTo(1.5);
    assertThat(write(e)).isEqualTo(json.replace(".677980\"", ".677980Z\""));
  }

  @Test
  void correlationIdAndSchemaVersionAreKept() throws Exception {
    String json =
        JAVA_FORM
            .replace("\"correlation_id\":null", "\"correlation_id\":\"req-1\"")
            .replace("\"metadata\":null", "\"metadata\":{},\"schema_version\":\"1.0.0\"");

    OnexEvent e = read(json);

    assertThat(e.correlationId()).isEqualTo("req-1");
    assertThat(e.schemaVersion()).isEqualTo("1.0.0");
    assertThat(write(e)).isEqualTo(json);
  }

  @Test
  void unknownFieldsAreKeptAndWrittenBackInOrderAfterTheKnownOnes() throws Exception {
    String json =
        "{\"zeta\":1,\"event_id\":\""
            + ID
            + "\",\"timestamp\":\"2025-05-28T12:36:25.677980Z\",\"extra\":{\"k\":[1,2]},"
            + "\"node_id\":\"node-a\",\"event_type\":\"NODE_START\",\"alpha\":null}";

    OnexEvent e = read(json);

    assertThat(e.unknownFields().keySet()).containsExactly("zeta", "extra", "alpha");
    assertThat(write(e))
        .isEqualTo(
            JAVA_FORM.replace(
                "\"metadata\":null}",
                "\"metadata\":null,\"zeta\":1,\"extra\":{\"k\":[1,2]},\"alpha\":null}"));
  }

  @Test
  void missingOptionalFieldsAreWrittenAsNull() throws Exception {
    String json =
        "{\"event_id\":\""
            + ID
            + "\",\"timestamp\":\"2025-05-28T12:36:25.677980Z\",\"node_id\":\"node-a\","
            + "\"event_type\":\"NODE_START\"}";

    assertThat(write(read(json))).isEqualTo(JAVA_FORM);
  }

  @Test
  void anyEventTypeStringIsAccepted() throws Exception {
    OnexEvent e = read(JAVA_FORM.replace("NODE_START", "MY_OWN_TYPE"));

    assertThat(e.eventType()).isEqualTo("MY_OWN_TYPE");
    assertThat(EventTypes.originOf(e.eventType())).isEqualTo(EventTypes.Origin.OTHER);
  }

  @Test
  void uppercaseUuidIsReadAndWrittenLowercase() throws Exception {
    OnexEvent e = read(JAVA_FORM.replace(ID, ID.toUpperCase(Locale.ROOT)));

    assertThat(write(e)).isEqualTo(JAVA_FORM);
  }

  @Test
  void createdEventsRoundTrip() throws Exception {
    ObjectNode metadata = OnexEventJson.mapper().createObjectNode().put("k", "v");
    OnexEvent e = OnexEvent.create("node-b", "NODE_SUCCESS", metadata).withCorrelationId("c-1");

    OnexEvent back = OnexEventJson.read(OnexEventJson.write(e));

    assertThat(back).isEqualTo(e);
    assertThat(back.timestamp().getNano() % 1000).isZero();
  }

  // --- bad envelopes ----------------------------------------------------------------------------

  static Stream<Arguments> badEnvelopes() {
    ErrorCode notJson = ErrorCode.PAYLOAD_NOT_JSON;
    ErrorCode invalid = ErrorCode.INVALID_ENVELOPE;
    return Stream.of(
        arguments("not JSON", "hello", notJson),
        arguments("empty", "", notJson),
        arguments("blank", "  \n", notJson),
        arguments("truncated", JAVA_FORM.substring(0, 40), notJson),
        arguments("trailing garbage", JAVA_FORM + "]", notJson),
        arguments("two objects", JAVA_FORM + JAVA_FORM, notJson),
        arguments("single quotes", JAVA_FORM.replace('"', '\''), notJson),
        arguments(
            "NaN", JAVA_FORM.replace("\"metadata\":null", "\"metadata\":{\"x\":NaN}"), notJson),
        arguments("nested deeper than MAX_DEPTH", nested(OnexEventJson.MAX_DEPTH - 1), notJson),
        arguments("JSON array", "[" + JAVA_FORM + "]", invalid),
        arguments("JSON string", "\"x\"", invalid),
        arguments("JSON null", "null", invalid),
        arguments("missing event_id", without("event_id"), invalid),
        arguments("missing timestamp", without("timestamp"), invalid),
        arguments("missing node_id", without("node_id"), invalid),
        arguments("missing event_type", without("event_type"), invalid),
        arguments("null event_id", JAVA_FORM.replace("\"" + ID + "\"", "null"), invalid),
        arguments("numeric node_id", JAVA_FORM.replace("\"node-a\"", "7"), invalid),
        arguments("non-UUID id", JAVA_FORM.replace(ID, "not-a-uuid"), invalid),
        arguments("short UUID group", JAVA_FORM.replace(ID, "1-2-3-4-5"), invalid),
        arguments("UUID missing a digit", JAVA_FORM.replace(ID, ID.substring(1)), invalid),
        arguments("UUID without dashes", JAVA_FORM.replace(ID, ID.replace("-", "")), invalid),
        arguments("bad timestamp", JAVA_FORM.replace("2025-05-28T12", "2025-13-28T12"), invalid),
        arguments("date only", timestamp("2025-05-28"), invalid),
        arguments("empty timestamp", timestamp(""), invalid),
        arguments("timestamp Z only", timestamp("Z"), invalid),
        arguments("year 0", timestamp("0000-01-01T00:00:00Z"), invalid),
        arguments("year 10000", timestamp("+10000-01-01T00:00:00Z"), invalid),
        arguments("past 9999 in UTC", timestamp("9999-12-31T23:00:00-02:00"), invalid),
        arguments("space separator", timestamp("2025-05-28 12:36:25"), invalid),
        arguments(
            "numeric timestamp",
            JAVA_FORM.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":1"),
            invalid),
        arguments(
            "metadata array", JAVA_FORM.replace("\"metadata\":null", "\"metadata\":[]"), invalid),
        arguments(
            "metadata string",
            JAVA_FORM.replace("\"metadata\":null", "\"metadata\":\"x\""),
            invalid),
        arguments(
            "numeric correlation_id",
            JAVA_FORM.replace("\"correlation_id\":null", "\"correlation_id\":5"),
            invalid),
        arguments(
            "object schema_version",
            JAVA_FORM.replace("\"metadata\":null", "\"metadata\":null,\"schema_version\":{}"),
            invalid));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEnvelopes")
  void rejectsBadEnvelopes(String why, String json, ErrorCode code) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void nestingUpToMaxDepthIsAccepted() throws Exception {
    OnexEvent e = read(nested(OnexEventJson.MAX_DEPTH - 2));

    JsonNode n = e.metadata();
    int depth = 1;
    while (n.has("a")) {
      n = n.get("a");
      depth++;
    }
    assertThat(depth + 1).as("document depth counting the envelope").isEqualTo(64);
  }

  /** An envelope whose document nesting depth (envelope included) is {@code wrappers + 2}. */
  private static String nested(int wrappers) {
    String m = "{}";
    for (int i = 0; i < wrappers; i++) {
      m = "{\"a\":" + m + "}";
    }
    return JAVA_FORM.replace("\"metadata\":null", "\"metadata\":" + m);
  }

  private static String without(String field) {
    return JAVA_FORM.replaceAll("\"" + field + "\":(\"[^\"]*\"|null),", "");
  }

  private static String timestamp(String value) {
    return JAVA_FORM.replace("2025-05-28T12:36:25.677980Z", value);
  }

  private static OnexEvent read(String json) throws ProtocolException {
    return OnexEventJson.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String write(OnexEvent e) {
    return new String(OnexEventJson.write(e), StandardCharsets.UTF_8);
  }

  @Test
  void helperRemovesTheField() {
    for (String f : List.of("event_id", "timestamp", "node_id", "event_type")) {
      assertThat(without(f)).doesNotContain("\"" + f + "\"");
    }
  }
}
