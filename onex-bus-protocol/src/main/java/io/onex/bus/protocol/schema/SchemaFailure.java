package io.onex.bus.protocol.schema;

import io.onex.bus.protocol.ErrorCode;
import java.util.List;

/**
 * Why an event failed its schema check: the error code ({@code INVALID_ENVELOPE} for the OnexEvent
 * contract, {@code SCHEMA_VIOLATION} for the topic's schema, {@code PAYLOAD_NOT_JSON} or {@code
 * PAYLOAD_TOO_LARGE} when it could not be checked at all), a one-line summary, the hash of the
 * schema that was expected, which registered schema that was ({@code schemaTopic} empty and version
 * 0 for the contract), and every violation. Immutable; any thread.
 */
public record SchemaFailure(
    ErrorCode code,
    String message,
    String schemaHash,
    String schemaTopic,
    long schemaVersion,
    List<SchemaViolation> violations) {

  /** Copies the list. */
  public SchemaFailure {
    violations = List.copyOf(violations);
  }
}
