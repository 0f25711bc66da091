package io.onex.bus.config;

/**
 * The size limits one bus enforces on its peers, and the ZeroMQ settings of its socket: high-water
 * marks and the I/O threads of its context. Immutable; any thread.
 *
 * @param maxFrameBytes largest protocol frame accepted, 1 KiB..256 MiB
 * @param maxBatchEvents most events in one PUBLISH or DELIVER frame, 1..65535
 * @param maxSubscriptionsPerConnection most live subscriptions one connection may hold
 * @param sendHwm ZeroMQ send high-water mark, in messages
 * @param recvHwm ZeroMQ receive high-water mark, in messages
 * @param ioThreads ZeroMQ I/O threads of the bus's context (they do the TCP reads and writes),
 *     1..16
 */
public record LimitsConfig(
    int maxFrameBytes,
    int maxBatchEvents,
    int maxSubscriptionsPerConnection,
    int sendHwm,
    int recvHwm,
    int ioThreads) {
  static final IntRange MAX_FRAME_BYTES = new IntRange("max_frame_bytes", 1024, 256L << 20);
  // The batch count travels as a u16 on the wire.
  static final IntRange MAX_BATCH_EVENTS = new IntRange("max_batch_events", 1, 0xFFFF);
  static final IntRange MAX_SUBSCRIPTIONS =
      new IntRange("max_subscriptions_per_connection", 1, 1_000_000);
  static final IntRange SEND_HWM = new IntRange("send_hwm", 1, 10_000_000);
  static final IntRange RECV_HWM = new IntRange("recv_hwm", 1, 10_000_000);
  static final IntRange IO_THREADS = new IntRange("io_threads", 1, 16);

  /** Validates every limit; the message names the field. */
  public LimitsConfig {
    MAX_FRAME_BYTES.require(maxFrameBytes);
    MAX_BATCH_EVENTS.require(maxBatchEvents);
    MAX_SUBSCRIPTIONS.require(maxSubscriptionsPerConnection);
    SEND_HWM.require(sendHwm);
    RECV_HWM.require(recvHwm);
    IO_THREADS.require(ioThreads);
  }
}
