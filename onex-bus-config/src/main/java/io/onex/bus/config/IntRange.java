package io.onex.bus.config;

/**
 * The inclusive bounds of one whole-number key. The records' compact constructors and the loader
 * both check through it, so a bound and its message are written once. Immutable; any thread.
 *
 * @param key the key as written in {@code onex.yaml}, e.g. {@code max_frame_bytes}
 */
record IntRange(String key, long min, long max) {

  /** What is wrong with {@code value}, or null when it is within the bounds. */
  String problem(long value) {
    if (value < min) {
      return "must be >= " + min + " (was " + value + ")";
    }
    if (value > max) {
      return "must be <= " + max + " (was " + value + ")";
    }
    return null;
  }

  /** For compact constructors: returns {@code value} or throws naming the key. */
  int require(long value) {
    String p = problem(value);
    if (p != null) {
      throw new IllegalArgumentException(key + " " + p);
    }
    return (int) value;
  }
}
