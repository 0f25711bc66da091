package io.onex.bus.client;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Delivery;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import java.util.Map;

/**
 * One delivered event: the routing header, the broker's stamp (sequence, acceptance time,
 * publisher) and the payload bytes exactly as published. {@link #event()} parses the payload on
 * demand. Immutable; any thread.
 */
public final class ReceivedEvent {
  private final Delivery delivery;

  public ReceivedEvent(Delivery delivery) {
    this.delivery = delivery;
  }

  public int subscriptionId() {
    return delivery.subscriptionId();
  }

  public String topic() {
    return delivery.event().topic();
  }

  public String eventType() {
    return delivery.event().eventType();
  }

  /** The correlation id, or null when the publisher gave none. */
  public String correlationId() {
    String c = delivery.event().correlationId();
    return c.isEmpty() ? null : c;
  }

  public Map<String, String> tags() {
    return delivery.event().tags();
  }

  public long sequence() {
    return delivery.sequence();
  }

  public long brokerTimeMicros() {
    return delivery.brokerTimeMicros();
  }

  public String publisherNodeId() {
    return delivery.publisherNodeId();
  }

  /** The OnexEvent JSON as published (the array is shared: do not modify it). */
  public byte[] payload() {
    return delivery.event().payload();
  }

  /** The payload parsed as an OnexEvent; throws {@link IllegalStateException} if it is not one. */
  public OnexEvent event() {
    try {
      return OnexEventJson.read(payload());
    } catch (ProtocolException e) {
      throw new IllegalStateException("payload is not a valid OnexEvent: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ReceivedEvent[#" + sequence() + " " + topic() + " " + eventType() + "]";
  }
}
