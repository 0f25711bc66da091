package io.onex.bus.broker.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.event.BusEventType;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes BUS_STARTED and BUS_STOPPED as structured log lines: field {@code event} names the bus
 * event, {@code bus} the bus, and every metadata field of the event follows. Stateless; any thread.
 */
public final class LifecycleLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.onex.bus.broker.lifecycle");

  private LifecycleLog() {}

  public static void log(String bus, BusEventType type, ObjectNode metadata) {
    var line = LOG.atInfo().addKeyValue("event", type.name()).addKeyValue("bus", bus);
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f : metadata.properties()) {
      line =
          line.addKeyValue(
              f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue());
    }
    line.log("{} {} {}", type.name(), bus, metadata);
  }

  /** Deliveries still queued when the drain deadline passed: they are lost, and said so. */
  public static void drainIncomplete(String bus, long undelivered) {
    LOG.atWarn()
        .addKeyValue("event", "BUS_DRAIN_INCOMPLETE")
        .addKeyValue("bus", bus)
        .addKeyValue("undelivered", undelivered)
        .log("bus {} stopped with {} deliveries still queued", bus, undelivered);
  }
}
