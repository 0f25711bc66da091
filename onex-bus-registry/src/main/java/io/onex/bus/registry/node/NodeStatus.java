package io.onex.bus.registry.node;

import java.util.Locale;

/**
 * Whether a registered node is heartbeating ({@link #ONLINE}) or has missed its registration TTL
 * ({@link #OFFLINE}; only durable registrations stay in that state, ephemeral ones are removed).
 * Any thread.
 */
public enum NodeStatus {
  ONLINE,
  OFFLINE;

  /** The lower-case form used on the wire, in the API and in the store. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@link #wire()} back. */
  public static NodeStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
