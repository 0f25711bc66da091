package io.onex.bus.registry.lease;

import java.util.Locale;

/** Where a port lease is in its life. Only an {@link #ACTIVE} lease holds its port. Any thread. */
public enum LeaseStatus {
  ACTIVE,
  RELEASED,
  EXPIRED;

  /** The lower-case form used on the wire, in the API and in the store. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@link #wire()} back. */
  public static LeaseStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
