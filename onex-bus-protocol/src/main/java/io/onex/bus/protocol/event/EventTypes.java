package io.onex.bus.protocol.event;

import java.util.HashMap;
import java.util.Map;

/**
 * Looks event type strings up in the catalogue. Unknown strings are legal event types: the
 * catalogue only tells what ONEX or the bus defines. Stateless; any thread.
 */
public final class EventTypes {
  /** Where a known event type comes from. */
  public enum Origin {
    ONEX,
    BUS,
    OTHER
  }

  private static final Map<String, Origin> KNOWN = new HashMap<>();

  static {
    for (OnexEventType t : OnexEventType.values()) {
      KNOWN.put(t.name(), Origin.ONEX);
    }
    for (BusEventType t : BusEventType.values()) {
      KNOWN.put(t.name(), Origin.BUS);
    }
  }

  private EventTypes() {}

  /** ONEX for ONEX's own types, BUS for the bus's, OTHER for anything else. */
  public static Origin originOf(String eventType) {
    return KNOWN.getOrDefault(eventType, Origin.OTHER);
  }

  /** Whether the catalogue defines {@code eventType}. */
  public static boolean isKnown(String eventType) {
    return KNOWN.containsKey(eventType);
  }
}
