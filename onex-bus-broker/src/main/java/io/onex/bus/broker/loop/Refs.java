package io.onex.bus.broker.loop;

import io.onex.bus.protocol.codec.Command;

/**
 * Finds the request reference of a frame too broken to decode, so its ERROR can still name it:
 * PUBLISH, SUBSCRIBE and UNSUBSCRIBE carry a u32 ref right after the header. Stateless.
 */
final class Refs {
  private Refs() {}

  static int of(byte[] frame) {
    if (frame.length < 6) {
      return 0;
    }
    Command c = Command.fromCode(frame[1] & 0xFF);
    if (c != Command.PUBLISH && c != Command.SUBSCRIBE && c != Command.UNSUBSCRIBE) {
      return 0;
    }
    return ((frame[2] & 0xFF) << 24)
        | ((frame[3] & 0xFF) << 16)
        | ((frame[4] & 0xFF) << 8)
        | (frame[5] & 0xFF);
  }
}
