package io.onex.bus.broker.debug;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.debug.DebugSettings;
import io.onex.bus.protocol.topic.TopicPattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs EVENT_PUBLISHED and EVENT_RECEIVED, the hot-path events (docs/operations.md, "Debug mode"):
 * for every event when the logger {@code io.onex.bus.broker.events} is at DEBUG, and for events on
 * the topics of the bus's debug mode (set through the registry's HTTP API) at INFO, with the
 * payload capped and redacted by {@link PayloadDump}. When neither applies, each call is one field
 * test: the logger level is read once per loop pass ({@link #beginPass}), and whether a topic is
 * under debug is kept for the last topic seen. Owned by the broker loop thread.
 */
public final class EventTrace {
  private static final Logger LOG = LoggerFactory.getLogger("io.onex.bus.broker.events");

  private final String bus;
  private final EventRecordView queued = new EventRecordView();
  private DebugSettings settings;
  private List<TopicPattern> patterns = List.of();
  private PayloadDump dump = new PayloadDump(DebugSettings.DEFAULT_MAX_PAYLOAD_BYTES, List.of());
  private boolean logAll;
  private boolean active;
  private String lastTopic;
  private boolean lastMatched;

  public EventTrace(String bus) {
    this.bus = bus;
  }

  /** Once per loop pass: whether the DEBUG level is on decides for the whole pass. */
  public void beginPass() {
    logAll = LOG.isDebugEnabled();
    active = logAll || settings != null;
  }

  /** Switches debug mode: {@code next} null turns it off. Takes effect from the next pass. */
  public void apply(DebugSettings next) {
    settings = next;
    patterns = next == null ? List.of() : next.patterns();
    dump =
        next == null
            ? new PayloadDump(DebugSettings.DEFAULT_MAX_PAYLOAD_BYTES, List.of())
            : new PayloadDump(next.maxPayloadBytes(), next.redact());
    lastTopic = null;
    LOG.atInfo()
        .addKeyValue("event", "DEBUG_MODE")
        .addKeyValue("bus", bus)
        .addKeyValue("enabled", next != null)
        .addKeyValue("topics", next == null ? List.of() : next.topics())
        .log("bus {}: debug mode {}", bus, next == null ? "off" : "on " + next.topics());
  }

  /** The settings in force, or null. */
  public DebugSettings settings() {
    return settings;
  }

  /** The event under {@code record}, numbered {@code seq}, was routed. */
  public void published(EventRecordView record, String topic, byte[] publisherNodeId, long seq) {
    if (active && wanted(topic)) {
      String publisher = new String(publisherNodeId, StandardCharsets.UTF_8);
      log("EVENT_PUBLISHED", record, topic, publisher, seq);
    }
  }

  /** The event under {@code record} was handed to {@code subscriberNodeId}'s connection. */
  public void received(EventRecordView record, String topic, String subscriberNodeId, long seq) {
    if (active && wanted(topic)) {
      log("EVENT_RECEIVED", record, topic, subscriberNodeId, seq);
    }
  }

  /** As {@link #received} for an event that waited in a queue, as its encoded record. */
  public void receivedQueued(
      byte[] bytes, int offset, int length, String topic, String subscriberNodeId, long seq) {
    if (active && wanted(topic)) {
      try {
        queued.wrap(bytes, offset, offset + length);
      } catch (ProtocolException e) {
        return;
      }
      log("EVENT_RECEIVED", queued, topic, subscriberNodeId, seq);
    }
  }

  private boolean wanted(String topic) {
    return underDebug(topic) || logAll;
  }

  /** Whether debug mode covers {@code topic}; the answer for the last topic is kept. */
  private boolean underDebug(String topic) {
    if (settings == null) {
      return false;
    }
    if (topic != lastTopic) {
      lastTopic = topic;
      lastMatched = matches(topic);
    }
    return lastMatched;
  }

  private boolean matches(String topic) {
    if (patterns.isEmpty()) {
      return true;
    }
    for (TopicPattern p : patterns) {
      if (p.matches(topic)) {
        return true;
      }
    }
    return false;
  }

  private void log(String event, EventRecordView r, String topic, String nodeId, long seq) {
    PayloadDump.Dump d = dump.of(r.buffer(), r.payloadOffset(), r.payloadLength());
    // Under debug mode the dump is what the operator asked for: INFO, so it shows at the
    // default level; the DEBUG level's line for every event stays at DEBUG.
    var line = underDebug(topic) ? LOG.atInfo() : LOG.atDebug();
    line.addKeyValue("event", event)
        .addKeyValue("bus", bus)
        .addKeyValue("topic", topic)
        .addKeyValue("node_id", nodeId)
        .addKeyValue("correlation_id", r.correlationId())
        .addKeyValue("event_id", d.eventId())
        .addKeyValue("sequence", seq)
        .addKeyValue("event_type", r.eventType())
        .addKeyValue("payload", d.text())
        .addKeyValue("payload_truncated", d.truncated())
        .log("{} {} {} seq {} node {}", event, bus, topic, seq, nodeId);
  }
}
