package io.onex.bus.config;

import java.time.Duration;
import java.util.List;

/**
 * Reads the settings groups a section may override ({@code host}, {@code queue}, {@code limits},
 * {@code heartbeat}, {@code logging}, {@code shutdown}) on top of a base layer. Used for the {@code
 * defaults} section over the built-in values, and for each bus over the resolved defaults, so a
 * partial override such as {@code queue: {drop: newest}} keeps the inherited size. Stateless; one
 * thread per call.
 */
final class LayerReader {
  static final List<String> QUEUE = List.of("size", "drop");
  static final List<String> LIMITS =
      List.of(
          "max_frame_bytes",
          "max_batch_events",
          "max_subscriptions_per_connection",
          "send_hwm",
          "recv_hwm",
          "io_threads");
  static final List<String> HEARTBEAT = List.of("interval", "timeout");
  static final List<String> LOGGING = List.of("level", "debug");
  static final List<String> SHUTDOWN = List.of("drain_timeout");

  private LayerReader() {}

  /** {@code base} with whatever {@code s} overrides; {@code host} is left to the caller. */
  static BusDefaults read(Section s, BusDefaults base, String host) {
    return new BusDefaults(
        host,
        queue(s.section("queue", QUEUE), base.queue()),
        limits(s.section("limits", LIMITS), base.limits()),
        heartbeat(s.section("heartbeat", HEARTBEAT), base.heartbeat()),
        logging(s.section("logging", LOGGING), base.logging()),
        new ShutdownConfig(
            s.section("shutdown", SHUTDOWN)
                .duration(ShutdownConfig.DRAIN_TIMEOUT, base.shutdown().drainTimeout())));
  }

  private static QueueConfig queue(Section q, QueueConfig base) {
    int size = q.integer(QueueConfig.SIZE, base.size());
    DropPolicy drop = base.drop();
    String text = q.text("drop", null);
    if (text != null) {
      drop = DropPolicy.fromConfigName(text).orElse(null);
      if (drop == null) {
        q.problem("drop", "must be oldest or newest (was '" + text + "')");
        drop = base.drop();
      }
    }
    return new QueueConfig(size, drop);
  }

  private static LimitsConfig limits(Section l, LimitsConfig base) {
    return new LimitsConfig(
        l.integer(LimitsConfig.MAX_FRAME_BYTES, base.maxFrameBytes()),
        l.integer(LimitsConfig.MAX_BATCH_EVENTS, base.maxBatchEvents()),
        l.integer(LimitsConfig.MAX_SUBSCRIPTIONS, base.maxSubscriptionsPerConnection()),
        l.integer(LimitsConfig.SEND_HWM, base.sendHwm()),
        l.integer(LimitsConfig.RECV_HWM, base.recvHwm()),
        l.integer(LimitsConfig.IO_THREADS, base.ioThreads()));
  }

  /**
   * The order check runs on the merged pair: a bus that only raises {@code interval} above the
   * inherited timeout is told to raise {@code timeout} too, under its own key.
   */
  private static HeartbeatConfig heartbeat(Section h, HeartbeatConfig base) {
    Duration interval = h.duration(HeartbeatConfig.INTERVAL, base.interval());
    Duration timeout = h.duration(HeartbeatConfig.TIMEOUT, base.timeout());
    String p = HeartbeatConfig.orderProblem(interval, timeout);
    if (p != null) {
      h.problem("timeout", p);
      return base;
    }
    return new HeartbeatConfig(interval, timeout);
  }

  private static LoggingConfig logging(Section g, LoggingConfig base) {
    String level = g.text("level", base.level());
    String p = LoggingConfig.levelProblem(level);
    if (p != null) {
      g.problem("level", p);
      level = base.level();
    }
    return new LoggingConfig(level, g.bool("debug", base.debug()));
  }
}
