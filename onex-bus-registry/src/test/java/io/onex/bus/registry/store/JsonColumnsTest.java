package io.onex.bus.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.config.BusMetadata;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.TopicScope;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The JSON column formats: what is written, what reads back, and what is refused as corrupt. */
class JsonColumnsTest {

  @Test
  void writesTheDocumentedShapes() {
    assertThat(JsonColumns.writeStrings(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
    assertThat(JsonColumns.writeTopics(new TopicScope(List.of("p"), List.of("s.*"))))
        .isEqualTo("{\"publish\":[\"p\"],\"subscribe\":[\"s.*\"]}");
    assertThat(JsonColumns.writeBusMetadata(new BusMetadata("x", "best-effort", true, Map.of())))
        .isEqualTo("{\"purpose\":\"x\",\"qos\":\"best-effort\",\"debug\":true,\"extra\":{}}");
    assertThat(JsonColumns.writeConnections(List.of(new BusConnection("n", List.of("a")))))
        .isEqualTo("[{\"node_id\":\"n\",\"subscriptions\":[\"a\"]}]");
  }

  @Test
  void readsNumbersAsTheSmallestFittingType() {
    BusMetadata m =
        JsonColumns.readBusMetadata(
            "{\"purpose\":\"\",\"qos\":\"q\",\"debug\":false,"
                + "\"extra\":{\"i\":1,\"l\":5000000000,\"b\":99999999999999999999,\"d\":0.5}}");

    assertThat(m.extra().get("i")).isEqualTo(1);
    assertThat(m.extra().get("l")).isEqualTo(5_000_000_000L);
    assertThat(m.extra().get("b")).isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(m.extra().get("d")).isEqualTo(0.5);
  }

  @Test
  void refusesWhatIsNotTheFormatInsteadOfCoercingIt() {
    assertThatThrownBy(() -> JsonColumns.readStrings("[\"a\", 1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1] must be a string");
    assertThatThrownBy(() -> JsonColumns.readStrings("\"a\""))
        .hasMessageContaining("must be a JSON array");
    assertThatThrownBy(() -> JsonColumns.readStrings("[] []")).hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> JsonColumns.readStrings("")).hasMessageContaining("JSON array");
    assertThatThrownBy(() -> JsonColumns.readTopics("{\"publish\":[]}"))
        .hasMessageContaining("missing field subscribe");
    assertThatThrownBy(() -> JsonColumns.readStringMap("{\"k\":1}"))
        .hasMessageContaining("k must be a string");
    assertThatThrownBy(
            () ->
                JsonColumns.readBusMetadata(
                    "{\"purpose\":\"\",\"qos\":\"q\",\"debug\":\"yes\",\"extra\":{}}"))
        .hasMessageContaining("debug must be a boolean");
    assertThatThrownBy(() -> JsonColumns.readConnections("[{\"node_id\":\"n\"}]"))
        .hasMessageContaining("missing field subscriptions");
  }

  @Property
  void extrasOfJsonKindsReadBackEqual(@ForAll("extras") Map<String, Object> extra) {
    BusMetadata m = new BusMetadata("p", "q", false, extra);

    assertThat(JsonColumns.readBusMetadata(JsonColumns.writeBusMetadata(m))).isEqualTo(m);
  }

  @Provide
  Arbitrary<Map<String, Object>> extras() {
    return value(3).map(JsonColumnsTest::wrap);
  }

  private static Map<String, Object> wrap(Object v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", v);
    return m;
  }

  // Only the number types that read back as themselves: longs outside the int range, finite
  // doubles (NaN and infinities have no JSON form).
  private static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs()
                .filter(l -> l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)
                .map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> nested = value(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalar),
        Tuple.of(1, nested.list().ofMaxSize(4).map(l -> (Object) l)),
        Tuple.of(
            1,
            Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), nested)
                .ofMaxSize(4)
                .map(m -> (Object) m)));
  }
}
