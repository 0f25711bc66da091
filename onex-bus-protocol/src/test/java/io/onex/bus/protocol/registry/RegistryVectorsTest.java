package io.onex.bus.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.SchemaHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry codec against docs/protocol-vectors/registry: every request vector decodes to its
 * command and request id and passes the typed reads the registry makes for that command; every
 * reply vector decodes to its status, code and message and re-encodes to the same JSON; every
 * invalid vector is refused with its code. The files are the source of truth.
 *
 * <p>{@link #readAsServer} mirrors, field by field and in the same order, the reads of {@code
 * RequestHandler} in onex-bus-registry (which this module cannot depend on). Checks made further in
 * (node id grammar, protocol, TTL maxima, port policy, range grammar) belong to the registry and
 * are not mirrored; docs/protocol.md section 16 lists them.
 */
class RegistryVectorsTest {
  private static final String FOLDER = "docs/protocol-vectors/registry";
  private static final String REQUEST = "node -> registry";
  private static final String REPLY = "registry -> node";

  // ---------------------------------------------------------------- finding the files

  /** docs/protocol-vectors/registry, found by walking up from the working directory. */
  static Path directory() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve(FOLDER);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(FOLDER + " not found above " + Path.of("").toAbsolutePath());
  }

  private static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Path> requests() {
    return jsonFiles(directory()).stream().filter(p -> direction(p).equals(REQUEST));
  }

  static Stream<Path> replies() {
    return jsonFiles(directory()).stream().filter(p -> direction(p).equals(REPLY));
  }

  static Stream<Path> invalid() {
    return jsonFiles(directory().resolve("invalid")).stream();
  }

  private static JsonNode read(Path file) {
    try {
      return RegistryCodec.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String direction(Path file) {
    return read(file).path("direction").asText();
  }

  private static List<byte[]> frames(JsonNode vector) {
    List<byte[]> out = new ArrayList<>();
    vector.get("frames").forEach(f -> out.add(f.textValue().getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }

  private static ObjectNode body(JsonNode vector) throws IOException {
    return (ObjectNode) RegistryCodec.mapper().readTree(vector.get("frames").get(1).textValue());
  }

  // ---------------------------------------------------------------- the registry's reads

  /**
   * The typed reads the registry's RequestHandler makes for {@code r}'s command, in its order.
   *
   * @throws ProtocolException as the registry would refuse the request at this level
   */
  static void readAsServer(RegistryRequest r) throws ProtocolException {
    RequestBody b = r.body();
    switch (r.command()) {
      case REGISTER -> {
        RequestBody topics = b.object("topics");
        if (topics != null) {
          topics.textList("publish");
          topics.textList("subscribe");
        }
        RequestBody bus = b.object("bus");
        if (bus != null) {
          bus.requiredText("name");
          bus.requiredText("endpoint");
          bus.string("lease_id", "");
          RequestBody md = bus.object("metadata");
          if (md != null) {
            md.object("extra");
            md.string("purpose", "");
            md.text("qos", "best-effort");
            md.bool("debug", false);
          }
        }
        b.requiredText("node_id");
        b.textList("buses");
        b.text("trust", null);
        b.textMap("metadata");
        b.ttlSeconds("ttl");
        b.bool("durable", false);
      }
      case DEREGISTER -> b.requiredText("node_id");
      case HEARTBEAT -> {
        b.requiredText("node_id");
        RequestBody bus = b.object("bus");
        if (bus != null) {
          for (RequestBody c : bus.objectList("connections")) {
            c.requiredText("node_id");
            c.textList("subscriptions");
          }
          bus.object("stats");
          bus.integer("subscriber_count", 0, Integer.MAX_VALUE, 0);
        }
      }
      case LEASE_REQUEST -> {
        String requestedAt = b.text("requested_at", null);
        if (requestedAt != null) {
          try {
            Instant.parse(requestedAt);
          } catch (DateTimeParseException e) {
            throw new ProtocolException(
                ErrorCode.INVALID_REQUEST, "requested_at must be an ISO-8601 instant", requestedAt);
          }
        }
        b.text("range", null);
        b.requiredText("requester_id");
        b.text("node_id", "");
        b.text("protocol", "tcp");
        b.port("preferred_port");
        b.ttlSeconds("ttl");
        b.text("purpose", "");
      }
      case LEASE_RENEW -> {
        b.requiredText("lease_id");
        b.ttlSeconds("ttl");
      }
      case LEASE_RELEASE -> {
        b.requiredText("lease_id");
        b.text("reason", "");
      }
      case SCHEMA_REGISTER -> {
        b.requiredText("bus");
        b.requiredText("topic");
        JsonNode schema = b.json().get("schema");
        if (schema == null || schema.isNull()) {
          throw new ProtocolException(
              ErrorCode.INVALID_REQUEST, "schema is required (a JSON Schema object)", "schema");
        }
        String appliesTo = b.text("applies_to", null);
        if (appliesTo != null) {
          try {
            AppliesTo.fromWireName(appliesTo);
          } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, e.getMessage(), appliesTo);
          }
        }
        b.text("registered_by", null);
      }
      case SCHEMA_GET -> {
        b.requiredText("bus");
        b.requiredText("topic");
        b.integer("version", 1, Integer.MAX_VALUE, 0);
      }
      case SCHEMA_LIST -> {
        b.text("bus", null);
        b.bool("documents", false);
      }
      case SCHEMA_DELETE, SCHEMA_HISTORY -> {
        b.requiredText("bus");
        b.requiredText("topic");
      }
      case QUERY -> {
        String what = b.requiredText("what");
        switch (what) {
          case "buses", "nodes", "leases", "topics" -> {}
          case "bus" -> b.requiredText("name");
          case "node" -> b.requiredText("node_id");
          default ->
              throw new ProtocolException(
                  ErrorCode.INVALID_REQUEST,
                  "what must be one of buses, bus, nodes, node, leases, topics",
                  what);
        }
      }
    }
  }

  // ---------------------------------------------------------------- requests

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void requestDecodesAndPassesTheRegistrysReads(Path file) throws Exception {
    JsonNode vector = read(file);
    checkHeader(file, vector);
    List<byte[]> frames = frames(vector);
    assertThat(frames).hasSize(2);
    ObjectNode json = body(vector);

    RegistryRequest r = RegistryCodec.decodeRequest(frames.get(0), frames.get(1));

    assertThat(r.command().name()).isEqualTo(vector.get("frames").get(0).textValue());
    assertThat(r.requestId()).isEqualTo(json.path("request_id").asText(""));
    assertThat(r.json()).isEqualTo(json);
    readAsServer(r);

    // What Java's RegistryClient would send for the same request decodes to the same tree.
    byte[][] again = RegistryCodec.encodeRequest(r.command(), r.requestId(), json);
    assertThat(again[0]).isEqualTo(frames.get(0));
    RegistryRequest r2 = RegistryCodec.decodeRequest(again[0], again[1]);
    assertThat(r2.requestId()).isEqualTo(r.requestId());
    ObjectNode expected = json.deepCopy();
    expected.put("request_id", r.requestId());
    assertThat(r2.json()).isEqualTo(expected);
  }

  // ---------------------------------------------------------------- replies

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void replyDecodesAndReencodesToTheSameJson(Path file) throws Exception {
    JsonNode vector = read(file);
    checkHeader(file, vector);
    List<byte[]> frames = frames(vector);
    assertThat(frames).hasSize(2);
    String status = vector.get("frames").get(0).textValue();
    ObjectNode json = body(vector);

    RegistryReply reply = RegistryCodec.decodeReply(frames.get(0), frames.get(1));

    assertThat(reply.requestId()).isEqualTo(json.get("request_id").textValue());
    assertThat(reply.body()).isEqualTo(json);
    byte[][] encoded;
    if (status.equals("OK")) {
      assertThat(reply.ok()).isTrue();
      assertThat(reply.errorCode()).isNull();
      assertThat(reply.message()).isEmpty();
      ObjectNode result = json.deepCopy();
      result.remove("request_id");
      encoded = RegistryCodec.encodeOk(reply.requestId(), result);
    } else {
      assertThat(status).isEqualTo("ERROR");
      assertThat(reply.ok()).isFalse();
      ErrorCode code = reply.errorCode();
      assertThat(code).isNotNull();
      assertThat(code.code()).isEqualTo(json.get("code").intValue());
      assertThat(code.name()).isEqualTo(json.get("error").textValue());
      assertThat(reply.message()).isEqualTo(json.get("message").textValue()).isNotBlank();
      assertThat(reply.offending()).isEqualTo(json.get("offending").textValue());
      assertThat(json.properties()).hasSize(5);
      encoded =
          RegistryCodec.encodeError(reply.requestId(), code, reply.message(), reply.offending());
    }
    assertThat(new String(encoded[0], StandardCharsets.US_ASCII)).isEqualTo(status);
    assertThat(RegistryCodec.mapper().readTree(encoded[1])).isEqualTo(json);
    // The vectors were captured from a running registry, so they are its exact bytes too.
    assertThat(new String(encoded[1], StandardCharsets.UTF_8))
        .isEqualTo(vector.get("frames").get(1).textValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void aReplyNamesTheRequestItAnswersWhenThatIsAVector(Path file) throws Exception {
    JsonNode vector = read(file);
    if (!vector.has("in_reply_to")) {
      return;
    }
    Path request = directory().resolve(vector.get("in_reply_to").textValue() + ".json");
    assertThat(request).isRegularFile();
    assertThat(body(vector).get("request_id").textValue())
        .isEqualTo(body(read(request)).path("request_id").asText(""));
  }

  // ---------------------------------------------------------------- invalid

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidRequestIsRefusedWithItsCode(Path file) {
    JsonNode vector = read(file);
    checkHeader(file, vector);
    assertThat(vector.path("direction").asText()).isEqualTo(REQUEST);
    ErrorCode code = ErrorCode.valueOf(vector.path("error").asText());
    assertThat(vector.path("error_code").asInt()).isEqualTo(code.code());
    List<byte[]> frames = frames(vector);

    if (frames.size() != 2) {
      // The registry's framing rule (RegistryServer): not exactly two frames is MALFORMED_FRAME,
      // before the codec sees anything.
      assertThat(code).isEqualTo(ErrorCode.MALFORMED_FRAME);
      return;
    }
    assertThatThrownBy(
            () -> readAsServer(RegistryCodec.decodeRequest(frames.get(0), frames.get(1))))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  // ---------------------------------------------------------------- coverage of the folder

  @Test
  void everyCommandAndEveryQueryHasARequestVector() throws Exception {
    Set<RegistryCommand> commands = EnumSet.noneOf(RegistryCommand.class);
    Set<String> whats = new HashSet<>();
    for (Path file : requests().toList()) {
      JsonNode v = read(file);
      RegistryCommand c = RegistryCommand.valueOf(v.get("frames").get(0).textValue());
      commands.add(c);
      if (c == RegistryCommand.QUERY) {
        whats.add(body(v).get("what").textValue());
      }
    }
    assertThat(commands).containsExactlyInAnyOrder(RegistryCommand.values());
    assertThat(whats)
        .containsExactlyInAnyOrder("buses", "bus", "nodes", "node", "leases", "topics");
  }

  @Test
  void theRequiredExamplesArePresent() throws Exception {
    List<ObjectNode> registers = bodiesOf(RegistryCommand.REGISTER);
    List<ObjectNode> heartbeats = bodiesOf(RegistryCommand.HEARTBEAT);
    List<ObjectNode> releases = bodiesOf(RegistryCommand.LEASE_RELEASE);
    assertThat(registers).anySatisfy(b -> assertThat(b.has("bus")).isTrue());
    assertThat(registers).anySatisfy(b -> assertThat(b.has("bus")).isFalse());
    assertThat(heartbeats).anySatisfy(b -> assertThat(b.has("bus")).isTrue());
    assertThat(releases)
        .anySatisfy(b -> assertThat(b.path("reason").asText()).isEqualTo("bind_failed"));
    assertThat(releases).anySatisfy(b -> assertThat(b.has("reason")).isFalse());

    List<JsonNode> replyBodies = new ArrayList<>();
    Set<String> statuses = new HashSet<>();
    for (Path file : replies().toList()) {
      statuses.add(read(file).get("frames").get(0).textValue());
      replyBodies.add(body(read(file)));
    }
    assertThat(statuses).containsExactlyInAnyOrder("OK", "ERROR");
    assertThat(replyBodies).anySatisfy(b -> assertThat(b.has("lease")).isTrue());
    assertThat(replyBodies)
        .anySatisfy(b -> assertThat(b.path("bus_settings").has("schema_revision")).isTrue());
  }

  @Test
  void aRegisteredSchemasHashIsTheCanonicalHashOfItsDocument() throws Exception {
    List<JsonNode> documents = new ArrayList<>();
    for (Path file : replies().toList()) {
      JsonNode schema = body(read(file)).path("schema");
      if (schema.isObject()) {
        documents.add(schema);
      }
    }
    assertThat(documents).isNotEmpty();
    for (JsonNode d : documents) {
      RegisteredSchema s = RegisteredSchema.fromJson(d);
      assertThat(s.hash()).isEqualTo(SchemaHash.of(s.schema()));
      assertThat(s.toJson()).isEqualTo(d);
    }
  }

  @Test
  void theInvalidVectorsCoverEveryKindOfRefusal() {
    Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
    invalid().forEach(f -> codes.add(ErrorCode.valueOf(read(f).path("error").asText())));
    assertThat(codes)
        .contains(
            ErrorCode.MALFORMED_FRAME,
            ErrorCode.UNKNOWN_COMMAND,
            ErrorCode.FRAME_TOO_LARGE,
            ErrorCode.INVALID_REQUEST,
            ErrorCode.INVALID_TTL);
    Path big = directory().resolve("invalid/body-too-large.json");
    assertThat(frames(read(big)).get(1)).hasSize(RegistryCodec.MAX_BODY_BYTES + 1);
  }

  @Test
  void namesAreUniqueAndTheFolderHasAReadme() {
    Set<String> names = new HashSet<>();
    Stream.concat(jsonFiles(directory()).stream(), invalid())
        .forEach(f -> assertThat(names.add(read(f).get("name").asText())).isTrue());
    assertThat(directory().resolve("README.md")).isRegularFile();
    assertThat(requests().count()).isPositive();
    assertThat(replies().count()).isPositive();
    assertThat(invalid().count()).isPositive();
    // Every file is a request or a reply; none is silently skipped.
    assertThat(requests().count() + replies().count()).isEqualTo(jsonFiles(directory()).size());
  }

  private static List<ObjectNode> bodiesOf(RegistryCommand c) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    for (Path file : requests().toList()) {
      JsonNode v = read(file);
      if (v.get("frames").get(0).textValue().equals(c.name())) {
        out.add(body(v));
      }
    }
    return out;
  }

  private static void checkHeader(Path file, JsonNode vector) {
    assertThat(vector.path("name").asText()).isEqualTo(baseName(file));
    assertThat(vector.path("description").asText()).isNotBlank();
    assertThat(vector.path("frames").isArray()).isTrue();
    vector.get("frames").forEach(f -> assertThat(f.isTextual()).isTrue());
  }
}
