package io.onex.bus.broker.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.broker.Broker;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.debug.DebugSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code bus_settings} object of a heartbeat reply (docs/protocol.md, HEARTBEAT) to the
 * broker: each setting is handed to the broker loop only when it changed since the last reply, so a
 * steady state costs the loop nothing. Heartbeat thread only.
 */
final class BusSettings {
  private static final Logger LOG = LoggerFactory.getLogger(BusSettings.class);

  private final Broker broker;
  private JsonNode lastDebug;

  BusSettings(Broker broker) {
    this.broker = broker;
  }

  /** One reply's {@code bus_settings} (a missing node when the registry sent none). */
  void accept(JsonNode busSettings) {
    if (!busSettings.isObject()) {
      return;
    }
    debug(busSettings.path("debug"));
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
