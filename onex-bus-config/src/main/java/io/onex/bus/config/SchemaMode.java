package io.onex.bus.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How a bus treats events that break their schema (the OnexEvent contract, and the topic's
 * registered schema if any). Immutable; any thread.
 */
public enum SchemaMode {
  /** Rejected: the publisher gets an error and nobody receives the event. */
  STRICT,
  /** Delivered, but flagged as invalid on the record and reported. */
  PERMISSIVE,
  /** Not parsed at all: the payload stays opaque. */
  OFF;

  /** The spelling in {@code onex.yaml}: {@code strict}, {@code permissive}, {@code off}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@link #configName()}. */
  public static Optional<SchemaMode> fromConfigName(String name) {
    for (SchemaMode m : values()) {
      if (m.configName().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
