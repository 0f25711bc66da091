package io.onex.bus.broker.loop;

import io.onex.bus.broker.session.Session;
import io.onex.bus.broker.stats.BrokerCounters;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.schema.SchemaFailure;
import io.onex.bus.transport.RateLimitedLog;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers bad input: an ERROR frame to the sender (with the reference it answers), a counter per
 * error code and a rate-limited structured log line. Owned by the broker loop thread.
 */
final class Replies {
  private static final Logger LOG = LoggerFactory.getLogger("io.onex.bus.broker.rejects");

  /** Violations listed in one SCHEMA_ERROR; more would only bloat the frame. */
  private static final int MAX_VIOLATIONS = 32;

  private final String bus;
  private final BrokerCounters counters;
  private final RateLimitedLog limiter = new RateLimitedLog(20, 1000);
  private final LongConsumer suppressedLine;
  private Outbox outbox;

  Replies(String bus, BrokerCounters counters) {
    this.bus = bus;
    this.suppressedLine = RateLimitedLog.suppressedLine(LOG, bus, "rejected-input");
    this.counters = counters;
  }

  void attach(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Rejects input from a known session. */
  void reject(Session s, int ref, int index, ProtocolException e, long nowMillis) {
    count(e, s.nodeId(), nowMillis);
    outbox.control(s, error(ref, index, e));
  }

  /**
   * Rejects one event of a PUBLISH for breaking its schema: SCHEMA_ERROR to the publisher, counted
   * under its code. The EVENT_INVALID_SCHEMA report (and its log line) is the caller's.
   */
  void rejectSchema(Session s, int ref, int index, SchemaFailure f, String offending) {
    counters.reject(f.code());
    outbox.control(
        s,
        FrameCodec.encode(
            new Frame.SchemaError(
                ref,
                index,
                f.code().code(),
                f.message(),
                f.schemaHash(),
                f.schemaTopic(),
                f.schemaVersion(),
                f.violations().subList(0, Math.min(MAX_VIOLATIONS, f.violations().size())),
                offending)));
  }

  /** Counts and logs input that gets no answer (or whose answer is sent by the caller). */
  void count(ProtocolException e, String nodeId, long nowMillis) {
    counters.reject(e.code());
    if (limiter.tryAcquire(nowMillis, suppressedLine)) {
      LOG.atWarn()
          .addKeyValue("event", "PROTOCOL_ERROR")
          .addKeyValue("bus", bus)
          .addKeyValue("node_id", nodeId)
          .addKeyValue("code", e.code().name())
          .addKeyValue("offending", e.offending())
          .log("rejected input from {}: {} ({})", nodeId, e.getMessage(), e.code());
    }
  }

  static byte[] error(int ref, int index, ProtocolException e) {
    return FrameCodec.encode(
        new Frame.Error(ref, index, e.code().code(), e.getMessage(), e.offending()));
  }

  static ProtocolException problem(ErrorCode code, String message, String offending) {
    return new ProtocolException(code, message, offending);
  }
}
