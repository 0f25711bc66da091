package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The JSON rows one {@code onex bench} scenario writes with {@code --json FILE}: an array of
 * objects whose fields are declared once, each a name and how to get its value from a row. A null
 * value, or a number that is NaN (not measured), becomes JSON {@code null}. Built and written on
 * the main thread.
 */
final class JsonRows<R> {
  private record Field<R>(String name, Function<R, Object> value) {}

  private final List<Field<R>> fields = new ArrayList<>();

  /** A field written as it is: a String, Boolean, Integer, Long or Double, or null. */
  JsonRows<R> field(String name, Function<R, Object> value) {
    fields.add(new Field<>(name, value));
    return this;
  }

  /** A number written as the nearest whole number. */
  JsonRows<R> rounded(String name, ToDoubleFunction<R> value) {
    return field(name, r -> whole(value.applyAsDouble(r)));
  }

  /** A number written with two decimals. */
  JsonRows<R> twoDecimals(String name, ToDoubleFunction<R> value) {
    return field(name, r -> decimals(value.applyAsDouble(r), 100));
  }

  /** A number written with one decimal. */
  JsonRows<R> oneDecimal(String name, ToDoubleFunction<R> value) {
    return field(name, r -> decimals(value.applyAsDouble(r), 10));
  }

  private static Object whole(double v) {
    return Double.isNaN(v) ? null : Math.round(v);
  }

  private static Object decimals(double v, double scale) {
    return Double.isNaN(v) ? null : Math.round(v * scale) / scale;
  }

  ArrayNode toJson(List<R> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (R r : rows) {
      ObjectNode o = array.addObject();
      for (Field<R> f : fields) {
        Object v = f.value().apply(r);
        if (v == null || (v instanceof Double d && d.isNaN())) {
          o.putNull(f.name());
        } else if (v instanceof String s) {
          o.put(f.name(), s);
        } else if (v instanceof Boolean b) {
          o.put(f.name(), b);
        } else if (v instanceof Integer i) {
          o.put(f.name(), i);
        } else if (v instanceof Long l) {
          o.put(f.name(), l);
        } else if (v instanceof Double d) {
          o.put(f.name(), d);
        } else {
          throw new IllegalArgumentException(f.name() + ": no JSON form for " + v.getClass());
        }
      }
    }
    return array;
  }

  void write(Path file, List<R> rows) {
    try {
      Files.writeString(file, toJson(rows).toPrettyString() + "\n");
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
