package io.onex.bus.registry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.debug.DebugSettings;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.debug.DebugModes;
import io.onex.bus.registry.schema.SchemaRegistry;

/**
 * The {@code bus_settings} object of the replies to a broker's REGISTER and bus-report HEARTBEAT
 * (docs/protocol.md §16.5, §16.6): what the registry wants the broker of a bus to know: its {@code
 * schema_revision} (a broker that sees a revision it has not loaded fetches the bus's schemas
 * again) and its {@code debug} mode. Built in this one place so both replies always agree. Any
 * thread.
 */
public final class BusSettings {
  private final SchemaRegistry schemas;
  private final DebugModes debug;

  /** Settings drawn from {@code schemas} and the buses' debug modes. */
  public BusSettings(SchemaRegistry schemas, DebugModes debug) {
    this.schemas = schemas;
    this.debug = debug;
  }

  /** The settings of bus {@code bus}. */
  public ObjectNode of(String bus) {
    ObjectNode o = RegistryCodec.object();
    o.put("schema_revision", schemas.revision(bus));
    o.set("debug", debug.find(bus).map(DebugSettings::toJson).orElseGet(DebugSettings::off));
    return o;
  }
}
