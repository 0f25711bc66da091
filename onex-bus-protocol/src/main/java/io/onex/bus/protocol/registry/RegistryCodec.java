package io.onex.bus.protocol.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Encodes and decodes registry protocol messages: a command (or {@code OK}/{@code ERROR}) frame
 * followed by one UTF-8 JSON object frame carrying {@code request_id}. Stateless; any thread.
 */
public final class RegistryCodec {
  /** The largest JSON body accepted; registry messages are small. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * The largest schema document SCHEMA_REGISTER accepts, counted as its canonical JSON ({@code
   * SchemaHash.canonicalBytes}): large enough for any hand-written payload schema, small enough
   * that a broker may hold and compile every schema of its bus.
   */
  public static final int MAX_SCHEMA_BYTES = 256 * 1024;

  /**
   * The largest SCHEMA_REGISTER body: a schema of {@link #MAX_SCHEMA_BYTES} with room for the other
   * fields and for formatting, and still half of the registry socket's 1 MiB message cap.
   */
  public static final int MAX_SCHEMA_REGISTER_BODY_BYTES = 512 * 1024;

  /**
   * The largest reply body read. Replies come from the registry, which is trusted, and a schema
   * listing with documents can hold many schemas; this only stops a runaway.
   */
  public static final int MAX_REPLY_BODY_BYTES = 16 * 1024 * 1024;

  /** The status frame of a successful reply. */
  public static final String OK = "OK";

  /** The status frame of a refused request. */
  public static final String ERROR = "ERROR";

  // Thread-safe once built; no feature changes after construction.
  // Exactly one JSON object: no trailing data, no key given twice (which would hide a value).
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final String COMMAND_NAMES =
      Arrays.stream(RegistryCommand.values()).map(Enum::name).collect(Collectors.joining(", "));

  private RegistryCodec() {}

  /** The largest body {@code command} may carry. */
  public static int maxBodyBytes(RegistryCommand command) {
    return command == RegistryCommand.SCHEMA_REGISTER
        ? MAX_SCHEMA_REGISTER_BODY_BYTES
        : MAX_BODY_BYTES;
  }

  /** A fresh, empty JSON object for a body. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** The mapper used for bodies, for callers that turn records into JSON trees. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  /**
   * Decodes a request from its two frames.
   *
   * @throws ProtocolException UNKNOWN_COMMAND, FRAME_TOO_LARGE, or INVALID_REQUEST for a body that
   *     is not one JSON object or whose {@code request_id} is not a string
   */
  public static RegistryRequest decodeRequest(byte[] command, byte[] body)
      throws ProtocolException {
    RegistryCommand c = RegistryCommand.fromWire(command);
    if (c == null) {
      throw new ProtocolException(
          ErrorCode.UNKNOWN_COMMAND,
          "unknown registry command; expected one of " + COMMAND_NAMES,
          printable(command));
    }
    ObjectNode json = parseObject(body, maxBodyBytes(c));
    JsonNode id = json.get("request_id");
    if (id != null && !id.isNull() && !id.isTextual()) {
      throw new ProtocolException(
          ErrorCode.INVALID_REQUEST, "request_id must be a string", id.toString());
    }
    return new RegistryRequest(
        c, id == null || id.isNull() ? "" : id.textValue(), new RequestBody(json));
  }

  /**
   * The two frames of a request; {@code body}'s {@code request_id} is set to {@code requestId}, the
   * id the caller will match the reply by.
   */
  public static byte[][] encodeRequest(RegistryCommand command, String requestId, ObjectNode body) {
    ObjectNode b = body.deepCopy();
    b.put("request_id", requestId);
    return new byte[][] {command.wire(), bytes(b)};
  }

  /** The two frames of a successful reply: {@code OK} and {@code result} with the request id. */
  public static byte[][] encodeOk(String requestId, ObjectNode result) {
    ObjectNode b = JSON.createObjectNode();
    b.put("request_id", requestId);
    b.setAll(result);
    return new byte[][] {OK.getBytes(StandardCharsets.US_ASCII), bytes(b)};
  }

  /** The two frames of a refusal: {@code ERROR} and the code, its name, message and offending. */
  public static byte[][] encodeError(
      String requestId, ErrorCode code, String message, String offending) {
    ObjectNode b = JSON.createObjectNode();
    b.put("request_id", requestId);
    b.put("code", code.code());
    b.put("error", code.name());
    b.put("message", message);
    b.put("offending", offending == null ? "" : offending);
    return new byte[][] {ERROR.getBytes(StandardCharsets.US_ASCII), bytes(b)};
  }

  /**
   * Decodes a reply.
   *
   * @throws ProtocolException MALFORMED_FRAME when the status is neither OK nor ERROR, or the body
   *     is not a JSON object
   */
  public static RegistryReply decodeReply(byte[] status, byte[] body) throws ProtocolException {
    String s = new String(status, StandardCharsets.US_ASCII);
    if (!s.equals(OK) && !s.equals(ERROR)) {
      throw new ProtocolException(
          ErrorCode.MALFORMED_FRAME, "a reply starts with OK or ERROR", printable(status));
    }
    ObjectNode json;
    try {
      json = parseObject(body, MAX_REPLY_BODY_BYTES);
    } catch (ProtocolException e) {
      throw new ProtocolException(ErrorCode.MALFORMED_FRAME, e.getMessage(), e.offending());
    }
    return new RegistryReply(s.equals(OK), json.path("request_id").asText(""), json);
  }

  /** The compact UTF-8 JSON of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always prints", e);
    }
  }

  private static ObjectNode parseObject(byte[] body, int limit) throws ProtocolException {
    if (body.length > limit) {
      throw new ProtocolException(
          ErrorCode.FRAME_TOO_LARGE,
          "registry message body is " + body.length + " bytes; the limit is " + limit,
          "");
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (IOException e) {
      throw new ProtocolException(
          ErrorCode.INVALID_REQUEST, "body is not valid JSON: " + firstLine(e), printable(body));
    }
    if (n == null || !n.isObject()) {
      throw new ProtocolException(
          ErrorCode.INVALID_REQUEST, "body must be one JSON object", printable(body));
    }
    return (ObjectNode) n;
  }

  private static String firstLine(IOException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Bytes shown in an error: UTF-8 where printable, {@code \xNN} otherwise. */
  static String printable(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(b.length, 120); i++) {
      int c = b[i] & 0xff;
      if (c >= 0x20 && c < 0x7f) {
        sb.append((char) c);
      } else {
        sb.append(String.format("\\x%02x", c));
      }
    }
    return sb.toString();
  }
}
