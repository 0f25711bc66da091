package io.onex.bus.broker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of the YAML tree at a known key path. Reading a value checks its type and range and
 * records a problem (with the full key) instead of throwing, so one pass reports every mistake;
 * keys nobody asked for are reported as unknown. Used by one thread during loading.
 */
final class Section {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final JsonNode node;
  private final String path;
  private final List<ConfigException.Problem> problems;

  Section(JsonNode node, String path, Set<String> allowed, List<ConfigException.Problem> problems) {
    this.path = path;
    this.problems = problems;
    if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
      problem("", "must be a mapping");
      node = MissingNode.getInstance();
    }
    this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
    for (var it = this.node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        problem(
            k, "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  String key(String k) {
    return path.isEmpty() ? k : k.isEmpty() ? path : path + "." + k;
  }

  boolean has(String k) {
    return node.has(k) && !node.get(k).isNull();
  }

  JsonNode raw(String k) {
    return node.path(k);
  }

  Section section(String k, Set<String> allowed) {
    return new Section(node.get(k), key(k), allowed, problems);
  }

  void problem(String k, String reason) {
    problems.add(new ConfigException.Problem(key(k), reason));
  }

  int integer(String k, int min, int max, int dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      problem(k, "must be a whole number, was '" + v.asText() + "'");
      return dflt;
    }
    int i = v.intValue();
    if (i < min || i > max) {
      problem(k, "must be between " + min + " and " + max + " (was " + i + ")");
      return dflt;
    }
    return i;
  }

  String text(String k, String dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.isValueNode() || v.asText().isBlank()) {
      problem(k, "must be a non-empty string");
      return dflt;
    }
    return v.asText();
  }

  boolean bool(String k, boolean dflt) {
    if (!has(k)) {
      return dflt;
    }
    JsonNode v = node.get(k);
    if (!v.isBoolean()) {
      problem(k, "must be true or false, was '" + v.asText() + "'");
      return dflt;
    }
    return v.booleanValue();
  }

  Duration duration(String k, Duration dflt) {
    if (!has(k)) {
      return dflt;
    }
    String t = node.get(k).asText().trim();
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      problem(k, "must be a duration like 500ms, 2s, 1m or 1h, was '" + t + "'");
      return dflt;
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    if (d.isZero()) {
      problem(k, "must be positive, was '" + t + "'");
      return dflt;
    }
    return d;
  }
}
