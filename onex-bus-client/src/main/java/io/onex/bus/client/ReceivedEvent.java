package io.onex.bus.client;

import io.onex.bus.client.internal.TraceContext;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.DeliverWriter;
import io.onex.bus.protocol.codec.Delivery;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.EventRecords;
import io.onex.bus.protocol.codec.WireReader;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One delivered event: the routing header, the broker's stamp (sequence, acceptance time,
 * publisher) and the payload bytes exactly as published. It is a window on the DELIVER frame it
 * came in: fields are decoded only when asked for, so a handler that reads only the sequence or the
 * payload pays for nothing else. Immutable; any thread.
 */
public final class ReceivedEvent {
  private final byte[] frame;
  private final int subscriptionId;
  private final long sequence;
  private final long brokerTimeMicros;
  private final int publisherOffset;
  private final int publisherLength;
  private final int topicOffset;
  private final int topicLength;
  private final int typeOffset;
  private final int typeLength;
  private final int correlationOffset;
  private final int correlationLength;
  private final int tagsOffset;
  private final int extensionsOffset;
  private final int payloadOffset;
  private final int payloadLength;
  private final int flags;

  /**
   * An event whose delivery header was read from {@code frame} and whose record {@code view} points
   * into the same frame. Used by the client's dispatcher.
   */
  public ReceivedEvent(
      byte[] frame,
      int subscriptionId,
      long sequence,
      long brokerTimeMicros,
      int publisherOffset,
      int publisherLength,
      EventRecordView view) {
    this.frame = frame;
    this.subscriptionId = subscriptionId;
    this.sequence = sequence;
    this.brokerTimeMicros = brokerTimeMicros;
    this.publisherOffset = publisherOffset;
    this.publisherLength = publisherLength;
    this.flags = view.flags();
    this.topicOffset = view.topicOffset();
    this.topicLength = view.topicLength();
    this.typeOffset = view.eventTypeOffset();
    this.typeLength = view.eventTypeLength();
    this.correlationOffset = view.correlationOffset();
    this.correlationLength = view.correlationLength();
    this.tagsOffset = view.tagsOffset();
    this.extensionsOffset = view.extensionsOffset();
    this.payloadOffset = view.payloadOffset();
    this.payloadLength = view.payloadLength();
  }

  /** The same view over a decoded delivery (the in-memory bus builds its events this way). */
  public static ReceivedEvent of(Delivery d) {
    byte[] record = EventRecords.encode(d.event());
    DeliverWriter w = new DeliverWriter(record.length + 64);
    byte[] node = d.publisherNodeId().getBytes(StandardCharsets.UTF_8);
    w.append(
        d.subscriptionId(), d.sequence(), d.brokerTimeMicros(), node, record, 0, record.length);
    byte[] frame = w.finish();
    int nodeAt = 4 + 4 + 8 + 8 + 1;
    try {
      EventRecordView v = new EventRecordView().wrap(frame, nodeAt + node.length, frame.length);
      return new ReceivedEvent(
          frame, d.subscriptionId(), d.sequence(), d.brokerTimeMicros(), nodeAt, node.length, v);
    } catch (ProtocolException e) {
      throw new IllegalStateException("a delivery encoded here did not decode", e);
    }
  }

  public int subscriptionId() {
    return subscriptionId;
  }

  public String topic() {
    return text(topicOffset, topicLength);
  }

  public String eventType() {
    return text(typeOffset, typeLength);
  }

  /** The correlation id, or null when the publisher gave none. */
  public String correlationId() {
    return correlationLength == 0 ? null : text(correlationOffset, correlationLength);
  }

  /** Publisher-declared tags, in the order they were written. */
  public Map<String, String> tags() {
    return map(tagsOffset);
  }

  /**
   * The record's extensions as published (docs/protocol.md §13), for example {@code traceparent}
   * and {@code tracestate}; empty for most events.
   */
  public Map<String, String> extensions() {
    return hasExtensions() ? map(extensionsOffset) : Map.of();
  }

  /**
   * The W3C {@code traceparent} the publisher sent, or null when it sent none or one that is not
   * the W3C format (such a value is ignored, not an error; {@link #extensions()} still shows it).
   */
  public String traceparent() {
    return TraceContext.isTraced(traceContext())
        ? extensions().get(TraceContext.TRACEPARENT)
        : null;
  }

  /**
   * The trace context the event carries, on top of the root context: the context a handler runs in
   * and what {@link PublishOptions#derivedFrom} propagates. The root context when there is none.
   */
  public Context traceContext() {
    return hasExtensions() ? TraceContext.context(extensions()) : Context.root();
  }

  /** True when the extensions map has entries: its u8 count is not zero. */
  public boolean hasExtensions() {
    return frame[extensionsOffset] != 0;
  }

  private Map<String, String> map(int offset) {
    try {
      return new WireReader(frame, offset, payloadOffset).stringMap();
    } catch (ProtocolException e) {
      throw new IllegalStateException("the record was checked when the frame arrived", e);
    }
  }

  public long sequence() {
    return sequence;
  }

  public long brokerTimeMicros() {
    return brokerTimeMicros;
  }

  public String publisherNodeId() {
    return text(publisherOffset, publisherLength);
  }

  /** The OnexEvent JSON as published (a copy). */
  public byte[] payload() {
    return Arrays.copyOfRange(frame, payloadOffset, payloadOffset + payloadLength);
  }

  public int payloadLength() {
    return payloadLength;
  }

  /** The payload parsed as an OnexEvent; throws {@link IllegalStateException} if it is not one. */
  public OnexEvent event() {
    try {
      return OnexEventJson.read(payload());
    } catch (ProtocolException e) {
      throw new IllegalStateException("payload is not a valid OnexEvent: " + e.getMessage(), e);
    }
  }

  private String text(int offset, int length) {
    return new String(frame, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ReceivedEvent[#" + sequence + " " + topic() + " " + eventType() + "]";
  }

  /**
   * Whether the broker delivered this event although it failed its schema check (the topic is in
   * permissive mode). The bus published EVENT_INVALID_SCHEMA with the reasons.
   */
  public boolean schemaInvalid() {
    return (flags & EventRecordView.FLAG_SCHEMA_INVALID) != 0;
  }
}
