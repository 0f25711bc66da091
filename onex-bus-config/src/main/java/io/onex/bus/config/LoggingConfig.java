package io.onex.bus.config;

import java.util.List;

/**
 * How much one bus logs. Immutable; any thread.
 *
 * @param level one of {@link #LEVELS}, lower case
 * @param debug whether full payloads are dumped (for the observability tooling; off by default)
 */
public record LoggingConfig(String level, boolean debug) {
  /** The accepted levels, quietest last. */
  public static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

  /** Validates the level; the message names the field. */
  public LoggingConfig {
    String p = levelProblem(level);
    if (p != null) {
      throw new IllegalArgumentException("level " + p);
    }
  }

  /** What is wrong with {@code level}, or null. */
  static String levelProblem(String level) {
    return LEVELS.contains(level)
        ? null
        : "must be one of " + String.join(", ", LEVELS) + " (was '" + level + "')";
  }
}
