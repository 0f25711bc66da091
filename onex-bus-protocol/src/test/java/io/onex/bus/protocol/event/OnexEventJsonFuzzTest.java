package io.onex.bus.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Envelopes with every field replaced by something plausible or wrong, and raw JSON cut at random:
 * {@link OnexEventJson#read} either returns an event that writes and reads back to itself or throws
 * {@link ProtocolException}, never anything else.
 */
class OnexEventJsonFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final byte[] VALID =
      ("{\"event_id\":\"9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11\","
              + "\"timestamp\":\"2025-05-28T12:36:25.677980\",\"node_id\":\"node-a\","
              + "\"event_type\":\"NODE_START\",\"correlation_id\":null,\"metadata\":{\"a\":[1]}}")
          .getBytes(StandardCharsets.UTF_8);

  @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
  void fieldsOfAnyShape(@ForAll("envelopes") ObjectNode envelope) {
    Statistics.label("outcome")
        .collect(readBack(envelope.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 2000, edgeCases = EdgeCasesMode.MIXIN)
  void cutAndFlippedJson(
      @ForAll("positions") int cut, @ForAll("positions") int at, @ForAll byte value) {
    byte[] json = Arrays.copyOf(VALID, cut % (VALID.length + 1));
    if (json.length > 0) {
      json[at % json.length] = value;
    }
    Statistics.label("outcome").collect(readBack(json));
  }

  private static String readBack(byte[] json) {
    OnexEvent e;
    try {
      e = OnexEventJson.read(json);
    } catch (ProtocolException ex) {
      assertThat(ex.code()).isNotNull();
      return ex.code().name();
    }
    try {
      assertThat(OnexEventJson.read(OnexEventJson.write(e))).isEqualTo(e);
    } catch (ProtocolException ex) {
      throw new AssertionError("an event we read could not be read back", ex);
    }
    return "read";
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<ObjectNode> envelopes() {
    Arbitrary<Object> id =
        value(
            Arbitraries.of(
                "9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11", "9F1C5A0E-2A52-4B7B-8F0E-3D2D7B3F5F11"),
            Arbitraries.of(
                "1-2-3-4-5",
                "9f1c5a0e2a524b7b8f0e3d2d7b3f5f11",
                "{9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11}",
                "9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f1"));
    Arbitrary<Object> time =
        value(
            Arbitraries.of(
                "2025-05-28T12:36:25.677980",
                "2025-05-28T12:36:25Z",
                "2025-05-28T12:36:25.677980+02:00",
                "0001-01-01T00:00:00",
                "9999-12-31T23:59:59.999999"),
            Arbitraries.of(
                "2025-05-28T12:36:25.677980-0200",
                "2025-05-28 12:36:25",
                "2025-05-28",
                "12:36:25",
                "Z",
                "+",
                "-",
                "2025-05-28T12:36:25+",
                "2025-02-30T00:00:00",
                "2025-05-28T24:00:00",
                "2025-05-28T23:59:60",
                "0000-01-01T00:00:00",
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z"));
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<Object> text = value(any, any);
    Arbitrary<Object> metadata = value(Arbitraries.just(METADATA), any);
    return Combinators.combine(id, time, text, text, text, metadata, text)
        .as(OnexEventJsonFuzzTest::envelope);
  }

  private static final String METADATA = "<object>";

  /** A field value: a good one, a wrong string, a value of another JSON type, or absent. */
  private static Arbitrary<Object> value(Arbitrary<String> good, Arbitrary<String> bad) {
    return Arbitraries.frequencyOf(
        Tuple.of(30, good.map(s -> (Object) s)),
        Tuple.of(3, bad.map(s -> (Object) s)),
        Tuple.of(1, Arbitraries.just((Object) "")),
        Tuple.of(1, Arbitraries.just((Object) NODES.nullNode())),
        Tuple.of(1, Arbitraries.just((Object) NODES.numberNode(7))),
        Tuple.of(1, Arbitraries.just((Object) NODES.arrayNode())),
        Tuple.of(1, Arbitraries.just((Object) NODES.objectNode().put("k", "v"))),
        Tuple.of(1, Arbitraries.just((Object) Absent.FIELD)));
  }

  private enum Absent {
    FIELD
  }

  private static ObjectNode envelope(Object... values) {
    List<String> names =
        List.of(
            "event_id",
            "timestamp",
            "node_id",
            "event_type",
            "correlation_id",
            "metadata",
            "schema_version");
    ObjectNode o = NODES.objectNode();
    for (int i = 0; i < names.size(); i++) {
      Object v = values[i];
      if (v instanceof String s) {
        if (s.equals(METADATA)) {
          o.set("metadata", NODES.objectNode().put("x", 1));
        } else {
          o.put(names.get(i), s);
        }
      } else if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
        o.set(names.get(i), n);
      }
    }
    return o;
  }
}
