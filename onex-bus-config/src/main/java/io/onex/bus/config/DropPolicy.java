package io.onex.bus.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What a full subscription queue gives up to make room: its oldest or its newest events. Immutable;
 * any thread.
 */
public enum DropPolicy {
  /** Drop the oldest queued event to make room for the arriving one. */
  OLDEST(1),
  /** Keep what is queued and drop the arriving (newest) event. */
  NEWEST(2);

  private final int wireCode;

  DropPolicy(int wireCode) {
    this.wireCode = wireCode;
  }

  /** The code SUBSCRIBE carries for this policy: 1 oldest, 2 newest. */
  public int wireCode() {
    return wireCode;
  }

  /** The spelling in {@code onex.yaml}: {@code oldest} or {@code newest}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy spelled {@code name} in {@code onex.yaml} (lower case only), if any. */
  public static Optional<DropPolicy> fromConfigName(String name) {
    for (DropPolicy p : values()) {
      if (p.configName().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
