package io.onex.bus.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Every error the bus reports on the wire, with its stable numeric code.
 *
 * <p>Codes are grouped by the thousands: 1xxx framing, 2xxx topics, 3xxx payloads, 4xxx
 * subscriptions, 5xxx the broker itself. Later capabilities take 6xxx (security), 7xxx (schemas)
 * and 8xxx (flow control); 9xxx are the registry's. A code is never reused for another meaning.
 * Immutable; any thread.
 */
public enum ErrorCode {
  MALFORMED_FRAME(1001),
  UNKNOWN_COMMAND(1002),
  UNSUPPORTED_VERSION(1003),
  HELLO_REQUIRED(1004),
  FRAME_TOO_LARGE(1005),
  BATCH_TOO_LARGE(1006),
  MULTIPART_NOT_ALLOWED(1007),
  UNEXPECTED_COMMAND(1008),
  INVALID_TOPIC(2001),
  WILDCARD_IN_PUBLISH(2002),
  INVALID_PATTERN(2003),
  INVALID_FILTER(2004),
  PAYLOAD_NOT_JSON(3001),
  PAYLOAD_TOO_LARGE(3002),
  INVALID_EVENT_TYPE(3003),
  INVALID_ENVELOPE(3004),
  UNKNOWN_SUBSCRIPTION(4001),
  DUPLICATE_SUBSCRIPTION(4002),
  INVALID_QUEUE_SIZE(4003),
  TOO_MANY_SUBSCRIPTIONS(4004),
  INVALID_CREDIT(4005),
  SHUTTING_DOWN(5001),
  INTERNAL(5002),
  SCHEMA_VIOLATION(7001),
  INVALID_SCHEMA(7002),
  UNKNOWN_SCHEMA(7003),
  INVALID_REQUEST(9001),
  UNKNOWN_NODE(9002),
  UNKNOWN_LEASE(9003),
  LEASE_NOT_ACTIVE(9004),
  PORT_OUT_OF_RANGE(9005),
  PORT_IN_USE(9006),
  INVALID_TTL(9007),
  NO_FREE_PORT(9008),
  UNKNOWN_BUS(9009);

  private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();

  static {
    for (ErrorCode c : values()) {
      BY_CODE.put(c.code, c);
    }
  }

  private final int code;

  ErrorCode(int code) {
    this.code = code;
  }

  /** The numeric code carried on the wire (an unsigned 16-bit value). */
  public int code() {
    return code;
  }

  /** The code for a wire value, or {@code null} when this build does not know it. */
  public static ErrorCode fromCode(int code) {
    return BY_CODE.get(code);
  }
}
