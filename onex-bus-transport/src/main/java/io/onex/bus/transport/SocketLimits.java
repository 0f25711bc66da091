package io.onex.bus.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every onex-bus socket is created with. There is deliberately no "unlimited": JeroMQ's
 * default {@code maxMsgSize=-1} lets one frame header that declares a gigabyte allocate it, so the
 * default here is 1 MiB. Immutable; any thread.
 *
 * @param maxMessageBytes largest message a peer may send us (ZMQ_MAXMSGSIZE)
 * @param sendHighWaterMark messages queued per peer before sends fail (ZMQ_SNDHWM)
 * @param receiveHighWaterMark messages queued from a peer before reads stall (ZMQ_RCVHWM)
 * @param heartbeatInterval ZMTP PING interval (ZMQ_HEARTBEAT_IVL)
 * @param heartbeatTimeout silence after which the connection is dropped (ZMQ_HEARTBEAT_TIMEOUT)
 * @param linger how long close waits for unsent messages (ZMQ_LINGER)
 */
public record SocketLimits(
    int maxMessageBytes,
    int sendHighWaterMark,
    int receiveHighWaterMark,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    Duration linger) {

  /** 1 MiB messages, 100k-message HWMs, 2 s heartbeats with a 10 s timeout, 1 s linger. */
  public static final SocketLimits DEFAULT =
      new SocketLimits(
          1 << 20,
          100_000,
          100_000,
          Duration.ofSeconds(2),
          Duration.ofSeconds(10),
          Duration.ofSeconds(1));

  /**
   * What a client connects with: 2 MiB messages, twice the default bus frame limit, because a
   * DELIVER carries a published event plus the broker's stamp and must not trip the receiver's cap;
   * a 1000-message send HWM and a 250-message receive HWM, since a DELIVER can be 256 KiB and the
   * receiving pipe sits outside every bound the client library keeps (250 of them: 64 MiB).
   */
  public static final SocketLimits CLIENT_DEFAULT =
      new SocketLimits(
          2 << 20, 1000, 250, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(1));

  public SocketLimits {
    if (maxMessageBytes < 64) {
      throw new IllegalArgumentException("maxMessageBytes must be >= 64, was " + maxMessageBytes);
    }
    if (sendHighWaterMark < 1 || receiveHighWaterMark < 1) {
      throw new IllegalArgumentException("high-water marks must be >= 1");
    }
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    Objects.requireNonNull(linger, "linger");
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    }
    if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException("heartbeatTimeout must exceed heartbeatInterval");
    }
  }

  /** The same limits with another maximum message size. */
  public SocketLimits withMaxMessageBytes(int bytes) {
    return new SocketLimits(
        bytes,
        sendHighWaterMark,
        receiveHighWaterMark,
        heartbeatInterval,
        heartbeatTimeout,
        linger);
  }
}
