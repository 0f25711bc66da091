package io.onex.bus.client;

import io.onex.bus.protocol.ErrorCode;

/**
 * What became of one publish: a value to switch on, never an exception. ACCEPTED carries the bus
 * sequence; REJECTED the broker's error code, message and offending input; NOT_SENT a local reason
 * (bad topic caught before sending, client closed, outbound queue full past the deadline,
 * connection lost before the ACK). Immutable; any thread.
 */
public record PublishResult(
    Status status, long sequence, ErrorCode code, String message, String offending) {
  /** The three outcomes. */
  public enum Status {
    ACCEPTED,
    REJECTED,
    NOT_SENT
  }

  public static PublishResult accepted(long sequence) {
    return new PublishResult(Status.ACCEPTED, sequence, null, "", "");
  }

  public static PublishResult rejected(ErrorCode code, String message, String offending) {
    return new PublishResult(Status.REJECTED, -1, code, message, offending);
  }

  public static PublishResult notSent(String message) {
    return new PublishResult(Status.NOT_SENT, -1, null, message, "");
  }

  public boolean isAccepted() {
    return status == Status.ACCEPTED;
  }
}
