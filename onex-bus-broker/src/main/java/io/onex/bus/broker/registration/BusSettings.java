package io.onex.bus.broker.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusSchemas;
import io.onex.bus.client.RegistryCallException;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.debug.DebugSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code bus_settings} object of a REGISTER or HEARTBEAT reply (docs/protocol.md §16.5,
 * §16.6) to the broker: the debug mode, and the topic schemas, read again from the registry when
 * its {@code schema_revision} for the bus moved. Each is handed to the broker loop only when it
 * changed since the last reply, so a steady state costs the loop nothing. Heartbeat thread only.
 */
final class BusSettings {
  private static final Logger LOG = LoggerFactory.getLogger(BusSettings.class);

  private final Broker broker;
  private final RegistryClient registry;
  private JsonNode lastDebug;

  /** The registry's schema revision this broker enforces; -1 before the first reply. */
  private long schemaRevision = -1;

  BusSettings(Broker broker, RegistryClient registry) {
    this.broker = broker;
    this.registry = registry;
  }

  /** One reply's {@code bus_settings} (a missing node when the registry sent none). */
  void accept(JsonNode busSettings) {
    if (!busSettings.isObject()) {
      return;
    }
    debug(busSettings.path("debug"));
    schemas(busSettings.path("schema_revision").asLong(-1));
  }

  private void schemas(long revision) {
    if (revision < 0 || revision == schemaRevision) {
      return;
    }
    BusSchemas current;
    try {
      current = registry.busSchemas(broker.name());
    } catch (RegistryCallException e) {
      // Keep enforcing what we have; the next reply asks again.
      LOG.warn("bus {} could not read its schemas: {}", broker.name(), e.getMessage());
      return;
    }
    broker.updateSchemas(current.schemas(), current.revision());
    schemaRevision = current.revision();
    LOG.atInfo()
        .addKeyValue("event", "SCHEMAS_UPDATED")
        .addKeyValue("bus", broker.name())
        .addKeyValue("schema_revision", current.revision())
        .addKeyValue("schemas", current.schemas().size())
        .log(
            "bus {} enforces {} topic schemas (revision {})",
            broker.name(),
            current.schemas().size(),
            current.revision());
  }

  private void debug(JsonNode debug) {
    if (debug.isMissingNode() || debug.equals(lastDebug)) {
      return;
    }
    lastDebug = debug;
    if (!debug.path("enabled").asBoolean(false)) {
      broker.applyDebugSettings(null);
      return;
    }
    try {
      broker.applyDebugSettings(DebugSettings.parse(debug));
    } catch (ProtocolException e) {
      // Logged once per change (the same document is not re-parsed): the registry validated it,
      // so this means the two disagree about the format.
      LOG.atWarn()
          .addKeyValue("event", "BUS_SETTINGS_INVALID")
          .addKeyValue("bus", broker.name())
          .addKeyValue("code", e.code().name())
          .addKeyValue("offending", e.offending())
          .log(
              "bus {}: ignoring debug settings from the registry: {}",
              broker.name(),
              e.getMessage());
    }
  }
}
