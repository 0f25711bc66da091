package io.onex.bus.config;

import java.util.Locale;

/**
 * How far a publisher is trusted, ONEX's levels from least to most: {@link #UNTRUSTED}, {@link
 * #TRUSTED}, {@link #VERIFIED}. Until the security chapter verifies node identities, a bus's {@code
 * policy.trust} map assigns them by node id. Any thread.
 */
public enum TrustLevel {
  UNTRUSTED,
  TRUSTED,
  VERIFIED;

  /** The lower-case name used in config and on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this level is {@code other} or above. */
  public boolean atLeast(TrustLevel other) {
    return compareTo(other) >= 0;
  }

  /** The level named {@code s} (lower case), or null. */
  public static TrustLevel fromWire(String s) {
    for (TrustLevel t : values()) {
      if (t.wire().equals(s)) {
        return t;
      }
    }
    return null;
  }
}
