package io.onex.bus.registry.ports;

import static io.onex.bus.registry.ports.Ports.NONE_LEASED;
import static io.onex.bus.registry.ports.Ports.PID;
import static io.onex.bus.registry.ports.Ports.assertBindable;
import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.config.PortSpec;
import io.onex.bus.registry.ports.PortServerProcess.AddressKind;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The picker against the real portpicker port server, a dead one and one that talks garbage. */
class PortServerPickerTest {
  @TempDir Path dir;

  private PortServerProcess server;
  private FakePortServer fake;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  private PortServerPicker pickerFor(String address) {
    return new PortServerPicker(
        new PortServerClient(address), new LocalPortPicker(), PID, System::nanoTime);
  }

  @ParameterizedTest
  @EnumSource(AddressKind.class)
  void picksDistinctBindablePortsFromTheServersPool(AddressKind kind) throws Exception {
    server = PortServerProcess.startWithRandomPool(kind.address(dir), 200, dir);
    PortServerPicker picker = pickerFor(server.address);

    Set<Integer> leased = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = picker.pick(null, leased::contains);
      assertThat(server.inPool(port)).as("port %d from the pool", port).isTrue();
      assertThat(leased.add(port)).as("port %d handed out twice", port).isTrue();
      assertBindable(port);
    }
    assertThat(picker.fallbacks()).isZero();
    assertThat(picker.serverErrors()).isZero();
  }

  @Test
  void portsGivenBackAreReusedBeforeTheServerIsAsked() throws Exception {
    server = PortServerProcess.startWithRandomPool(AddressKind.ABSTRACT.address(dir), 2, dir);
    PortServerPicker picker = pickerFor(server.address);
    int first = picker.pick(null, NONE_LEASED);
    int second = picker.pick(null, NONE_LEASED);
    assertThat(Set.of(first, second)).containsExactlyInAnyOrder(server.low, server.high);

    picker.giveBack(first);
    assertThat(picker.spares()).isEqualTo(1);

    // The server's two ports are both ours now; only the spare pool can still yield one of them.
    assertThat(picker.pick(null, port -> port == second)).isEqualTo(first);
    assertThat(picker.spares()).isZero();
    assertThat(picker.fallbacks()).isZero();
  }

  @Test
  void aLeasedPortFromTheServerIsKeptAsSpareAndAnotherAskedFor() throws Exception {
    server = PortServerProcess.startWithRandomPool(AddressKind.ABSTRACT.address(dir), 2, dir);
    PortServerPicker picker = pickerFor(server.address);

    assertThat(picker.pick(null, port -> port == server.low)).isEqualTo(server.high);
    assertThat(picker.pick(null, port -> port == server.high)).isEqualTo(server.low);
    assertThat(picker.spares()).isZero();
    assertThat(picker.fallbacks()).isZero();
  }

  @Test
  void aSpareThatIsBoundByNowIsPassedOver() throws Exception {
    server = PortServerProcess.startWithRandomPool(AddressKind.ABSTRACT.address(dir), 2, dir);
    PortServerPicker picker = pickerFor(server.address);
    int first = picker.pick(null, NONE_LEASED);
    int second = picker.pick(null, NONE_LEASED);
    picker.giveBack(first);

    try (ServerSocket squatter = new ServerSocket(first)) {
      assertThat(squatter.getLocalPort()).isEqualTo(first);
      int port = picker.pick(null, p -> p == second);
      // The spare is taken; the server has nothing left; so a local port, none of the server's.
      assertThat(port).isNotIn(first, second);
      assertBindable(port);
    }
    assertThat(picker.spares()).isEqualTo(1);
    assertThat(picker.fallbacks()).isEqualTo(1);
  }

  @Test
  void whenTheServersPortsLieOutsideTheRangeItPicksLocallyInsideTheRange() throws Exception {
    server = PortServerProcess.startWithRandomPool(AddressKind.ABSTRACT.address(dir), 200, dir);
    PortServerPicker picker = pickerFor(server.address);
    // Below every pool startWithRandomPool can choose (20000 and up): a pool that overlapped this
    // range would serve it, and the test would see no fallback (it did, about 1 run in 40).
    PortSpec.Range elsewhere = new PortSpec.Range(19000, 19099);

    int port = picker.pick(elsewhere, NONE_LEASED);

    assertThat(elsewhere.contains(port)).isTrue();
    assertBindable(port);
    assertThat(picker.fallbacks()).isEqualTo(1);
    assertThat(picker.serverErrors()).isZero();
    // The server's ports stay ours until we exit, so they wait as spares for a fitting request.
    assertThat(picker.spares()).isEqualTo(PortServerPicker.MAX_ASKS);
    assertThat(server.inPool(picker.pick(null, NONE_LEASED))).isTrue();
    assertThat(picker.spares()).isEqualTo(PortServerPicker.MAX_ASKS - 1);
  }

  @Test
  void keepsPickingWhenTheServerDies() throws Exception {
    server = PortServerProcess.startWithRandomPool(AddressKind.ABSTRACT.address(dir), 10, dir);
    PortServerPicker picker = pickerFor(server.address);
    int fromServer = picker.pick(null, NONE_LEASED);
    assertThat(server.inPool(fromServer)).isTrue();

    server.close();
    server = null;

    Set<Integer> leased = new HashSet<>(Set.of(fromServer));
    for (int i = 1; i <= 3; i++) {
      int port = picker.pick(null, leased::contains);
      assertThat(leased.add(port)).isTrue();
      assertBindable(port);
      assertThat(picker.fallbacks()).isEqualTo(i);
      assertThat(picker.serverErrors()).isEqualTo(i);
    }
  }

  @Test
  void fallsBackWhenNothingListens() throws Exception {
    PortServerPicker picker = pickerFor("@onex-test-nobody-" + UUID.randomUUID());
    PortSpec.Range range = new PortSpec.Range(25000, 25999);

    int any = picker.pick(null, NONE_LEASED);
    int inRange = picker.pick(range, NONE_LEASED);

    assertBindable(any);
    assertBindable(inRange);
    assertThat(range.contains(inRange)).isTrue();
    assertThat(picker.fallbacks()).isEqualTo(2);
    assertThat(picker.serverErrors()).isEqualTo(2);
  }

  @ParameterizedTest(name = "reply \"{0}\"")
  @ValueSource(strings = {"hello\n", "", "0\n"})
  void fallsBackWhenTheServerTalksGarbageOrNothing(String reply) throws Exception {
    String address = "@onex-test-fake-" + UUID.randomUUID();
    fake = new FakePortServer(address, reply.getBytes(StandardCharsets.US_ASCII));
    PortServerPicker picker = pickerFor(address);

    for (int i = 1; i <= 3; i++) {
      assertBindable(picker.pick(null, NONE_LEASED));
      assertThat(picker.fallbacks()).isEqualTo(i);
      assertThat(picker.serverErrors()).isEqualTo(i);
    }
    assertThat(fake.requests).hasSize(3);
  }
}
