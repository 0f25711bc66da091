package io.onex.bus.broker.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.EventRecords;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;

/**
 * Builds the events a broker publishes about itself on its system topics {@code
 * $onex.bus.<bus>.<kind>}: an OnexEvent whose node id is the broker's ({@code broker.<bus>}) and
 * whose metadata carries the diagnostics. Stateless; any thread.
 */
public final class SystemEvents {
  private SystemEvents() {}

  /** The node id a broker stamps on what it publishes itself. */
  public static String brokerNodeId(String bus) {
    return "broker." + bus;
  }

  /** The system topic of one kind of bus event, e.g. {@code $onex.bus.user.lifecycle}. */
  public static String topic(String bus, String kind) {
    return "$onex.bus." + bus + "." + kind;
  }

  /** Fresh metadata to fill. */
  public static ObjectNode metadata() {
    return OnexEventJson.mapper().createObjectNode();
  }

  /** The encoded record of a bus event, ready to route. */
  public static byte[] record(String bus, String kind, BusEventType type, ObjectNode metadata) {
    OnexEvent event = OnexEvent.create(brokerNodeId(bus), type.name(), metadata);
    return EventRecords.encode(
        EventRecord.of(topic(bus, kind), type.name(), null, OnexEventJson.write(event)));
  }
}
