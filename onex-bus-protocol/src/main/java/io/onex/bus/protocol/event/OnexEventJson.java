package io.onex.bus.protocol.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and writes {@link OnexEvent} as the JSON ONEX's Python {@code model_dump_json()} produces:
 * compact, fields in model order, {@code null} written for absent correlation id and metadata.
 * Timestamps: a naive ISO-8601 value is read as UTC; we write UTC with a {@code Z} and six
 * fractional digits, or none when the microseconds are zero (as Python does). Thread-safe.
 */
public final class OnexEventJson {
  private static final Set<String> KNOWN =
      Set.of(
          "event_id",
          "timestamp",
          "node_id",
          "event_type",
          "correlation_id",
          "metadata",
          "schema_version");

  /** Nesting deeper than this is refused: a payload is data, not a recursion bomb. */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The canonical 8-4-4-4-12 form; {@link UUID#fromString} alone also takes "1-2-3-4-5". */
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private OnexEventJson() {}

  /** The shared mapper, configured with the payload limits. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The event as UTF-8 JSON bytes. */
  public static byte[] write(OnexEvent e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("event_id", e.eventId().toString());
      g.writeStringField("timestamp", IsoTimestamps.format(e.timestamp()));
      g.writeStringField("node_id", e.nodeId());
      g.writeStringField("event_type", e.eventType());
      g.writeStringField("correlation_id", e.correlationId());
      g.writeFieldName("metadata");
      MAPPER.writeTree(g, e.metadata());
      if (e.schemaVersion() != null) {
        g.writeStringField("schema_version", e.schemaVersion());
      }
      for (Map.Entry<String, JsonNode> f : e.unknownFields().entrySet()) {
        g.writeFieldName(f.getKey());
        MAPPER.writeTree(g, f.getValue());
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  /** Reads an event; anything that is not a valid envelope throws with the reason. */
  public static OnexEvent read(byte[] json) throws ProtocolException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException ex) {
      throw new ProtocolException(
          ErrorCode.PAYLOAD_NOT_JSON, "payload is not JSON: " + ex.getOriginalMessage(), "");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    if (root == null || root.isMissingNode()) {
      throw new ProtocolException(ErrorCode.PAYLOAD_NOT_JSON, "payload is empty", "");
    }
    if (!root.isObject()) {
      throw invalid("payload is not a JSON object", "");
    }
    return fromTree((ObjectNode) root);
  }

  private static OnexEvent fromTree(ObjectNode o) throws ProtocolException {
    Map<String, JsonNode> unknown = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : o.properties()) {
      if (!KNOWN.contains(f.getKey())) {
        unknown.put(f.getKey(), f.getValue());
      }
    }
    JsonNode metadata = o.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      throw invalid("metadata must be an object or null", metadata.toString());
    }
    return new OnexEvent(
        uuid(requiredText(o, "event_id")),
        timestamp(requiredText(o, "timestamp")),
        requiredText(o, "node_id"),
        requiredText(o, "event_type"),
        optionalText(o, "correlation_id"),
        metadata == null || metadata.isNull() ? null : metadata,
        optionalText(o, "schema_version"),
        unknown);
  }

  private static String requiredText(ObjectNode o, String field) throws ProtocolException {
    JsonNode n = o.get(field);
    if (n == null || !n.isTextual()) {
      throw invalid(field + " is required and must be a string", n == null ? "" : n.toString());
    }
    return n.textValue();
  }

  private static String optionalText(ObjectNode o, String field) throws ProtocolException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw invalid(field + " must be a string or null", n.toString());
    }
    return n.textValue();
  }

  private static UUID uuid(String s) throws ProtocolException {
    if (!UUID_TEXT.matcher(s).matches()) {
      throw invalid("event_id is not a UUID", s);
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException ex) {
      throw invalid("event_id is not a UUID", s);
    }
  }

  private static Instant timestamp(String s) throws ProtocolException {
    try {
      return IsoTimestamps.parse(s);
    } catch (DateTimeParseException ex) {
      throw invalid("timestamp is not ISO-8601", s);
    }
  }

  private static ProtocolException invalid(String message, String offending) {
    return new ProtocolException(ErrorCode.INVALID_ENVELOPE, message, offending);
  }

  /** ISO-8601 as ONEX writes it. */
  static final class IsoTimestamps {
    private IsoTimestamps() {}

    static Instant parse(String s) {
      if (s.isEmpty()) {
        throw new DateTimeParseException("timestamp is empty", s, 0);
      }
      char last = s.charAt(s.length() - 1);
      boolean hasZone =
          last == 'Z' || last == 'z' || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10;
      Instant t =
          hasZone
              ? OffsetDateTime.parse(s.replace('z', 'Z')).toInstant()
              : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      int year = LocalDateTime.ofInstant(t, ZoneOffset.UTC).getYear();
      if (year < 1 || year > 9999) {
        // Python's datetime (and our writer's four-digit year) cannot hold anything else.
        throw new DateTimeParseException("year " + year + " is outside 1..9999", s, 0);
      }
      return t;
    }

    static String format(Instant t) {
      LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
      StringBuilder b = new StringBuilder(27);
      b.append(
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02dT%02d:%02d:%02d",
              d.getYear(),
              d.getMonthValue(),
              d.getDayOfMonth(),
              d.getHour(),
              d.getMinute(),
              d.getSecond()));
      int micros = d.getNano() / 1000;
      if (micros != 0) {
        b.append('.').append(String.format(Locale.ROOT, "%06d", micros));
      }
      return b.append('Z').toString();
    }
  }
}
