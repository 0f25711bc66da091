package io.onex.bus.broker.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.broker.lifecycle.SystemEvents;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.protocol.schema.SchemaFailure;
import io.onex.bus.protocol.schema.SchemaViolation;
import io.onex.bus.transport.RateLimitedLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns schema failures into EVENT_INVALID_SCHEMA: a structured WARN line (rate-limited, with a
 * count of what it suppressed) and a system event on {@code $onex.bus.<bus>.schema} carrying the
 * topic, the publishing node, the payload (cut at {@value #PAYLOAD_CAP} bytes), the violations and
 * the expected schema hash; at most {@code schema.reports_per_second} of those, the next one saying
 * how many were left out. Events are collected while a PUBLISH frame is handled and taken with
 * {@link #drain()} afterwards, because publishing one reuses the publish path's record view. Owned
 * by the broker loop thread.
 */
public final class SchemaReports {
  /** The system topic's last token. */
  public static final String KIND = "schema";

  static final int PAYLOAD_CAP = 1024;
  private static final int MAX_VIOLATIONS = 32;
  private static final Logger LOG = LoggerFactory.getLogger("io.onex.bus.broker.schema");

  private final String bus;
  private final int perSecond;
  private final RateLimitedLog logLimiter = new RateLimitedLog(20, 1000);
  private final LongConsumer suppressedLine;
  private final List<byte[]> pending = new ArrayList<>();
  private long windowStartMillis;
  private int inWindow;
  private long suppressed;

  public SchemaReports(String bus, int perSecond) {
    this.bus = bus;
    this.perSecond = perSecond;
    this.suppressedLine = RateLimitedLog.suppressedLine(LOG, bus, "EVENT_INVALID_SCHEMA");
  }

  /** Records one failure of the event under {@code record}, published by {@code nodeId}. */
  public void add(
      String topic,
      String nodeId,
      EventRecordView record,
      SchemaEnforcer.Verdict verdict,
      long nowMillis) {
    ObjectNode m = metadata(topic, nodeId, record, verdict);
    if (logLimiter.tryAcquire(nowMillis, suppressedLine)) {
      var line =
          LOG.atWarn()
              .addKeyValue("event", BusEventType.EVENT_INVALID_SCHEMA.name())
              .addKeyValue("bus", bus);
      for (var f : m.properties()) {
        line =
            line.addKeyValue(
                f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue());
      }
      line.log(
          "{} on {} from {}: {} ({})",
          verdict.rejected() ? "rejected" : "flagged",
          topic,
          nodeId,
          verdict.failure().message(),
          verdict.failure().code());
    }
    if (nowMillis - windowStartMillis >= 1000) {
      windowStartMillis = nowMillis;
      inWindow = 0;
    }
    if (inWindow >= perSecond) {
      suppressed++;
      return;
    }
    inWindow++;
    m.put("suppressed", suppressed);
    suppressed = 0;
    pending.add(SystemEvents.record(bus, KIND, BusEventType.EVENT_INVALID_SCHEMA, m));
  }

  /** The encoded system events collected since the last call, to route now. */
  public List<byte[]> drain() {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<byte[]> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  private static ObjectNode metadata(
      String topic, String nodeId, EventRecordView record, SchemaEnforcer.Verdict verdict) {
    SchemaFailure f = verdict.failure();
    ObjectNode m = SystemEvents.metadata();
    m.put("topic", topic);
    m.put("node_id", nodeId);
    m.put("event_type", record.eventType());
    m.put("correlation_id", record.correlationId());
    m.put("mode", verdict.mode().configName());
    m.put("action", verdict.rejected() ? "rejected" : "flagged");
    m.put("code", f.code().name());
    m.put("message", f.message());
    m.put("schema_hash", f.schemaHash());
    m.put("schema", f.schemaTopic().isEmpty() ? "onex-event" : f.schemaTopic());
    m.put("schema_version", f.schemaVersion());
    ArrayNode errors = m.putArray("errors");
    for (SchemaViolation v :
        f.violations().subList(0, Math.min(MAX_VIOLATIONS, f.violations().size()))) {
      errors.addObject().put("pointer", v.pointer()).put("message", v.message());
    }
    int n = record.payloadLength();
    int shown = Math.min(n, PAYLOAD_CAP);
    m.put(
        "payload",
        new String(record.buffer(), record.payloadOffset(), shown, StandardCharsets.UTF_8));
    m.put("payload_bytes", n);
    m.put("payload_truncated", shown < n);
    return m;
  }
}
