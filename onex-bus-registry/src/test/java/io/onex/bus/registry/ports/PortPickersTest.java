package io.onex.bus.registry.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortPickersTest {
  private static final Map<String, String> WITH_VARIABLE = Map.of("PORTSERVER_ADDRESS", "@env");

  @Test
  void theConfiguredAddressWins() {
    assertThat(PortPickers.fromEnvironment("/run/ps.sock", WITH_VARIABLE))
        .isInstanceOfSatisfying(
            PortServerPicker.class, p -> assertThat(p.address()).isEqualTo("/run/ps.sock"));
  }

  @Test
  void elsePortpickersVariable() {
    assertThat(PortPickers.fromEnvironment(null, WITH_VARIABLE))
        .isInstanceOfSatisfying(
            PortServerPicker.class, p -> assertThat(p.address()).isEqualTo("@env"));
    assertThat(PortPickers.fromEnvironment(" ", WITH_VARIABLE))
        .isInstanceOfSatisfying(
            PortServerPicker.class, p -> assertThat(p.address()).isEqualTo("@env"));
  }

  @Test
  void elseLocalPicking() {
    assertThat(PortPickers.fromEnvironment(null, Map.of())).isInstanceOf(LocalPortPicker.class);
    assertThat(PortPickers.fromEnvironment(null, Map.of("PORTSERVER_ADDRESS", "")))
        .isInstanceOf(LocalPortPicker.class);
  }
}
