package io.onex.bus.broker.config;

import java.util.List;

/**
 * An invalid or conflicting configuration, found before anything binds. Names the file, the key (a
 * path such as {@code buses[1].queue.size}) and the reason; {@link #errors()} lists every problem
 * found, the message shows the first. Immutable; any thread.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /** One problem: where and why. */
  public record Problem(String key, String reason) {
    @Override
    public String toString() {
      return key.isEmpty() ? reason : key + ": " + reason;
    }
  }

  private final String source;
  private final transient List<Problem> errors;

  public ConfigException(String source, List<Problem> errors) {
    super(message(source, errors), null, false, false);
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  private static String message(String source, List<Problem> errors) {
    String first = source + ": " + errors.get(0);
    return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
  }

  /** The file, or "embedded default". */
  public String source() {
    return source;
  }

  /** The key of the first problem. */
  public String key() {
    return errors.get(0).key();
  }

  /** The reason of the first problem. */
  public String reason() {
    return errors.get(0).reason();
  }

  public List<Problem> errors() {
    return errors;
  }
}
