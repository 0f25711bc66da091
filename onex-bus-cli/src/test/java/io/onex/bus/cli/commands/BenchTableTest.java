package io.onex.bus.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench scenarios' table and JSON rows: headers aligned to their columns, NaN as null. */
class BenchTableTest {
  private record Row(String name, long count, double ratio) {}

  private static final List<Row> ROWS =
      List.of(new Row("onex", 1_000, 1.234), new Row("nats", 20, Double.NaN));

  @Test
  void headersTakeTheWidthAndAlignmentOfTheirColumnsFormat() {
    StringWriter text = new StringWriter();
    new BenchTable<Row>()
        .column("SYSTEM", "%-6s", Row::name)
        .column("COUNT", "%7d", Row::count)
        .column("x NATS", "%7.2f", Row::ratio)
        .note("a note")
        .print(new PrintWriter(text), ROWS);

    assertThat(text.toString().lines().toList())
        .containsExactly(
            "SYSTEM   COUNT  x NATS", "onex      1000    1.23", "nats        20     NaN", "a note");
  }

  @Test
  void jsonRowsRoundAndWriteNotMeasuredAsNull() {
    ArrayNode json =
        new JsonRows<Row>()
            .field("system", Row::name)
            .field("count", Row::count)
            .twoDecimals("ratio", Row::ratio)
            .rounded("whole", Row::ratio)
            .field("target", r -> r.name().equals("nats") ? null : 2.0)
            .toJson(ROWS);

    assertThat(json.toString())
        .isEqualTo(
            "[{\"system\":\"onex\",\"count\":1000,\"ratio\":1.23,\"whole\":1,\"target\":2.0},"
                + "{\"system\":\"nats\",\"count\":20,\"ratio\":null,\"whole\":null,\"target\":null}]");
  }
}
