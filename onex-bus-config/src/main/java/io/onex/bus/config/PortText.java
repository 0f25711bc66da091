package io.onex.bus.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text grammar of {@link PortSpec#parse}, kept out of the public interface. Stateless; any
 * thread.
 */
final class PortText {
  // Bounded digit counts keep Integer.parseInt from overflowing; the range check says the rest.
  private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,6})\\s*-\\s*(\\d{1,6})");

  private PortText() {}

  static PortSpec parse(String text) {
    String t = text.trim();
    if (t.equals("*") || t.equals("0")) {
      return PortSpec.ephemeral();
    }
    if (NUMBER.matcher(t).matches()) {
      int p = Integer.parseInt(t);
      if (p > PortSpec.MAX_PORT) {
        throw new IllegalArgumentException("must be <= " + PortSpec.MAX_PORT + " (was " + p + ")");
      }
      return PortSpec.fixed(p);
    }
    Matcher m = RANGE.matcher(t);
    if (m.matches()) {
      return PortSpec.range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    throw new IllegalArgumentException(
        "must be 0 or * (any free port), a port 1-65535, or a range like 40000-40999 (was '"
            + text
            + "')");
  }
}
