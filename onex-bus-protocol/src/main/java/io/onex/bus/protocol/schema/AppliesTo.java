package io.onex.bus.protocol.schema;

import java.util.Locale;

/**
 * Which part of an event a topic's schema describes: the event's {@code metadata} object (the
 * default, since that is where ONEX puts an event's data) or the whole OnexEvent document.
 * Immutable; any thread.
 */
public enum AppliesTo {
  METADATA,
  EVENT;

  /** The spelling in JSON and on the command line: {@code metadata} or {@code event}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@link #wireName()}; throws IllegalArgumentException naming the accepted values. */
  public static AppliesTo fromWireName(String name) {
    for (AppliesTo a : values()) {
      if (a.wireName().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "applies_to must be 'metadata' or 'event', not '" + name + "'");
  }
}
