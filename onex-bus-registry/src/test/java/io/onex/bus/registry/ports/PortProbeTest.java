package io.onex.bus.registry.ports;

import static io.onex.bus.registry.ports.Ports.assertBindable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortProbeTest {

  @Test
  void aTcpListenerOnTheWildcardMakesThePortBusy() throws Exception {
    try (ServerSocket listener = Ports.wildcardListener()) {
      assertThat(PortProbe.isFree(listener.getLocalPort())).isFalse();
    }
  }

  @Test
  void aTcpListenerOnLoopbackOnlyMakesThePortBusy() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(PortProbe.isFree(listener.getLocalPort())).isFalse();
    }
  }

  @Test
  void aUdpSocketMakesThePortBusy() throws Exception {
    try (DatagramSocket udp = new DatagramSocket(0)) {
      assertThat(PortProbe.isFree(udp.getLocalPort())).isFalse();
    }
  }

  @Test
  void aUdpSocketWithReuseAddressMakesThePortBusy() throws Exception {
    try (DatagramSocket udp = new DatagramSocket(null)) {
      udp.setReuseAddress(true);
      udp.bind(new InetSocketAddress(0));
      assertThat(PortProbe.isFree(udp.getLocalPort())).isFalse();
    }
  }

  @Test
  void aPortIsFreeAgainOnceClosedAndTheProbeHoldsNothing() throws Exception {
    int port;
    try (ServerSocket listener = Ports.wildcardListener()) {
      port = listener.getLocalPort();
    }
    assertThat(PortProbe.isFree(port)).isTrue();
    assertBindable(port);
  }

  @Test
  void kernelAssignedPortsAreFreeForTcpAndUdp() {
    int port = PortProbe.kernelAssigned();
    assertThat(port).isBetween(1, 65535);
    assertBindable(port);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 65536})
  void rejectsImpossiblePorts(int port) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PortProbe.isFree(port))
        .withMessageContaining("1-65535");
  }
}
