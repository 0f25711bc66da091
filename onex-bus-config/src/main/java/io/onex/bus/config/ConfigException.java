package io.onex.bus.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An invalid or conflicting configuration, found before anything binds. It names the source (the
 * file as given, or {@code embedded default}), the key (a path such as {@code buses[1].queue.size};
 * empty when the problem is the whole document) and the reason. The loader collects every problem
 * it can find in one pass: {@link #errors()} lists them in document order, the accessors and the
 * message describe the first. Immutable; any thread.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * One problem: where and why. Immutable.
   *
   * @param key path of the offending key, e.g. {@code buses[0].port}; empty for the whole document
   * @param reason what is wrong, e.g. {@code must be >= 1 (was -5)}
   */
  public record Problem(String key, String reason) {
    @Override
    public String toString() {
      return key.isEmpty() ? reason : key + ": " + reason;
    }
  }

  private final String source;
  // Transient: a List is not declared Serializable; the message survives serialization anyway.
  private final transient List<Problem> errors;

  /**
   * @param source the file as given, or {@code embedded default}
   * @param errors at least one problem
   */
  public ConfigException(String source, List<Problem> errors) {
    this(source, errors, null);
  }

  /** One problem with its underlying cause (an I/O or parser error). */
  public ConfigException(String source, String key, String reason, Throwable cause) {
    this(source, List.of(new Problem(key, reason)), cause);
  }

  private ConfigException(String source, List<Problem> errors, Throwable cause) {
    super(message(source, errors), cause);
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  private static String message(String source, List<Problem> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    String first = source + ": " + errors.get(0);
    return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
  }

  /** The file as given, or {@code embedded default}. */
  public String source() {
    return source;
  }

  /** The key of the first problem; empty when it concerns the whole document. */
  public String key() {
    return errors.get(0).key();
  }

  /** The reason of the first problem. */
  public String reason() {
    return errors.get(0).reason();
  }

  /** Every problem found, in document order; cross-bus conflicts come last. */
  public List<Problem> errors() {
    return errors;
  }

  /** Every problem, one {@code source: key: reason} line each, for a terminal. */
  public String report() {
    return errors.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n"));
  }
}
