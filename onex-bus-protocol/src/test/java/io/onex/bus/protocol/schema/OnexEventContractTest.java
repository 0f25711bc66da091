package io.onex.bus.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.protocol.event.OnexEventType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OnexEventContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Exactly what ONEX's Python OnexEvent.model_dump_json() writes (pydantic 2, naive time). */
  static final String PYTHON_DUMP =
      "{\"event_id\":\"9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11\","
          + "\"timestamp\":\"2025-05-28T12:36:25.677980\",\"node_id\":\"node-a\","
          + "\"event_type\":\"NODE_START\",\"correlation_id\":null,\"metadata\":null}";

  @Test
  void pythonsModelDumpJsonIsValidEvenInStrictMode() throws Exception {
    JsonNode event = JSON.readTree(PYTHON_DUMP);

    assertThat(OnexEventContract.check(event, false)).isEmpty();
    assertThat(OnexEventContract.check(event, true)).isEmpty();
  }

  @Test
  void whatJavaWritesIsValid() throws Exception {
    OnexEvent e = OnexEvent.create("node-j", "STRUCTURED_LOG", JSON.createObjectNode().put("a", 1));

    assertThat(OnexEventContract.check(JSON.readTree(OnexEventJson.write(e)), true)).isEmpty();
  }

  @Test
  void theCatalogueInTheSchemaIsExactlyTheJavaCatalogue() {
    Set<String> inSchema = new HashSet<>();
    OnexEventContract.document()
        .path("$defs")
        .path("known_event_type")
        .path("enum")
        .forEach(n -> inSchema.add(n.asText()));
    Set<String> inJava = new HashSet<>();
    Arrays.stream(OnexEventType.values()).forEach(t -> inJava.add(t.name()));
    Arrays.stream(BusEventType.values()).forEach(t -> inJava.add(t.name()));

    assertThat(inSchema).isEqualTo(inJava);
  }

  @Test
  void anUnknownEventTypeFailsOnlyInStrictMode() throws Exception {
    JsonNode event = with("event_type", "CUSTOM_THING");

    assertThat(OnexEventContract.check(event, false)).isEmpty();
    assertThat(OnexEventContract.check(event, true))
        .singleElement()
        .satisfies(v -> assertThat(v.pointer()).isEqualTo("/event_type"));
  }

  @Test
  void unknownFieldsAreAllowed() throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(PYTHON_DUMP);
    event.put("extra_field", 42);

    assertThat(OnexEventContract.check(event, true)).isEmpty();
  }

  static Stream<Arguments> brokenEvents() throws Exception {
    return Stream.of(
        Arguments.of(with("event_id", "1-2-3-4-5"), "/event_id"),
        Arguments.of(with("event_id", 7), "/event_id"),
        Arguments.of(with("timestamp", "yesterday"), "/timestamp"),
        Arguments.of(with("timestamp", "2025-05-28 12:36:25"), "/timestamp"),
        Arguments.of(with("node_id", ""), "/node_id"),
        Arguments.of(with("event_type", ""), "/event_type"),
        Arguments.of(with("correlation_id", 12), "/correlation_id"),
        Arguments.of(with("metadata", "a string"), "/metadata"),
        Arguments.of(with("metadata", JSON.createArrayNode()), "/metadata"),
        Arguments.of(with("schema_version", JSON.nullNode()), "/schema_version"),
        Arguments.of(without("node_id"), ""));
  }

  @ParameterizedTest
  @MethodSource("brokenEvents")
  void eachBrokenFieldIsReportedWhereItIs(JsonNode event, String pointer) {
    List<SchemaViolation> violations = OnexEventContract.check(event, false);

    assertThat(violations).extracting(SchemaViolation::pointer).containsExactly(pointer);
    assertThat(violations.get(0).message()).isNotBlank();
  }

  @Test
  void offsetsAndZAreAccepted() throws Exception {
    for (String t :
        List.of("2025-05-28T12:36:25Z", "2025-05-28T12:36:25.1+02:00", "2025-05-28T12:36:25z")) {
      assertThat(OnexEventContract.check(with("timestamp", t), true)).as(t).isEmpty();
    }
  }

  @Test
  void theHashIsTheCanonicalHashOfTheShippedDocument() {
    assertThat(OnexEventContract.hash())
        .isEqualTo(SchemaHash.of(OnexEventContract.document()))
        .matches("[0-9a-f]{64}");
  }

  private static JsonNode with(String field, Object value) throws Exception {
    ObjectNode e = (ObjectNode) JSON.readTree(PYTHON_DUMP);
    e.set(field, JSON.valueToTree(value));
    return e;
  }

  private static JsonNode without(String field) throws Exception {
    ObjectNode e = (ObjectNode) JSON.readTree(PYTHON_DUMP);
    e.remove(field);
    return e;
  }
}
