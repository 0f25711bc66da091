package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one schema check of an event, shared by the broker (which enforces it) and the client (which
 * can run it before sending): parse the payload within limits, check it against the OnexEvent
 * contract (strictly or not), check that the routing header repeats the payload's {@code
 * event_type} and {@code correlation_id}, then check the topic's schema, if any, against the part
 * it applies to. Stateless; any thread.
 */
public final class EventSchemaCheck {
  private EventSchemaCheck() {}

  /**
   * What is wrong with the event, or null when it passes.
   *
   * @param payload the buffer holding the payload
   * @param offset where the payload starts
   * @param length its length
   * @param recordEventType the record's {@code event_type}
   * @param recordCorrelationId the record's {@code correlation_id}; empty for none
   * @param strict whether the contract's event type catalogue applies
   * @param topicSchema the topic's schema, or null
   * @param maxPayloadBytes larger payloads fail with PAYLOAD_TOO_LARGE unparsed
   */
  public static SchemaFailure check(
      byte[] payload,
      int offset,
      int length,
      String recordEventType,
      String recordCorrelationId,
      boolean strict,
      TopicSchema topicSchema,
      int maxPayloadBytes) {
    if (length <= maxPayloadBytes) {
      boolean onMetadata =
          topicSchema != null && topicSchema.registered().appliesTo() == AppliesTo.METADATA;
      if (topicSchema == null || onMetadata) {
        FastSchema fast = onMetadata ? topicSchema.fast() : null;
        boolean wantTree = onMetadata && fast == null;
        JsonNode metadata =
            ContractFastPath.passes(
                payload,
                offset,
                length,
                strict,
                recordEventType,
                recordCorrelationId,
                wantTree,
                fast);
        if (metadata != null) {
          // With the quick form the metadata was checked on the way; else check its tree.
          return wantTree ? topicFailure(metadata, "/metadata", topicSchema) : null;
        }
      }
    }
    JsonNode event;
    try {
      event = EventPayloads.parse(payload, offset, length, maxPayloadBytes);
    } catch (ProtocolException e) {
      return new SchemaFailure(
          e.code(),
          e.getMessage(),
          OnexEventContract.hash(),
          "",
          0,
          List.of(new SchemaViolation("", e.getMessage())));
    }
    SchemaFailure f = contractFailure(event, strict, recordEventType, recordCorrelationId);
    if (f != null || topicSchema == null) {
      return f;
    }
    if (topicSchema.registered().appliesTo() == AppliesTo.METADATA) {
      return topicFailure(
          event.has("metadata") ? event.get("metadata") : NullNode.getInstance(),
          "/metadata",
          topicSchema);
    }
    return topicFailure(event, "", topicSchema);
  }

  /** The full, explaining check of the contract and the header; null when both pass. */
  private static SchemaFailure contractFailure(
      JsonNode event, boolean strict, String recordEventType, String recordCorrelationId) {
    List<SchemaViolation> contract = OnexEventContract.check(event, strict);
    List<SchemaViolation> header = headerMismatches(event, recordEventType, recordCorrelationId);
    if (!contract.isEmpty() || !header.isEmpty()) {
      List<SchemaViolation> all = new ArrayList<>(contract);
      all.addAll(header);
      return new SchemaFailure(
          ErrorCode.INVALID_ENVELOPE,
          "the event does not match the OnexEvent contract",
          OnexEventContract.hash(),
          "",
          0,
          all);
    }
    return null;
  }

  /** The topic schema's verdict on {@code target}, found at {@code prefix} in the event. */
  private static SchemaFailure topicFailure(
      JsonNode target, String prefix, TopicSchema topicSchema) {
    List<SchemaViolation> violations = topicSchema.compiled().validate(target);
    if (violations.isEmpty()) {
      return null;
    }
    RegisteredSchema r = topicSchema.registered();
    List<SchemaViolation> located = new ArrayList<>(violations.size());
    for (SchemaViolation v : violations) {
      located.add(new SchemaViolation(prefix + v.pointer(), v.message()));
    }
    return new SchemaFailure(
        ErrorCode.SCHEMA_VIOLATION,
        "the event does not match the schema of " + r.topic() + " (version " + r.version() + ")",
        r.hash(),
        r.topic(),
        r.version(),
        located);
  }

  private static List<SchemaViolation> headerMismatches(
      JsonNode event, String recordEventType, String recordCorrelationId) {
    List<SchemaViolation> out = new ArrayList<>(0);
    JsonNode type = event.get("event_type");
    if (type != null && type.isTextual() && !type.textValue().equals(recordEventType)) {
      out.add(
          new SchemaViolation(
              "/event_type", "does not match the record's event_type '" + recordEventType + "'"));
    }
    JsonNode correlation = event.get("correlation_id");
    String inPayload =
        correlation == null || correlation.isNull()
            ? ""
            : correlation.isTextual() ? correlation.textValue() : null;
    if (inPayload != null && !inPayload.equals(recordCorrelationId)) {
      out.add(
          new SchemaViolation(
              "/correlation_id",
              "does not match the record's correlation_id '" + recordCorrelationId + "'"));
    }
    return out;
  }
}
