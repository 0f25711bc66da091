package io.onex.bus.protocol.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.EventRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Filter semantics for every operator, on maps and on encoded records. */
class EventFilterTest {
  private static final Map<String, String> EU_PROD = Map.of("region", "eu", "env", "prod");

  @ParameterizedTest(name = "{0} on region=eu,env=prod -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "region=eu | true",
        "region=us | false",
        "zone=eu | false",
        "region in (us,eu) | true",
        "region in (us, ap) | false",
        "region exists | true",
        "zone exists | false",
        "region=eu;env=prod | true",
        "region=eu;env=dev | false",
        "region in (eu);zone exists | false"
      })
  void tagClauses(String clauses, boolean expected) throws ProtocolException {
    EventFilter f = EventFilter.of(Set.of(), List.of(clauses.split(";")));
    assertThat(f.matchesTags(EU_PROD)).isEqualTo(expected);
    assertThat(f.matchesTags(Map.of())).isEqualTo(false);
  }

  @Test
  void eventTypesAreASet() throws ProtocolException {
    EventFilter f = EventFilter.of(Set.of("NODE_START", "NODE_FAILURE"), List.of());
    assertThat(f.matchesType("NODE_START")).isTrue();
    assertThat(f.matchesType("NODE_FAILURE")).isTrue();
    assertThat(f.matchesType("NODE_SUCCESS")).isFalse();
    assertThat(f.matchesTags(Map.of())).isTrue();
  }

  @Test
  void noFilterIsAll() throws ProtocolException {
    assertThat(EventFilter.fromProperties(Map.of())).isSameAs(EventFilter.ALL);
    assertThat(EventFilter.of(Set.of(), List.of()).isAll()).isTrue();
    assertThat(EventFilter.ALL.toProperties()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"k ~ v", "k in a", "k in (a,,b)", "=v", "k=", "k exists now", "", "k in ()"})
  void malformedClausesAreInvalidFilters(String clause) {
    assertThatThrownBy(() -> EventFilter.fromProperties(Map.of(EventFilter.TAGS, "a=b;" + clause)))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FILTER));
  }

  @Test
  void emptyTypeEntryIsInvalid() {
    assertThatThrownBy(() -> EventFilter.fromProperties(Map.of(EventFilter.EVENT_TYPES, "A,,B")))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FILTER));
  }

  @Test
  void propertiesRoundTrip() throws ProtocolException {
    EventFilter f =
        EventFilter.of(Set.of("NODE_START"), List.of("region in (eu,us)", "env=prod", "k exists"));
    EventFilter back = EventFilter.fromProperties(f.toProperties());
    assertThat(back.toProperties()).isEqualTo(f.toProperties());
  }

  @Test
  void matchesAnEncodedRecordByItsHeader() throws ProtocolException {
    byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] rec =
        EventRecords.encode(
            new EventRecord(0, "a.b", "NODE_START", "", Map.of("region", "eu"), Map.of(), payload));
    EventRecordView view = new EventRecordView().wrap(rec, 0, rec.length);
    assertThat(EventFilter.of(Set.of("NODE_START"), List.of("region=eu")).matches(view)).isTrue();
    assertThat(EventFilter.of(Set.of("NODE_FAILURE"), List.of()).matches(view)).isFalse();
    assertThat(EventFilter.of(Set.of(), List.of("region=us")).matches(view)).isFalse();
  }
}
