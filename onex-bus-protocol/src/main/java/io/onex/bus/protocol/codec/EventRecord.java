package io.onex.bus.protocol.codec;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One event as it travels: the routing header the broker reads (topic, event type, correlation id,
 * tags, extensions, flags) and the opaque payload, the OnexEvent JSON forwarded byte for byte.
 *
 * <p>{@code tags} are publisher-declared metadata for broker-side filtering; {@code extensions}
 * carry later per-event fields (signatures, trace context, replay positions). Both keep insertion
 * order. Immutable (the payload array must not be changed after construction); any thread.
 */
public record EventRecord(
    int flags,
    String topic,
    String eventType,
    String correlationId,
    Map<String, String> tags,
    Map<String, String> extensions,
    byte[] payload) {

  public EventRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(payload, "payload");
    correlationId = correlationId == null ? "" : correlationId;
    tags = frozen(tags);
    extensions = frozen(extensions);
  }

  /** An unmodifiable copy keeping order; the shared empty map when there is nothing to copy. */
  private static Map<String, String> frozen(Map<String, String> m) {
    return m == null || m.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
  }

  /** An event with no flags, tags or extensions. */
  public static EventRecord of(
      String topic, String eventType, String correlationId, byte[] payload) {
    return new EventRecord(0, topic, eventType, correlationId, Map.of(), Map.of(), payload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventRecord r
        && flags == r.flags
        && topic.equals(r.topic)
        && eventType.equals(r.eventType)
        && correlationId.equals(r.correlationId)
        && tags.equals(r.tags)
        && extensions.equals(r.extensions)
        && Arrays.equals(payload, r.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(flags, topic, eventType, correlationId, tags, extensions)
        + 31 * Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "EventRecord[topic="
        + topic
        + ", eventType="
        + eventType
        + ", correlationId="
        + correlationId
        + ", tags="
        + tags
        + ", payload="
        + payload.length
        + " bytes]";
  }
}
