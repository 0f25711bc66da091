package io.onex.bus.protocol.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a request's JSON fields. A field of the wrong type, or a required one missing,
 * throws a {@link ProtocolException} with {@link ErrorCode#INVALID_REQUEST} whose message names the
 * field and what it must be, and whose offending part is the value sent. Absent and JSON {@code
 * null} mean the same. One thread.
 */
public final class RequestBody {
  private static final double MAX_TTL_SECONDS = 10L * 365 * 24 * 3600;
  private final ObjectNode json;

  /** Wraps a decoded body. */
  public RequestBody(ObjectNode json) {
    this.json = json;
  }

  /** The raw JSON object. */
  public ObjectNode json() {
    return json;
  }

  private JsonNode present(String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? null : v;
  }

  private static ProtocolException wrong(String field, String must, JsonNode v) {
    return new ProtocolException(
        ErrorCode.INVALID_REQUEST, field + " must be " + must, v == null ? "" : v.toString());
  }

  /** A non-blank string that must be there. */
  public String requiredText(String field) throws ProtocolException {
    String s = text(field, null);
    if (s == null) {
      throw new ProtocolException(
          ErrorCode.INVALID_REQUEST, field + " is required (a non-empty string)", field);
    }
    return s;
  }

  /** A non-blank string, or {@code fallback} when absent. */
  public String text(String field, String fallback) throws ProtocolException {
    JsonNode v = present(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw wrong(field, "a non-empty string", v);
    }
    return v.textValue();
  }

  /** A string that may be empty, or {@code fallback} when absent. */
  public String string(String field, String fallback) throws ProtocolException {
    JsonNode v = present(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw wrong(field, "a string", v);
    }
    return v.textValue();
  }

  /** {@code true} or {@code false}, or {@code fallback} when absent. */
  public boolean bool(String field, boolean fallback) throws ProtocolException {
    JsonNode v = present(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw wrong(field, "true or false", v);
    }
    return v.booleanValue();
  }

  /** A whole number in {@code min..max}, or {@code fallback} when absent. */
  public int integer(String field, int min, int max, int fallback) throws ProtocolException {
    JsonNode v = present(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
      throw wrong(field, "a whole number from " + min + " to " + max, v);
    }
    return v.intValue();
  }

  /** A TCP/UDP port 1..65535, or 0 when absent. */
  public int port(String field) throws ProtocolException {
    return integer(field, 1, 65535, 0);
  }

  /**
   * A time to live given in seconds (ONEX's {@code PortRequestModel.ttl}; fractions allowed), or
   * null when absent. Zero, negative and absurd values (more than ten years, NaN) are {@link
   * ErrorCode#INVALID_TTL}; the registry then checks its own maximum.
   */
  public Duration ttlSeconds(String field) throws ProtocolException {
    JsonNode v = present(field);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      throw new ProtocolException(
          ErrorCode.INVALID_TTL, field + " must be a number of seconds", v.toString());
    }
    double s = v.doubleValue();
    if (!(s > 0) || s > MAX_TTL_SECONDS) {
      throw new ProtocolException(
          ErrorCode.INVALID_TTL,
          field + " must be > 0 and at most ten years, in seconds",
          v.toString());
    }
    long millis = Math.max(1, Math.round(s * 1000));
    return Duration.ofMillis(millis);
  }

  /** A list of non-blank strings; empty when absent. */
  public List<String> textList(String field) throws ProtocolException {
    JsonNode v = present(field);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw wrong(field, "a list of strings", v);
    }
    for (JsonNode e : v) {
      if (!e.isTextual() || e.textValue().isBlank()) {
        throw wrong(field, "a list of non-empty strings", v);
      }
      out.add(e.textValue());
    }
    return out;
  }

  /** A list of non-blank strings, or null when absent (to tell "not given" from empty). */
  public List<String> textListOrNull(String field) throws ProtocolException {
    return present(field) == null ? null : textList(field);
  }

  /** An object of string values (numbers and booleans are taken as their text); empty if absent. */
  public Map<String, String> textMap(String field) throws ProtocolException {
    JsonNode v = present(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw wrong(field, "an object of string values", v);
    }
    for (var e : v.properties()) {
      JsonNode x = e.getValue();
      if (!x.isValueNode() || x.isNull()) {
        throw wrong(field + "." + e.getKey(), "a string, number or boolean", x);
      }
      out.put(e.getKey(), x.asText());
    }
    return out;
  }

  /** A nested object wrapped for typed reads, or null when absent. */
  public RequestBody object(String field) throws ProtocolException {
    JsonNode v = present(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrong(field, "an object", v);
    }
    return new RequestBody((ObjectNode) v);
  }

  /** The nested objects of a list, wrapped; empty when absent. */
  public List<RequestBody> objectList(String field) throws ProtocolException {
    JsonNode v = present(field);
    List<RequestBody> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw wrong(field, "a list of objects", v);
    }
    for (JsonNode e : v) {
      if (!e.isObject()) {
        throw wrong(field, "a list of objects", v);
      }
      out.add(new RequestBody((ObjectNode) e));
    }
    return out;
  }
}
