package io.onex.bus.broker.loop;

import io.onex.bus.broker.lifecycle.SystemEvents;
import io.onex.bus.broker.routing.Subscriber;
import io.onex.bus.broker.schema.SchemaEnforcer;
import io.onex.bus.broker.session.Session;
import io.onex.bus.broker.stats.TopicCounters;
import io.onex.bus.config.TrustLevel;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.codec.PublishView;
import io.onex.bus.protocol.event.PayloadShape;
import io.onex.bus.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The hot path: checks each event of a PUBLISH frame by its routing header alone, numbers the
 * accepted ones and appends them, byte for byte, to the DELIVER batch of every matching subscriber.
 * One ACK answers the frame; each rejected event gets its own ERROR first. The payload is never
 * parsed. Owned by the broker loop thread.
 */
final class PublishHandler {
  /** What {@link #route} returns for an event a strict schema refused (answered already). */
  private static final long SCHEMA_REJECTED = -1;

  private final BrokerState state;
  private final byte[] brokerNodeId;
  private final PublishView publish = new PublishView();
  private final EventRecordView record = new EventRecordView();
  private String lastTopic;
  private byte[] lastTopicBytes;
  private Subscriber[] lastMatch;

  PublishHandler(BrokerState state) {
    this.state = state;
    this.brokerNodeId =
        SystemEvents.brokerNodeId(state.config.name())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  void handle(Session from, byte[] frame) {
    try {
      publish.wrap(frame, state.config.limits().maxBatchEvents());
    } catch (ProtocolException e) {
      state.replies.reject(from, Refs.of(frame), Frame.Error.WHOLE_FRAME, e, state.nowMillis());
      return;
    }
    int ref = publish.ref();
    int accepted = 0;
    long first = 0;
    while (publish.hasNext()) {
      int index = publish.index();
      try {
        publish.next(record);
      } catch (ProtocolException e) {
        // The rest of the frame cannot be trusted: reject from here on, keep what came before.
        state.replies.reject(from, ref, index, e, state.nowMillis());
        break;
      }
      try {
        long seq = route(from, frame, ref, index);
        if (seq == SCHEMA_REJECTED) {
          state.topics.rejected(lastTopic);
          continue;
        }
        first = accepted == 0 ? seq : first;
        accepted++;
      } catch (ProtocolException e) {
        state.replies.reject(from, ref, index, e, state.nowMillis());
        state.topics.rejected(e.code() == ErrorCode.INVALID_TOPIC ? null : record.topic());
      }
    }
    state.counters.addPublished(accepted);
    state.outbox.control(from, FrameCodec.encode(new Frame.Ack(ref, accepted, first)));
    for (byte[] report : state.schemaReports.drain()) {
      publishSystem(report, brokerNodeId);
    }
  }

  private long route(Session from, byte[] frame, int ref, int index) throws ProtocolException {
    Subscriber[] targets = sameTopicAsLast() ? lastMatch : targets(record.topic());
    if (!PayloadShape.looksLikeJsonObject(frame, record.payloadOffset(), record.payloadLength())) {
      throw Replies.problem(
          ErrorCode.PAYLOAD_NOT_JSON, "payload is not a JSON object (OnexEvent)", preview(frame));
    }
    if (record.eventTypeLength() == 0) {
      throw Replies.problem(ErrorCode.INVALID_EVENT_TYPE, "event_type is empty", "");
    }
    int flags = 0;
    if (!state.schemas.everythingOff()) {
      SchemaEnforcer.Verdict v = state.schemas.check(lastTopic, record);
      if (v != null) {
        state.counters.addSchemaInvalid(!v.rejected());
        state.schemaReports.add(lastTopic, from.nodeId(), record, v, state.nowMillis());
        if (v.rejected()) {
          state.replies.rejectSchema(from, ref, index, v.failure(), preview(frame));
          return SCHEMA_REJECTED;
        }
        flags = EventRecordView.FLAG_SCHEMA_INVALID;
      }
    }
    // The broker owns the flags: whatever a publisher put there, subscribers see the broker's.
    record.setFlags(flags);
    // targets() leaves the topic's first-seen String in lastTopic: reusing that instance keeps
    // its hash cached for the flow-control bookkeeping of queued events.
    return deliver(targets, from.nodeIdBytes(), from.trust(), lastTopic);
  }

  /**
   * Routes an event the broker itself publishes on a system topic: numbered and delivered like any
   * other, but exempt from the checks that keep clients off {@code $} topics.
   */
  long publishSystem(byte[] encodedRecord, byte[] brokerNodeId) {
    try {
      record.wrap(encodedRecord, 0, encodedRecord.length);
    } catch (ProtocolException e) {
      throw new IllegalStateException("the broker encoded an invalid record", e);
    }
    // The bus and its own registry speak with full trust.
    String topic = record.topic();
    long seq = deliver(state.index.match(topic), brokerNodeId, TrustLevel.VERIFIED, topic);
    state.counters.addPublished(1);
    state.counters.addBusEvent(record.eventType());
    return seq;
  }

  /**
   * Numbers the event under {@link #record} and appends it, byte for byte, to the batch of every
   * target whose filter accepts it. Returns its sequence.
   */
  private long deliver(
      Subscriber[] targets, byte[] publisherNodeId, TrustLevel trust, String topic) {
    long seq = state.nextSequence();
    TopicCounters counts = state.topics.published(topic, record.recordLength());
    state.trace.published(record, topic, publisherNodeId, seq);
    for (Subscriber s : targets) {
      if (s.accepts(record)) {
        if (s.policy() != null) {
          if (!s.policy().allows(topic, record, trust)) {
            state.counters.addPolicyDenied(1);
            continue;
          }
        }
        if (FlowControl.direct(s)) {
          s.flow().spend(seq);
          state.outbox.deliver(
              s.session(),
              s.subscriptionId(),
              seq,
              state.nowMicros(),
              publisherNodeId,
              record.buffer(),
              record.recordOffset(),
              record.recordLength());
          TopicCounters.delivered(counts);
          state.trace.received(record, topic, s.session().nodeId(), seq);
        } else {
          state.flow.enqueue(s, record, topic, seq, state.nowMicros(), publisherNodeId);
        }
      }
    }
    return seq;
  }

  /**
   * Validated subscribers of a topic, remembered as the last topic's; a run of events on one topic
   * does not come here ({@link #sameTopicAsLast}).
   */
  private Subscriber[] targets(String topic) throws ProtocolException {
    if (!state.index.isCached(topic)) {
      Topics.validateLiteral(topic);
      if (Topics.isSystem(topic)) {
        throw Replies.problem(
            ErrorCode.INVALID_TOPIC, "topics starting with '$' are reserved for the bus", topic);
      }
    }
    lastTopic = topic;
    lastTopicBytes = topic.getBytes(StandardCharsets.UTF_8);
    lastMatch = state.index.match(topic);
    return lastMatch;
  }

  /**
   * Whether the event under {@link #record} is on the last routed topic, compared as bytes: a run
   * of events on one topic then decodes its name once, not once per event.
   */
  private boolean sameTopicAsLast() {
    byte[] last = lastTopicBytes;
    int from = record.topicOffset();
    return lastMatch != null
        && last != null
        && Arrays.equals(record.buffer(), from, from + record.topicLength(), last, 0, last.length);
  }

  /** Subscriptions changed: the one-entry cache may be stale. */
  void invalidate() {
    lastTopic = null;
    lastTopicBytes = null;
    lastMatch = null;
  }

  private String preview(byte[] frame) {
    int n = Math.min(record.payloadLength(), 80);
    return new String(frame, record.payloadOffset(), n, java.nio.charset.StandardCharsets.UTF_8);
  }
}
