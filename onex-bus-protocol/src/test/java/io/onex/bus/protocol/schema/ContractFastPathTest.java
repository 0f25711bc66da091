package io.onex.bus.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only ever say "passes" where the JSON Schema evaluator agrees; and it must say
 * so for ordinary valid events, or it saves nothing.
 */
class ContractFastPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Object ABSENT = new Object();

  @Test
  void theRulesWereWrittenFromTheShippedContract() {
    // Changing onex-event.schema.json means re-reading ContractFastPath and updating its hash.
    assertThat(OnexEventContract.hash()).isEqualTo(ContractFastPath.CONTRACT_HASH);
  }

  @Property(tries = 3000)
  void whatTheFastPathPassesTheEvaluatorPasses(
      @ForAll("events") ObjectNode event,
      @ForAll boolean strict,
      @ForAll("recordTypes") String recordType,
      @ForAll("recordCorrelations") String recordCorrelation) {
    byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
    boolean fast =
        ContractFastPath.passes(
                bytes, 0, bytes.length, strict, recordType, recordCorrelation, false, null)
            != null;
    boolean full =
        OnexEventContract.check(event, strict).isEmpty()
            && headerAgrees(event, recordType, recordCorrelation);

    if (fast) {
      assertThat(full)
          .as("fast path passed %s strict=%s %s/%s", event, strict, recordType, recordCorrelation)
          .isTrue();
    }
    if (full) {
      assertThat(fast)
          .as("fast path missed %s strict=%s %s/%s", event, strict, recordType, recordCorrelation)
          .isTrue();
    }
  }

  @Test
  void pythonAndJavaEventsTakeTheFastPath() throws Exception {
    assertThat(fast(OnexEventContractTest.PYTHON_DUMP)).isTrue();
    JsonNode metadata =
        ContractFastPath.passes(
            bytes(EventSchemaCheckTest.event("{\"qty\":2}")),
            0,
            0,
            true,
            "NODE_START",
            "",
            true,
            null);
    assertThat(metadata).isNull(); // an empty slice is not an event
    byte[] e = bytes(EventSchemaCheckTest.event("{\"qty\":2}"));
    assertThat(ContractFastPath.passes(e, 0, e.length, true, "NODE_START", "", true, null))
        .isEqualTo(JSON.readTree("{\"qty\":2}"));
    assertThat(ContractFastPath.isTimestamp("2025-05-28T12:36:25.677980Z")).isTrue();
    assertThat(ContractFastPath.isTimestamp("2025-05-28T12:36:25+02:00")).isTrue();
    assertThat(ContractFastPath.isTimestamp("2025-05-28T12:36:25.")).isFalse();
    assertThat(ContractFastPath.isTimestamp("2025-05-28T12:36:25+0200")).isFalse();
    assertThat(ContractFastPath.isUuid("9F1C5A0E-2A52-4B7B-8F0E-3D2D7B3F5F11")).isTrue();
    assertThat(ContractFastPath.isUuid("9f1c5a0e2a524b7b8f0e3d2d7b3f5f11")).isFalse();
  }

  @Test
  void fieldsInAnyOrderWithUnknownOnesFirstStillTakeTheFastPath() {
    assertThat(
            fast(
                "{\"x\":[1,{\"y\":2}],\"metadata\":{\"a\":1},\"node_id\":\"n\","
                    + "\"event_type\":\"NODE_START\",\"timestamp\":\"2025-05-28T12:36:25Z\","
                    + "\"event_id\":\"9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11\"}"))
        .isTrue();
    assertThat(
            fast(
                OnexEventContractTest.PYTHON_DUMP.replace(
                    "\"metadata\":null", "\"metadata\":null,\"event_id\":\"x\"")))
        .as("a repeat after the fields in order")
        .isFalse();
  }

  @Test
  void whatItCannotBeSureOfGoesToTheFullPath() {
    String valid = OnexEventContractTest.PYTHON_DUMP;
    assertThat(fast(valid + " {}")).as("trailing data").isFalse();
    assertThat(
            fast(valid.replace("\"node_id\":\"node-a\",", "\"node_id\":\"a\",\"node_id\":\"b\",")))
        .as("a repeated field")
        .isFalse();
    assertThat(
            fast(
                valid.replace(
                    "\"metadata\":null", "\"metadata\":" + "[".repeat(70) + "]".repeat(70))))
        .as("too deep")
        .isFalse();
    assertThat(fast(valid.replace("\"metadata\":null", "\"x\":{not json}")))
        .as("malformed inside an unknown field")
        .isFalse();
    assertThat(fast(valid.substring(0, valid.length() - 1))).as("truncated").isFalse();
  }

  private static boolean fast(String payload) {
    byte[] b = bytes(payload);
    return ContractFastPath.passes(b, 0, b.length, true, "NODE_START", "", false, null) != null;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<ObjectNode> events() {
    Arbitrary<Object> ids =
        Arbitraries.of(
            "9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11",
            "9F1C5A0E-2A52-4B7B-8F0E-3D2D7B3F5F11",
            "9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f1",
            "9f1c5a0e_2a52-4b7b-8f0e-3d2d7b3f5f11",
            "g f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f1",
            "",
            7,
            ABSENT);
    Arbitrary<Object> times =
        Arbitraries.of(
            "2025-05-28T12:36:25.677980",
            "2025-05-28T12:36:25Z",
            "2025-05-28T12:36:25z",
            "2025-05-28T12:36:25.1-05:30",
            "2025-05-28 12:36:25",
            "2025-05-28T12:36:25.",
            "2025-05-28T12:36:25+05",
            "2025-05-28T12:36:25Zx",
            "25-05-28T12:36:25",
            "",
            1.5,
            ABSENT);
    Arbitrary<Object> nodes = Arbitraries.of("node-a", "", "é", 3, ABSENT);
    Arbitrary<Object> types =
        Arbitraries.of("NODE_START", "EVENT_DROPPED", "CUSTOM", "", false, ABSENT);
    Arbitrary<Object> correlations = Arbitraries.of("c-1", "", JSON.nullNode(), 5, ABSENT);
    Arbitrary<Object> metadata =
        Arbitraries.of(
            JSON.createObjectNode().put("a", 1),
            JSON.nullNode(),
            JSON.createArrayNode(),
            "text",
            ABSENT);
    Arbitrary<Object> versions = Arbitraries.of("1", "", 2, JSON.nullNode(), ABSENT);
    Arbitrary<Object> extra = Arbitraries.of("x", 1, JSON.nullNode(), ABSENT);
    return Combinators.combine(
            Combinators.combine(ids, times, nodes, types).as(List::of),
            Combinators.combine(correlations, metadata, versions, extra).as(List::of))
        .as(
            (a, b) -> {
              ObjectNode e = JSON.createObjectNode();
              put(e, "event_id", a.get(0));
              put(e, "timestamp", a.get(1));
              put(e, "node_id", a.get(2));
              put(e, "event_type", a.get(3));
              put(e, "correlation_id", b.get(0));
              put(e, "metadata", b.get(1));
              put(e, "schema_version", b.get(2));
              put(e, "extra_field", b.get(3));
              return e;
            });
  }

  @Provide
  Arbitrary<String> recordTypes() {
    return Arbitraries.of("NODE_START", "EVENT_DROPPED", "CUSTOM", "OTHER");
  }

  @Provide
  Arbitrary<String> recordCorrelations() {
    return Arbitraries.of("", "c-1", "c-2");
  }

  private static void put(ObjectNode e, String field, Object value) {
    if (value != ABSENT) {
      e.set(field, JSON.valueToTree(value));
    }
  }

  private static boolean headerAgrees(JsonNode e, String type, String correlation) {
    JsonNode t = e.get("event_type");
    JsonNode c = e.get("correlation_id");
    boolean typeOk = t == null || !t.isTextual() || t.textValue().equals(type);
    String inPayload = c == null || c.isNull() ? "" : c.isTextual() ? c.textValue() : null;
    return typeOk && (inPayload == null || inPayload.equals(correlation));
  }
}
