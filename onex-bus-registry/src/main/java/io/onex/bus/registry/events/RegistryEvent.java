package io.onex.bus.registry.events;

import io.onex.bus.protocol.event.BusEventType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Something the registry did that others may want to know: a lease granted or expired, a node
 * registered, expired or back. Published on {@link #topic()} and logged. Immutable; any thread.
 *
 * @param type the bus event type
 * @param at when it happened (the registry's clock)
 * @param fields what the event is about, in a stable order: strings, numbers, booleans
 */
public record RegistryEvent(BusEventType type, Instant at, Map<String, Object> fields) {
  /** The topic prefix of every registry event. */
  public static final String TOPIC_PREFIX = "$onex.registry.";

  /** Copies the fields. */
  public RegistryEvent {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The system topic: {@code $onex.registry.} and the type's words, lower case and dotted, e.g.
   * {@code LEASE_GRANTED} on {@code $onex.registry.lease.granted}.
   */
  public String topic() {
    return TOPIC_PREFIX + type.name().toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
