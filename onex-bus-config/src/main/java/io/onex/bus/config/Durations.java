package io.onex.bus.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of {@code onex.yaml}: a whole number and one unit, {@code ms}, {@code s},
 * {@code m} or {@code h} ({@code 500ms}, {@code 2s}, {@code 1m}). One unit only keeps the syntax
 * unambiguous; {@link #format} writes the largest exact unit so that {@code 2000ms} and {@code 2s}
 * are the same canonical value. The CLI's duration options use it too. Stateless; any thread.
 */
public final class Durations {
  // Nine digits cannot overflow any unit below, so parsing never throws on a long number.
  private static final Pattern SYNTAX = Pattern.compile("(-?\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses {@code text}; the sign is accepted so that {@code -2s} gets "must be > 0" rather than a
   * syntax complaint.
   *
   * @throws IllegalArgumentException with the reason, when the syntax is wrong
   */
  public static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "must be a duration like 500ms, 2s, 1m or 1h (was '" + text + "')");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** The shortest exact spelling: {@code 2s}, {@code 1500ms}, {@code 1h}; ISO-8601 below 1 ms. */
  public static String format(Duration d) {
    if (d.getNano() % 1_000_000 != 0) {
      return d.toString();
    }
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
