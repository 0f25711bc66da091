package io.onex.bus.cli.commands;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Durations as users type them on the command line: the {@code onex.yaml} syntax ({@code 500ms},
 * {@code 10s}, {@code 2m}, {@code 1h}) or ISO-8601 ({@code PT1M}). Stateless.
 */
final class Durations {
  private Durations() {}

  static Duration parse(String option, String text) {
    try {
      return io.onex.bus.config.Durations.parse(text);
    } catch (IllegalArgumentException notShortForm) {
      try {
        return Duration.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new CliException(
            OnexCommand.EXIT_USAGE, option + " must look like 500ms, 10s, 2m or PT1M, was " + text);
      }
    }
  }
}
