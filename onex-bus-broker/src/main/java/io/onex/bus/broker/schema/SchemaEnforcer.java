package io.onex.bus.broker.schema;

import io.onex.bus.config.SchemaConfig;
import io.onex.bus.config.SchemaMode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.schema.EventSchemaCheck;
import io.onex.bus.protocol.schema.SchemaFailure;
import io.onex.bus.protocol.schema.TopicSchema;
import io.onex.bus.protocol.schema.TopicSchemaSet;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, per published event, whether it passes its schema: the topic's mode comes from the bus
 * config (first matching {@code schema.topics} rule, else the bus mode), its schema from the
 * registry's current set. Both are resolved once per topic and cached, so a topic in mode {@code
 * off} costs one map lookup and its payload is never parsed. Owned by the broker loop thread.
 */
public final class SchemaEnforcer {
  /** Past this many distinct topics the cache starts over, so topic churn cannot grow it. */
  private static final int MAX_CACHED_TOPICS = 65_536;

  private final SchemaConfig config;
  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, Resolved> byTopic = new HashMap<>();
  private final boolean everythingOff;
  private TopicSchemaSet schemas = TopicSchemaSet.EMPTY;
  private String lastTopic;
  private Resolved lastResolved;
  private String lastType;
  private byte[] lastTypeBytes;

  public SchemaEnforcer(SchemaConfig config) {
    this.config = config;
    boolean anyOn = config.mode() != SchemaMode.OFF;
    for (SchemaConfig.TopicMode t : config.topics()) {
      try {
        rules.add(new Rule(TopicPattern.parse(t.pattern()), t.mode()));
      } catch (ProtocolException e) {
        // The config loader validated every pattern; reaching here is a bug.
        throw new IllegalStateException("invalid schema.topics pattern " + t.pattern(), e);
      }
      anyOn |= t.mode() != SchemaMode.OFF;
    }
    this.everythingOff = !anyOn;
  }

  /** The registry's schemas changed: use {@code next} from the next event on. */
  public void update(TopicSchemaSet next) {
    schemas = next;
    byTopic.clear();
    lastTopic = null;
    lastResolved = null;
  }

  /** Whether no topic of this bus is ever checked (the hot path can skip the lookup). */
  public boolean everythingOff() {
    return everythingOff;
  }

  /**
   * Checks the event under {@code record} published on {@code topic}; null when it passes or its
   * topic is not checked.
   */
  public Verdict check(String topic, EventRecordView record) {
    Resolved r = resolve(topic);
    if (r.mode == SchemaMode.OFF) {
      return null;
    }
    SchemaFailure failure =
        EventSchemaCheck.check(
            record.buffer(),
            record.payloadOffset(),
            record.payloadLength(),
            eventTypeOf(record),
            record.correlationLength() == 0 ? "" : record.correlationId(),
            r.mode == SchemaMode.STRICT,
            r.schema,
            config.maxPayloadBytes());
    return failure == null ? null : new Verdict(r.mode, failure);
  }

  /**
   * The record's event type as a String, reusing the previous one when the bytes are the same: a
   * stream of events mostly repeats a few types, and this runs once per checked event.
   */
  private String eventTypeOf(EventRecordView record) {
    byte[] b = record.buffer();
    int off = record.eventTypeOffset();
    int len = record.eventTypeLength();
    if (lastType != null
        && java.util.Arrays.equals(b, off, off + len, lastTypeBytes, 0, lastTypeBytes.length)) {
      return lastType;
    }
    lastTypeBytes = java.util.Arrays.copyOfRange(b, off, off + len);
    lastType = record.eventType();
    return lastType;
  }

  private Resolved resolve(String topic) {
    if (topic.equals(lastTopic)) {
      return lastResolved;
    }
    Resolved r = byTopic.get(topic);
    if (r == null) {
      if (byTopic.size() >= MAX_CACHED_TOPICS) {
        byTopic.clear();
      }
      r = new Resolved(modeFor(topic), schemas.forTopic(topic));
      byTopic.put(topic, r);
    }
    lastTopic = topic;
    lastResolved = r;
    return r;
  }

  private SchemaMode modeFor(String topic) {
    for (Rule rule : rules) {
      if (rule.pattern.matches(topic)) {
        return rule.mode;
      }
    }
    return config.mode();
  }

  /**
   * An event that failed: in which mode (so whether it is rejected or delivered flagged), and why.
   */
  public record Verdict(SchemaMode mode, SchemaFailure failure) {
    /** Whether the event must not be delivered. */
    public boolean rejected() {
      return mode == SchemaMode.STRICT;
    }
  }

  private record Rule(TopicPattern pattern, SchemaMode mode) {}

  private record Resolved(SchemaMode mode, TopicSchema schema) {}
}
