package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One version of a topic's payload schema as the registry keeps it and hands it out: which bus and
 * topic pattern it governs, its version (1, 2, … per bus and pattern), its {@link SchemaHash}, what
 * part of an event it applies to, the schema document, and who registered it when. This is the
 * registry protocol's and HTTP API's schema document ({@code docs/protocol.md} §16). Immutable; any
 * thread.
 */
public record RegisteredSchema(
    String bus,
    String topic,
    int version,
    String hash,
    AppliesTo appliesTo,
    JsonNode schema,
    Instant registeredAt,
    String registeredBy) {

  /** The JSON form: {@code bus, topic, version, hash, applies_to, registered_at, ...}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("bus", bus);
    o.put("topic", topic);
    o.put("version", version);
    o.put("hash", hash);
    o.put("applies_to", appliesTo.wireName());
    o.put("registered_at", registeredAt.toString());
    o.put("registered_by", registeredBy);
    o.set("schema", schema);
    return o;
  }

  /** Reads {@link #toJson()}; throws IllegalArgumentException naming the missing or bad field. */
  public static RegisteredSchema fromJson(JsonNode o) {
    return new RegisteredSchema(
        text(o, "bus"),
        text(o, "topic"),
        o.path("version").asInt(0),
        text(o, "hash"),
        AppliesTo.fromWireName(o.path("applies_to").asText("metadata")),
        required(o, "schema"),
        Instant.parse(text(o, "registered_at")),
        o.path("registered_by").asText(""));
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = required(o, field);
    if (!n.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return n.textValue();
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("schema document lacks " + field);
    }
    return n;
  }
}
