package io.onex.bus.protocol.codec;

/**
 * The commands of protocol v1 and their one-byte codes (byte 1 of every frame). Codes are stable;
 * later commands (REQUEST/REPLY at 0x50/0x51) take unused codes. Immutable; any thread.
 */
public enum Command {
  HELLO(0x01),
  WELCOME(0x02),
  PUBLISH(0x10),
  SUBSCRIBE(0x11),
  UNSUBSCRIBE(0x12),
  CREDIT(0x13),
  ACK(0x14),
  DELIVER(0x20),
  GAP(0x21),
  BACKPRESSURE(0x22),
  ERROR(0x30),
  SCHEMA_ERROR(0x31),
  PING(0x40),
  PONG(0x41),
  BYE(0x4F);

  private static final Command[] BY_CODE = new Command[256];

  static {
    for (Command c : values()) {
      BY_CODE[c.code] = c;
    }
  }

  private final int code;

  Command(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The command for a code byte, or {@code null} if v1 has none. */
  public static Command fromCode(int code) {
    return code >= 0 && code < 256 ? BY_CODE[code] : null;
  }
}
