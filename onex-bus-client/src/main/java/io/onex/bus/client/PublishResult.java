package io.onex.bus.client;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.schema.SchemaFailure;

/**
 * What became of one publish: a value to switch on, never an exception. ACCEPTED carries the bus
 * sequence; REJECTED the broker's error code, message and offending input, and for a schema failure
 * on a strict topic (or one caught by client-side validation) the {@link SchemaFailure} with every
 * violation and the expected schema hash; NOT_SENT a local reason (bad topic caught before sending,
 * client closed, outbound queue full past the deadline, connection lost before the ACK). Immutable;
 * any thread.
 *
 * @param schemaFailure why the event broke its schema, or null when that is not the reason
 */
public record PublishResult(
    Status status,
    long sequence,
    ErrorCode code,
    String message,
    String offending,
    SchemaFailure schemaFailure) {
  /** The three outcomes. */
  public enum Status {
    ACCEPTED,
    REJECTED,
    NOT_SENT
  }

  public static PublishResult accepted(long sequence) {
    return new PublishResult(Status.ACCEPTED, sequence, null, "", "", null);
  }

  public static PublishResult rejected(ErrorCode code, String message, String offending) {
    return new PublishResult(Status.REJECTED, -1, code, message, offending, null);
  }

  /** Rejected for breaking a schema, by the broker or by client-side validation. */
  public static PublishResult rejectedBySchema(SchemaFailure failure, String offending) {
    return new PublishResult(
        Status.REJECTED, -1, failure.code(), failure.message(), offending, failure);
  }

  public static PublishResult notSent(String message) {
    return new PublishResult(Status.NOT_SENT, -1, null, message, "", null);
  }

  public boolean isAccepted() {
    return status == Status.ACCEPTED;
  }
}
