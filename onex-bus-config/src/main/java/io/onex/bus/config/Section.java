package io.onex.bus.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * One mapping of the YAML tree at a known key path. Each typed read checks type and range and, on a
 * mistake, records a problem under the full key and returns the fallback instead of throwing, so
 * one pass reports every mistake. Keys outside the known list are reported on construction. One
 * instance per mapping; one thread.
 */
final class Section {
  private final JsonNode node;
  private final String path;
  private final List<ConfigException.Problem> problems;

  /**
   * @param node the mapping; null, missing or YAML null read as an empty mapping
   * @param path its key path, empty for the document root
   * @param known the keys this mapping may hold
   * @param problems where problems go
   */
  Section(JsonNode node, String path, List<String> known, List<ConfigException.Problem> problems) {
    this.path = path;
    this.problems = problems;
    if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
      problem("", "must be a mapping of keys to values (was " + shown(node) + ")");
      node = null;
    }
    this.node = node == null || !node.isObject() ? null : node;
    if (this.node != null) {
      for (var e : this.node.properties()) {
        if (!known.contains(e.getKey())) {
          problem(e.getKey(), UnknownKey.reason(e.getKey(), known));
        }
      }
    }
  }

  /** The full path of key {@code k} of this mapping. */
  String key(String k) {
    return path.isEmpty() ? k : k.isEmpty() ? path : path + "." + k;
  }

  /** Whether {@code k} is written here, even without a value. */
  boolean has(String k) {
    return node != null && node.has(k);
  }

  /** How many problems have been recorded so far, by any section of this load. */
  int problemCount() {
    return problems.size();
  }

  void problem(String k, String reason) {
    problems.add(new ConfigException.Problem(key(k), reason));
  }

  /** {@code n}, a mapping found under key path {@code k} of this one (a list item, say). */
  Section child(JsonNode n, String k, List<String> known) {
    return new Section(n, key(k), known, problems);
  }

  /** The mapping under {@code k}, empty when absent or written without a value. */
  Section section(String k, List<String> known) {
    return new Section(node == null ? null : node.get(k), key(k), known, problems);
  }

  /**
   * The value under {@code k}, or null when absent. A key written without a value is a problem: it
   * is more likely a slip than a wish for the default.
   */
  JsonNode value(String k) {
    if (!has(k)) {
      return null;
    }
    JsonNode v = node.get(k);
    if (v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
      problem(k, "has no value; give one or remove the key (YAML reads a bare ~ as no value)");
      return null;
    }
    return v;
  }

  int integer(IntRange rule, int fallback) {
    JsonNode v = value(rule.key());
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber()) {
      problem(rule.key(), "must be a whole number (was " + shown(v) + ")");
      return fallback;
    }
    if (!v.canConvertToLong()) {
      problem(rule.key(), "must be <= " + rule.max() + " (was " + v.asText() + ")");
      return fallback;
    }
    String p = rule.problem(v.longValue());
    if (p != null) {
      problem(rule.key(), p);
      return fallback;
    }
    return v.intValue();
  }

  /** A non-empty string. */
  String text(String k, String fallback) {
    JsonNode v = value(k);
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual()) {
      problem(k, "must be a string (was " + shown(v) + "); quote it");
      return fallback;
    }
    if (v.textValue().isBlank()) {
      problem(k, "must not be empty");
      return fallback;
    }
    return v.textValue();
  }

  boolean bool(String k, boolean fallback) {
    JsonNode v = value(k);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      problem(k, "must be true or false (was " + shown(v) + ")");
      return fallback;
    }
    return v.booleanValue();
  }

  Duration duration(DurationRange rule, Duration fallback) {
    JsonNode v = value(rule.key());
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual()) {
      problem(
          rule.key(),
          "must be a duration with a unit, like 500ms, 2s, 1m or 1h (was " + shown(v) + ")");
      return fallback;
    }
    try {
      Duration d = Durations.parse(v.textValue());
      String p = rule.problem(d);
      if (p != null) {
        problem(rule.key(), p);
        return fallback;
      }
      return d;
    } catch (IllegalArgumentException e) {
      problem(rule.key(), e.getMessage());
      return fallback;
    }
  }

  /** A bind address; {@code *} only where {@code wildcardAllowed}. */
  String host(String k, String fallback, boolean wildcardAllowed) {
    String h = text(k, null);
    if (h == null) {
      return fallback;
    }
    String p = Hosts.problem(h, wildcardAllowed);
    if (p != null) {
      problem(k, p);
      return fallback;
    }
    return h;
  }

  /** A bus port: a number, {@code *}, or a range string; null after a problem. */
  PortSpec port(String k, PortSpec fallback) {
    JsonNode v = value(k);
    if (v == null) {
      return has(k) ? null : fallback;
    }
    if (v.isIntegralNumber()) {
      IntRange rule = new IntRange(k, 0, PortSpec.MAX_PORT);
      String p = v.canConvertToLong() ? rule.problem(v.longValue()) : "must be <= 65535";
      if (p != null) {
        problem(k, p);
        return null;
      }
      return v.intValue() == 0 ? PortSpec.ephemeral() : PortSpec.fixed(v.intValue());
    }
    if (!v.isTextual()) {
      problem(k, "must be a port number, * or a range like 40000-40999 (was " + shown(v) + ")");
      return null;
    }
    try {
      return PortSpec.parse(v.textValue());
    } catch (IllegalArgumentException e) {
      problem(k, e.getMessage());
      return null;
    }
  }

  /** A value as an error message shows it. */
  static String shown(JsonNode v) {
    if (v.isTextual()) {
      return "'" + v.textValue() + "'";
    }
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    return v.toString();
  }
}
