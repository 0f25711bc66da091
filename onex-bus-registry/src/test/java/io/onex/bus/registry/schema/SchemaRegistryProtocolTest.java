package io.onex.bus.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.client.BusSchemas;
import io.onex.bus.client.RegistryCallException;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.client.SchemaRegistration;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.SchemaHash;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.events.RegistryEvent;
import io.onex.bus.registry.testkit.RunningRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SCHEMA_* commands against a real registry over ZeroMQ, through {@link RegistryClient}:
 * versions and hashes, idempotent registration, refusals with reason and pointer, list, show,
 * history, delete, revisions in a broker's REGISTER and HEARTBEAT replies, the registry events, and
 * a restart on the same SQLite file.
 */
class SchemaRegistryProtocolTest {
  private static final String ORDER =
      "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
  private static final String ORDER_V2 =
      "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
          + "\"qty\":{\"type\":\"integer\"}},\"required\":[\"id\",\"qty\"]}";

  @TempDir Path dir;
  private RegistryNode node;
  private RegistryClient client;
  private final List<RegistryEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    startRegistry();
  }

  private void startRegistry() {
    node = RunningRegistry.start(dir);
    node.events().listen(events::add);
    client = RegistryClient.connect(node.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    node.close();
  }

  private static JsonNode json(String text) {
    try {
      return RegistryCodec.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static RegistryCallException refusal(ThrowingCallable call) {
    return catchThrowableOfType(RegistryCallException.class, call);
  }

  @Test
  void registeringCreatesVersionsWithHashesAndTheSameDocumentIsIdempotent() {
    SchemaRegistration first =
        client.registerSchema("user", "orders.*", json(ORDER), AppliesTo.METADATA, "node-a");
    assertThat(first.created()).isTrue();
    assertThat(first.revision()).isEqualTo(1);
    RegisteredSchema v1 = first.schema();
    assertThat(v1.bus()).isEqualTo("user");
    assertThat(v1.topic()).isEqualTo("orders.*");
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.hash()).isEqualTo(SchemaHash.of(json(ORDER)));
    assertThat(v1.appliesTo()).isEqualTo(AppliesTo.METADATA);
    assertThat(v1.schema()).isEqualTo(json(ORDER));
    assertThat(v1.registeredBy()).isEqualTo("node-a");

    SchemaRegistration same =
        client.registerSchema("user", "orders.*", json(ORDER), AppliesTo.METADATA, "node-b");
    assertThat(same.created()).isFalse();
    assertThat(same.schema()).isEqualTo(v1);
    assertThat(same.revision()).isEqualTo(1);

    SchemaRegistration changed =
        client.registerSchema("user", "orders.*", json(ORDER_V2), AppliesTo.METADATA);
    assertThat(changed.created()).isTrue();
    assertThat(changed.schema().version()).isEqualTo(2);
    assertThat(changed.schema().hash()).isEqualTo(SchemaHash.of(json(ORDER_V2)));
    assertThat(changed.schema().registeredBy()).isEqualTo(SchemaRegistry.UNKNOWN_REGISTRANT);
    assertThat(changed.revision()).isEqualTo(2);

    assertThat(events)
        .filteredOn(e -> e.type() == BusEventType.SCHEMA_REGISTERED)
        .extracting(RegistryEvent::fields)
        .extracting(f -> f.get("topic") + " v" + f.get("version") + " " + f.get("hash"))
        .containsExactly(
            "orders.* v1 " + SchemaHash.of(json(ORDER)),
            "orders.* v2 " + SchemaHash.of(json(ORDER_V2)));
    assertThat(events.get(events.size() - 1).topic()).isEqualTo("$onex.registry.schema.registered");
  }

  @Test
  void showListHistoryAndDelete() {
    client.registerSchema("user", "orders.*", json(ORDER), AppliesTo.METADATA);
    client.registerSchema("user", "orders.*", json(ORDER_V2), AppliesTo.METADATA);
    client.registerSchema("user", "audit.>", json("{\"type\":\"object\"}"), AppliesTo.EVENT);
    client.registerSchema("telemetry", "cpu", json("{\"type\":\"object\"}"), AppliesTo.METADATA);

    assertThat(client.schema("user", "orders.*", OptionalInt.empty()).version()).isEqualTo(2);
    assertThat(client.schema("user", "orders.*", OptionalInt.of(1)).schema())
        .isEqualTo(json(ORDER));

    ObjectNode all = client.schemas(Optional.empty());
    assertThat(all.path("schemas"))
        .extracting(s -> s.path("bus").asText() + " " + s.path("topic").asText())
        .containsExactly("telemetry cpu", "user audit.>", "user orders.*");
    assertThat(all.path("schemas")).allSatisfy(s -> assertThat(s.has("schema")).isFalse());
    assertThat(all.path("revisions")).isEqualTo(json("{\"telemetry\":1,\"user\":3}"));

    BusSchemas user = client.busSchemas("user");
    assertThat(user.revision()).isEqualTo(3);
    assertThat(user.schemas())
        .extracting(s -> s.topic() + " v" + s.version() + " " + s.appliesTo().wireName())
        .containsExactly("audit.> v1 event", "orders.* v2 metadata");
    assertThat(user.schemas().get(1).schema()).isEqualTo(json(ORDER_V2));
    assertThat(client.busSchemas("nobus")).isEqualTo(new BusSchemas("nobus", 0, List.of()));

    assertThat(client.deleteSchema("user", "orders.*")).isEqualTo(2);
    assertThat(client.busSchemas("user").revision()).isEqualTo(4);
    RegistryCallException gone =
        refusal(() -> client.schema("user", "orders.*", OptionalInt.empty()));
    assertThat(gone.code()).isEqualTo(ErrorCode.UNKNOWN_SCHEMA);
    assertThat(gone.getMessage()).isEqualTo("no current schema for topic 'orders.*' on bus 'user'");
    assertThat(gone.offending()).isEqualTo("orders.*");
    // The history keeps the deleted versions, and each is still readable by number.
    JsonNode history = client.schemaHistory("user", "orders.*");
    assertThat(history).hasSize(2);
    assertThat(history).allSatisfy(h -> assertThat(h.path("deleted_at").asText()).isNotEmpty());
    assertThat(client.schema("user", "orders.*", OptionalInt.of(2)).schema())
        .isEqualTo(json(ORDER_V2));
    assertThat(client.currentSchemas("user"))
        .extracting(RegisteredSchema::topic)
        .containsExactly("audit.>");

    RegistryCallException again = refusal(() -> client.deleteSchema("user", "orders.*"));
    assertThat(again.code()).isEqualTo(ErrorCode.UNKNOWN_SCHEMA);
    assertThat(client.busSchemas("user").revision()).isEqualTo(4);

    assertThat(
            client
                .registerSchema("user", "orders.*", json(ORDER_V2), AppliesTo.METADATA)
                .schema()
                .version())
        .isEqualTo(3);
    assertThat(events)
        .filteredOn(e -> e.type() == BusEventType.SCHEMA_DELETED)
        .extracting(RegistryEvent::fields)
        .containsExactly(
            java.util.Map.of(
                "bus",
                "user",
                "topic",
                "orders.*",
                "version",
                2,
                "hash",
                SchemaHash.of(json(ORDER_V2)),
                "deleted",
                2,
                "revision",
                4L));
  }

  static Stream<Arguments> invalidSchemas() {
    return Stream.of(
        Arguments.of("{\"type\": 12}", "not a valid JSON Schema", "/type"),
        Arguments.of(
            "{\"$ref\": \"http://example.com/x\"}",
            "references outside the schema document are not allowed: http://example.com/x",
            "/$ref"),
        Arguments.of("\"not an object\"", "a schema must be a JSON object", ""),
        Arguments.of("[]", "a schema must be a JSON object", ""),
        Arguments.of(
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}",
            "only JSON Schema draft 2020-12 is supported",
            "/$schema"),
        Arguments.of(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"pattern\":\"([a-z\"}}}",
            "",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSchemas")
  void anInvalidSchemaIsRefusedWithTheReasonAndWhere(String doc, String reason, String pointer) {
    RegistryCallException e =
        refusal(() -> client.registerSchema("user", "orders.*", json(doc), AppliesTo.METADATA));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    assertThat(e.getMessage()).startsWith(reason).isNotBlank();
    if (pointer != null) {
      assertThat(e.offending()).isEqualTo(pointer);
    }
    assertThat(node.server().counters().refused(ErrorCode.INVALID_SCHEMA)).isEqualTo(1);
    assertThat(client.schemas(Optional.empty()).path("schemas")).isEmpty();
    assertThat(client.busSchemas("user").revision()).isZero();
  }

  @Test
  void aRegexThatDoesNotCompileNamesItself() {
    RegistryCallException e =
        refusal(
            () ->
                client.registerSchema(
                    "user",
                    "orders.*",
                    json("{\"properties\":{\"id\":{\"pattern\":\"([a-z\"}}}"),
                    AppliesTo.METADATA));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    assertThat(e.getMessage()).contains("([a-z");
  }

  static Stream<Arguments> badRequests() {
    String schema = "\"schema\":{\"type\":\"object\"}";
    return Stream.of(
        Arguments.of(
            RegistryCommand.SCHEMA_REGISTER,
            "{\"bus\":\"User\",\"topic\":\"a\"," + schema + "}",
            ErrorCode.INVALID_REQUEST,
            "User"),
        Arguments.of(
            RegistryCommand.SCHEMA_REGISTER,
            "{\"bus\":\"user\",\"topic\":\"a.>.b\"," + schema + "}",
            ErrorCode.INVALID_REQUEST,
            "a.>.b"),
        Arguments.of(
            RegistryCommand.SCHEMA_REGISTER,
            "{\"bus\":\"user\",\"topic\":\"a..b\"," + schema + "}",
            ErrorCode.INVALID_REQUEST,
            "a..b"),
        Arguments.of(
            RegistryCommand.SCHEMA_REGISTER,
            "{\"bus\":\"user\",\"topic\":\"$onex.bus.user.>\"," + schema + "}",
            ErrorCode.INVALID_REQUEST,
            "$onex.bus.user.>"),
        Arguments.of(
            RegistryCommand.SCHEMA_REGISTER,
            "{\"bus\":\"user\",\"topic\":\"a\",\"applies_to\":\"payload\"," + schema + "}",
            ErrorCode.INVALID_REQUEST,
            "payload"),
        Arguments.of(
            RegistryCommand.SCHEMA_REGISTER,
            "{\"bus\":\"user\",\"topic\":\"a\"}",
            ErrorCode.INVALID_REQUEST,
            "schema"),
        Arguments.of(
            RegistryCommand.SCHEMA_GET,
            "{\"bus\":\"user\",\"topic\":\"a\",\"version\":0}",
            ErrorCode.INVALID_REQUEST,
            "0"),
        Arguments.of(
            RegistryCommand.SCHEMA_GET,
            "{\"bus\":\"user\",\"topic\":\"a\"}",
            ErrorCode.UNKNOWN_SCHEMA,
            "a"),
        Arguments.of(
            RegistryCommand.SCHEMA_LIST,
            "{\"bus\":\"no such\"}",
            ErrorCode.INVALID_REQUEST,
            "no such"),
        Arguments.of(
            RegistryCommand.SCHEMA_LIST,
            "{\"documents\":\"yes\"}",
            ErrorCode.INVALID_REQUEST,
            "\"yes\""),
        Arguments.of(
            RegistryCommand.SCHEMA_DELETE,
            "{\"bus\":\"user\",\"topic\":\"a\"}",
            ErrorCode.UNKNOWN_SCHEMA,
            "a"),
        Arguments.of(
            RegistryCommand.SCHEMA_HISTORY,
            "{\"bus\":\"user\"}",
            ErrorCode.INVALID_REQUEST,
            "topic"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badRequests")
  void badFieldsAreRefusedWithTheOffendingValue(
      RegistryCommand command, String body, ErrorCode code, String offending) {
    RegistryCallException e = refusal(() -> client.call(command, (ObjectNode) json(body)));
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.offending()).isEqualTo(offending);
    assertThat(e.getMessage()).isNotBlank();
    assertThat(node.server().counters().refused(code)).isEqualTo(1);
  }

  @Test
  void aSchemaOverTheSizeLimitIsRefusedNamingTheLimit() {
    // Canonical JSON: {"description":"xxx…"} is 18 bytes around the string.
    ObjectNode big = RegistryCodec.object();
    big.put("description", "x".repeat(RegistryCodec.MAX_SCHEMA_BYTES - 17));
    RegistryCallException e =
        refusal(() -> client.registerSchema("user", "a", big, AppliesTo.METADATA));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    assertThat(e.getMessage())
        .isEqualTo(
            "the schema is "
                + (RegistryCodec.MAX_SCHEMA_BYTES + 1)
                + " bytes as canonical JSON; the limit is "
                + RegistryCodec.MAX_SCHEMA_BYTES);

    ObjectNode fits = RegistryCodec.object();
    fits.put("description", "x".repeat(RegistryCodec.MAX_SCHEMA_BYTES - 18));
    assertThat(SchemaHash.canonicalBytes(fits)).hasSize(RegistryCodec.MAX_SCHEMA_BYTES);
    assertThat(client.registerSchema("user", "a", fits, AppliesTo.METADATA).created()).isTrue();
  }

  @Test
  void aBrokersRegisterAndHeartbeatRepliesCarryTheSchemaRevision() {
    ObjectNode reg = RegistryCodec.object();
    reg.put("node_id", "broker.user");
    ObjectNode bus = reg.putObject("bus");
    bus.put("name", "user");
    bus.put("endpoint", "tcp://127.0.0.1:5999");
    ObjectNode registered = client.register(reg);
    String initial = "{\"schema_revision\":0,\"debug\":{\"enabled\":false}}";
    assertThat(registered.path("bus_settings")).isEqualTo(json(initial));

    ObjectNode report = RegistryCodec.object();
    report.put("subscriber_count", 0);
    assertThat(client.heartbeat("broker.user", report).path("bus_settings"))
        .isEqualTo(json(initial));

    client.registerSchema("user", "orders.*", json(ORDER), AppliesTo.METADATA);
    assertThat(client.heartbeat("broker.user", report).path("bus_settings").path("schema_revision"))
        .isEqualTo(json("1"));
    client.registerSchema("user", "orders.*", json(ORDER), AppliesTo.METADATA);
    client.registerSchema("telemetry", "cpu", json(ORDER), AppliesTo.METADATA);
    assertThat(client.heartbeat("broker.user", report).path("bus_settings").path("schema_revision"))
        .isEqualTo(json("1"));
    client.deleteSchema("user", "orders.*");
    assertThat(client.heartbeat("broker.user", report).path("bus_settings").path("schema_revision"))
        .isEqualTo(json("2"));

    // A plain node's heartbeat, and a broker's without a report, carry no bus settings.
    assertThat(client.heartbeat("broker.user", null).has("bus_settings")).isFalse();
    ObjectNode plain = RegistryCodec.object();
    plain.put("node_id", "node-a");
    assertThat(client.register(plain).has("bus_settings")).isFalse();
    assertThat(client.heartbeat("node-a", null).has("bus_settings")).isFalse();
  }

  @Test
  void schemasVersionsAndRevisionsSurviveARestart() {
    client.registerSchema("user", "orders.*", json(ORDER), AppliesTo.METADATA, "node-a");
    client.registerSchema("user", "orders.*", json(ORDER_V2), AppliesTo.METADATA, "node-a");
    client.registerSchema("user", "old.>", json(ORDER), AppliesTo.EVENT);
    client.deleteSchema("user", "old.>");
    RegisteredSchema before = client.schema("user", "orders.*", OptionalInt.empty());
    stop();

    startRegistry();
    assertThat(client.schema("user", "orders.*", OptionalInt.empty())).isEqualTo(before);
    assertThat(client.busSchemas("user").revision()).isEqualTo(4);
    assertThat(client.currentSchemas("user")).containsExactly(before);
    assertThat(client.schemaHistory("user", "old.>")).hasSize(1);
    SchemaRegistration same =
        client.registerSchema("user", "orders.*", json(ORDER_V2), AppliesTo.METADATA);
    assertThat(same.created()).isFalse();
    SchemaRegistration next = client.registerSchema("user", "old.>", json(ORDER), AppliesTo.EVENT);
    assertThat(next.schema().version()).isEqualTo(2);
    assertThat(next.revision()).isEqualTo(5);
  }
}
