package io.onex.bus.registry.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.debug.DebugSettings;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.store.RegistryStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each bus's debug mode as operators set it through the HTTP API ({@code
 * /api/v1/buses/{bus}/debug}) and brokers receive it in their heartbeat replies. Written through to
 * the store, so a restarted registry hands the same settings out again; read from memory, so a
 * heartbeat costs a map lookup. Any thread: HTTP threads write, the registry loop reads.
 */
public final class DebugModes {
  private static final Logger LOG = LoggerFactory.getLogger(DebugModes.class);

  private final RegistryStore store;
  private final Clock clock;
  private final Map<String, DebugSettings> byBus = new ConcurrentHashMap<>();

  private DebugModes(RegistryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The settings kept in {@code store}; a stored document that no longer parses is skipped. */
  public static DebugModes load(RegistryStore store, Clock clock) {
    DebugModes m = new DebugModes(store, clock);
    store
        .debugSettings()
        .forEach(
            (bus, json) -> {
              try {
                m.byBus.put(bus, DebugSettings.parse(RegistryCodec.mapper().readTree(json)));
              } catch (ProtocolException | JsonProcessingException e) {
                LOG.warn("ignoring the stored debug settings of bus {}: {}", bus, e.getMessage());
              }
            });
    return m;
  }

  /** Settings kept in memory only (tests, registries without a store). */
  public static DebugModes inMemory() {
    return new DebugModes(null, Clock.systemUTC());
  }

  /** The debug mode of {@code bus}, if on. */
  public Optional<DebugSettings> find(String bus) {
    return Optional.ofNullable(byBus.get(bus));
  }

  /** Turns debug mode on (or changes it) for {@code bus}; durable when this returns. */
  public void set(String bus, DebugSettings settings) {
    if (store != null) {
      store.putDebugSettings(bus, settings.toJson().toString(), clock.instant());
    }
    byBus.put(bus, settings);
  }

  /** Turns debug mode off for {@code bus}; false when it was not on. */
  public boolean clear(String bus) {
    if (store != null) {
      store.removeDebugSettings(bus);
    }
    return byBus.remove(bus) != null;
  }
}
