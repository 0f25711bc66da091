package io.onex.bus.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The ONEX event envelope, field for field as ONEX's Python {@code OnexEvent} model writes it:
 * {@code event_id}, {@code timestamp}, {@code node_id}, {@code event_type}, {@code correlation_id}
 * (nullable), {@code metadata} (an object or null: the payload carrier) and an optional {@code
 * schema_version}. Fields this model does not know are kept in {@link #unknownFields()} and written
 * back, so events pass through Java untouched. Timestamps are kept to the microsecond, the
 * precision Python's datetime has. Immutable; any thread.
 */
public record OnexEvent(
    UUID eventId,
    Instant timestamp,
    String nodeId,
    String eventType,
    String correlationId,
    JsonNode metadata,
    String schemaVersion,
    Map<String, JsonNode> unknownFields) {

  public OnexEvent {
    Objects.requireNonNull(eventId, "event_id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(nodeId, "node_id");
    Objects.requireNonNull(eventType, "event_type");
    timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    unknownFields =
        unknownFields == null || unknownFields.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
  }

  /** A new event now, with a random id, no correlation id and the given metadata (may be null). */
  public static OnexEvent create(String nodeId, String eventType, JsonNode metadata) {
    return new OnexEvent(
        UUID.randomUUID(), Instant.now(), nodeId, eventType, null, metadata, null, Map.of());
  }

  /** This event with another correlation id. */
  public OnexEvent withCorrelationId(String id) {
    return new OnexEvent(
        eventId, timestamp, nodeId, eventType, id, metadata, schemaVersion, unknownFields);
  }
}
