package io.onex.bus.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table one {@code onex bench} scenario prints: columns, each a header, a printf format for its
 * values and how to get the value from a row; the headers take each format's width and alignment,
 * so a column is declared once. Then any notes, one line each. Built and printed on the main
 * thread.
 */
final class BenchTable<R> {
  private static final Pattern WIDTH = Pattern.compile("%(-?\\d+)");

  private record Column<R>(String header, String format, Function<R, Object> value) {}

  private final List<Column<R>> columns = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * Adds a column: {@code format} is one printf conversion, e.g. {@code %12.0f} or {@code %-8s}.
   */
  BenchTable<R> column(String header, String format, Function<R, Object> value) {
    columns.add(new Column<>(header, format, value));
    return this;
  }

  /** Adds a line printed under the rows. */
  BenchTable<R> note(String line) {
    notes.add(line);
    return this;
  }

  void print(PrintWriter out, List<R> rows) {
    List<String> headerFormats = new ArrayList<>();
    List<String> rowFormats = new ArrayList<>();
    Object[] headers = new Object[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      Column<R> c = columns.get(i);
      Matcher m = WIDTH.matcher(c.format());
      headerFormats.add(m.lookingAt() ? "%" + m.group(1) + "s" : "%s");
      rowFormats.add(c.format());
      headers[i] = c.header();
    }
    out.printf(String.join(" ", headerFormats) + "%n", headers);
    String rowFormat = String.join(" ", rowFormats) + "%n";
    for (R r : rows) {
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = columns.get(i).value().apply(r);
      }
      out.printf(rowFormat, values);
    }
    notes.forEach(out::println);
    out.flush();
  }
}
