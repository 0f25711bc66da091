package io.onex.bus.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Descriptive metadata of a bus, shown by the API and tooling; the broker does not act on it.
 * Immutable (the extras are deep-copied into unmodifiable collections); any thread.
 *
 * @param purpose free text, empty when not given
 * @param qos the delivery promise, free text such as {@code best-effort} or {@code at-least-once};
 *     never empty
 * @param debug a free flag for tooling
 * @param extra free-form values: strings, numbers, booleans, lists and maps of them, in the order
 *     written; never null values
 */
public record BusMetadata(String purpose, String qos, boolean debug, Map<String, Object> extra) {
  /** What a bus without a {@code metadata} block gets. */
  public static final BusMetadata NONE = new BusMetadata("", "best-effort", false, Map.of());

  /** Validates and deep-copies; the message names the field. */
  public BusMetadata {
    Objects.requireNonNull(purpose, "purpose");
    if (qos == null || qos.isBlank()) {
      throw new IllegalArgumentException("qos must not be empty");
    }
    extra = copyMap(Objects.requireNonNull(extra, "extra"), "extra");
  }

  private static Map<String, Object> copyMap(Map<?, ?> m, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : m.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new IllegalArgumentException(path + " keys must be strings (was " + e.getKey() + ")");
      }
      out.put(k, copyValue(e.getValue(), path + "." + k));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object copyValue(Object v, String path) {
    if (v instanceof String
        || v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Double
        || v instanceof BigInteger
        || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      return copyMap(m, path);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(copyValue(l.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException(
        path
            + " must be a string, number, boolean, list or map (was "
            + (v == null ? "null" : v.getClass().getSimpleName())
            + ")");
  }
}
