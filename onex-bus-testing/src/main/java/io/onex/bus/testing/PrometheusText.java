package io.onex.bus.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests that read {@code
 * /metrics}: every line must be a comment ({@code # HELP}, {@code # TYPE} with a known type, or any
 * other {@code #} line), blank, or a sample {@code name{label="value",...} number [timestamp]}
 * whose label values use only the format's escapes; anything else fails the parse naming the line.
 * (The Prometheus Java client has no text parser.) Immutable once parsed; any thread.
 */
public final class PrometheusText {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped", "info", "stateset", "unknown");

  /** One sample: metric name, labels (sorted by name) and value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = Collections.unmodifiableList(samples);
  }

  /** Parses a whole scrape; throws {@link IllegalArgumentException} at the first bad line. */
  public static PrometheusText parse(String text) {
    List<Sample> out = new ArrayList<>();
    Map<String, String> typeOf = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.startsWith("#")) {
          comment(line, typeOf);
        } else {
          out.add(sample(line));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " is not Prometheus text format (" + e.getMessage() + "): " + line,
            e);
      }
    }
    return new PrometheusText(out);
  }

  /** Every sample, in scrape order. */
  public List<Sample> samples() {
    return samples;
  }

  /** The value of the sample with exactly these labels, if present. */
  public Optional<Double> value(String name, Map<String, String> labels) {
    Map<String, String> want = new TreeMap<>(labels);
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().equals(want))
        .map(Sample::value)
        .findFirst();
  }

  /** The samples of {@code name} whose labels include {@code subset}. */
  public List<Sample> all(String name, Map<String, String> subset) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(subset.entrySet()))
        .toList();
  }

  private static void comment(String line, Map<String, String> typeOf) {
    String[] parts = line.split(" ", 4);
    if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
      if (!NAME.matcher(parts[2]).matches()) {
        throw new IllegalArgumentException("bad metric name " + parts[2]);
      }
      if (parts[1].equals("TYPE")) {
        if (parts.length != 4 || !TYPES.contains(parts[3])) {
          throw new IllegalArgumentException("bad type");
        }
        if (typeOf.put(parts[2], parts[3]) != null) {
          throw new IllegalArgumentException("second TYPE line for " + parts[2]);
        }
      }
    }
  }

  private static Sample sample(String line) {
    Matcher m = NAME.matcher(line);
    if (!m.lookingAt()) {
      throw new IllegalArgumentException("no metric name");
    }
    String name = m.group();
    int i = m.end();
    Map<String, String> labels = new TreeMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i = labels(line, i + 1, labels);
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw new IllegalArgumentException("expected a space before the value");
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length > 2) {
      throw new IllegalArgumentException("trailing text");
    }
    double value = number(rest[0]);
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    return new Sample(name, labels, value);
  }

  private static int labels(String line, int i, Map<String, String> out) {
    while (true) {
      if (i < line.length() && line.charAt(i) == '}') {
        return i + 1;
      }
      Matcher m = LABEL.matcher(line).region(i, line.length());
      if (!m.lookingAt()) {
        throw new IllegalArgumentException("bad label name at " + i);
      }
      String label = m.group();
      i = m.end();
      if (!line.startsWith("=\"", i)) {
        throw new IllegalArgumentException("expected =\" after " + label);
      }
      i += 2;
      StringBuilder v = new StringBuilder();
      while (true) {
        if (i >= line.length()) {
          throw new IllegalArgumentException("unterminated label value");
        }
        char c = line.charAt(i++);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          char e = i < line.length() ? line.charAt(i++) : 0;
          switch (e) {
            case '\\' -> v.append('\\');
            case '"' -> v.append('"');
            case 'n' -> v.append('\n');
            default -> throw new IllegalArgumentException("bad escape \\" + e);
          }
        } else {
          v.append(c);
        }
      }
      if (out.put(label, v.toString()) != null) {
        throw new IllegalArgumentException("label " + label + " twice");
      }
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      } else if (i >= line.length() || line.charAt(i) != '}') {
        throw new IllegalArgumentException("expected , or } after a label");
      }
    }
  }

  private static double number(String s) {
    return switch (s) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        if (!s.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
          throw new IllegalArgumentException("bad value " + s);
        }
        yield Double.parseDouble(s);
      }
    };
  }
}
