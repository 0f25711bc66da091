package io.onex.bus.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The event type catalogue: ONEX's own types, the bus's, and everything else. */
class EventTypesTest {

  @ParameterizedTest
  @EnumSource(OnexEventType.class)
  void everyOnexTypeIsKnownAsOnex(OnexEventType type) {
    assertThat(EventTypes.originOf(type.name())).isEqualTo(EventTypes.Origin.ONEX);
    assertThat(EventTypes.isKnown(type.name())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(BusEventType.class)
  void everyBusTypeIsKnownAsBus(BusEventType type) {
    assertThat(EventTypes.originOf(type.name())).isEqualTo(EventTypes.Origin.BUS);
    assertThat(EventTypes.isKnown(type.name())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "node_start", "Node_Start", " NODE_START", "NODE_START ", "CUSTOM"})
  void anythingElseIsOther(String type) {
    assertThat(EventTypes.originOf(type)).isEqualTo(EventTypes.Origin.OTHER);
    assertThat(EventTypes.isKnown(type)).isFalse();
  }

  @Test
  void theTwoCataloguesDoNotShareANameSoEveryOriginIsUnambiguous() {
    Set<String> onex =
        Arrays.stream(OnexEventType.values()).map(Enum::name).collect(Collectors.toSet());
    Set<String> bus =
        Arrays.stream(BusEventType.values()).map(Enum::name).collect(Collectors.toSet());

    assertThat(onex).doesNotContainAnyElementsOf(bus);
  }

  @Test
  void catalogueSizesMatchTheDocumentation() {
    assertThat(OnexEventType.values()).hasSize(27);
    assertThat(BusEventType.values()).hasSize(24);
  }
}
