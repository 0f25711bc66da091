package io.onex.bus.protocol.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A bus's debug mode as the registry's HTTP API sets it and a heartbeat reply carries it to the
 * broker (docs/operations.md, "Debug mode"): which topic patterns get their events dumped to the
 * log (none: the whole bus), how many payload bytes a dump shows, and which metadata keys are
 * replaced by {@code "***"}. One parser validates both the operator's PUT body and the broker's
 * copy, so they cannot disagree. Immutable; any thread.
 *
 * @param topics topic patterns, as written; empty means every topic of the bus
 * @param maxPayloadBytes the cap of a dumped payload, 0..{@value #MAX_PAYLOAD_BYTES}
 * @param redact metadata keys whose values are never logged
 */
public record DebugSettings(List<String> topics, int maxPayloadBytes, List<String> redact) {
  /** The payload cap when the request names none. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 4096;

  /** The largest payload cap accepted (1 MiB). */
  public static final int MAX_PAYLOAD_BYTES = 1 << 20;

  /** At most this many patterns or redacted keys: a debug request is a human's, not a table. */
  public static final int MAX_ENTRIES = 64;

  /** Copies the lists; the values are assumed valid (use {@link #parse} on input). */
  public DebugSettings {
    topics = List.copyOf(topics);
    redact = List.copyOf(redact);
  }

  /**
   * Reads and checks a PUT body or the {@code debug} object of a heartbeat reply: {@code topics}
   * (patterns; absent or empty: the whole bus), {@code max_payload_bytes}, {@code redact}.
   *
   * @throws ProtocolException naming the offending value: {@code INVALID_PATTERN} for a bad
   *     pattern, {@code INVALID_REQUEST} for anything else
   */
  public static DebugSettings parse(JsonNode body) throws ProtocolException {
    if (body == null || !body.isObject()) {
      throw invalid("the body must be a JSON object", body == null ? "" : body.toString());
    }
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("enabled", "topics", "max_payload_bytes", "redact").contains(f)) {
        throw invalid("unknown field; expected topics, max_payload_bytes, redact", f);
      }
    }
    List<String> topics = strings(body, "topics");
    for (String t : topics) {
      TopicPattern.parse(t);
    }
    JsonNode cap = body.get("max_payload_bytes");
    int max = DEFAULT_MAX_PAYLOAD_BYTES;
    if (cap != null && !cap.isNull()) {
      if (!cap.isIntegralNumber()
          || !cap.canConvertToInt()
          || cap.intValue() < 0
          || cap.intValue() > MAX_PAYLOAD_BYTES) {
        throw invalid(
            "max_payload_bytes must be a whole number 0.." + MAX_PAYLOAD_BYTES, cap.toString());
      }
      max = cap.intValue();
    }
    return new DebugSettings(topics, max, strings(body, "redact"));
  }

  /** The patterns, parsed (they were checked by {@link #parse}). */
  public List<TopicPattern> patterns() {
    List<TopicPattern> out = new ArrayList<>(topics.size());
    for (String t : topics) {
      try {
        out.add(TopicPattern.parse(t));
      } catch (ProtocolException e) {
        throw new IllegalStateException("a checked pattern failed to parse: " + t, e);
      }
    }
    return out;
  }

  /** The document the HTTP API returns and a heartbeat reply carries. */
  public ObjectNode toJson() {
    ObjectNode o = RegistryCodec.object();
    o.put("enabled", true);
    topics.forEach(o.putArray("topics")::add);
    o.put("max_payload_bytes", maxPayloadBytes);
    redact.forEach(o.putArray("redact")::add);
    return o;
  }

  /** The document of a bus without debug mode. */
  public static ObjectNode off() {
    ObjectNode o = RegistryCodec.object();
    o.put("enabled", false);
    return o;
  }

  private static List<String> strings(JsonNode body, String field) throws ProtocolException {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw invalid(field + " must be a list of strings", v.toString());
    }
    if (v.size() > MAX_ENTRIES) {
      throw invalid(field + " takes at most " + MAX_ENTRIES + " entries", "" + v.size());
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode e : v) {
      if (!e.isTextual() || e.textValue().isEmpty()) {
        throw invalid(field + " must be a list of non-empty strings", e.toString());
      }
      out.add(e.textValue());
    }
    return List.copyOf(out);
  }

  private static ProtocolException invalid(String message, String offending) {
    return new ProtocolException(ErrorCode.INVALID_REQUEST, message, offending);
  }
}
