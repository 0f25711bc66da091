package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Prints a registry listing as an aligned table (for people) or as the JSON document (for scripts),
 * the two outputs every {@code onex} listing command offers. Main thread.
 */
final class Listing {
  private final List<String> headers = new ArrayList<>();
  private final List<Function<JsonNode, String>> cells = new ArrayList<>();

  /** Adds a column. */
  Listing column(String header, Function<JsonNode, String> cell) {
    headers.add(header);
    cells.add(cell);
    return this;
  }

  /** Prints {@code rows}: JSON as is, or the table with columns as wide as their widest cell. */
  void print(PrintWriter out, JsonNode rows, boolean json) {
    if (json) {
      out.println(rows.toString());
      out.flush();
      return;
    }
    List<String[]> table = new ArrayList<>();
    table.add(headers.toArray(new String[0]));
    for (JsonNode row : rows) {
      String[] line = new String[cells.size()];
      for (int i = 0; i < line.length; i++) {
        line[i] = cells.get(i).apply(row);
      }
      table.add(line);
    }
    int[] widths = new int[headers.size()];
    for (String[] line : table) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    for (String[] line : table) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        sb.append(line[i]);
        if (i < line.length - 1) {
          sb.append(" ".repeat(widths[i] - line[i].length() + 2));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }

  /** The text of {@code field}. */
  static Function<JsonNode, String> text(String field) {
    return n -> n.path(field).asText();
  }

  /** The strings of list {@code field}, comma-separated. */
  static String joined(JsonNode list) {
    List<String> parts = new ArrayList<>();
    list.forEach(e -> parts.add(e.asText()));
    return String.join(",", parts);
  }
}
