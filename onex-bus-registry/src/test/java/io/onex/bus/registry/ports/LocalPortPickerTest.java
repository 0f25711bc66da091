package io.onex.bus.registry.ports;

import static io.onex.bus.registry.ports.Ports.NONE_LEASED;
import static io.onex.bus.registry.ports.Ports.assertBindable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.config.PortSpec;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPortPickerTest {
  private final LocalPortPicker picker = new LocalPortPicker();

  @Test
  void picksWithoutARangeAreBindable() throws Exception {
    for (int i = 0; i < 20; i++) {
      int port = picker.pick(null, NONE_LEASED);
      assertThat(LocalPortPicker.DEFAULT_RANGE.contains(port)).isTrue();
      assertBindable(port);
    }
  }

  @Test
  void picksStayInsideTheRangeAndAreBindable() throws Exception {
    PortSpec.Range range = new PortSpec.Range(25000, 25999);
    for (int i = 0; i < 50; i++) {
      int port = picker.pick(range, NONE_LEASED);
      assertThat(port).isBetween(range.from(), range.to());
      assertBindable(port);
    }
  }

  @Test
  void leasedPortsAreSkipped() throws Exception {
    PortSpec.Range range = new PortSpec.Range(25000, 25019);
    for (int i = 0; i < 5; i++) {
      assertThat(picker.pick(range, port -> port % 2 == 0)).isOdd();
    }
  }

  @ParameterizedTest(name = "range of {0} ports")
  @ValueSource(ints = {1, 10, 64, 65, 1000, 5000})
  void aRangeWithAllButOnePortLeasedYieldsThatPort(int size) throws Exception {
    PortSpec.Range range = new PortSpec.Range(26000, 26000 + size - 1);
    int onlyOne = aFreePortIn(range);

    assertThat(picker.pick(range, port -> port != onlyOne)).isEqualTo(onlyOne);
  }

  @Test
  void aFullyLeasedRangeThrowsNamingTheRange() {
    PortSpec.Range range = new PortSpec.Range(27000, 27099);

    assertThatThrownBy(() -> picker.pick(range, port -> true))
        .isInstanceOf(NoFreePortException.class)
        .hasMessageContaining("27000-27099");
  }

  @Test
  void withoutARangeEverythingLeasedInPortpickersRangeFallsBackToTheKernel() throws Exception {
    int port = picker.pick(null, LocalPortPicker.DEFAULT_RANGE::contains);

    assertThat(LocalPortPicker.DEFAULT_RANGE.contains(port)).isFalse();
    assertBindable(port);
  }

  @Test
  void aPortBoundForTcpIsNeverReturned() throws Exception {
    try (ServerSocket busy = Ports.wildcardListener()) {
      int taken = busy.getLocalPort();
      PortSpec.Range around = around(taken);
      for (int i = 0; i < 20; i++) {
        int port = picker.pick(around, NONE_LEASED);
        assertThat(port).isNotEqualTo(taken);
        picker.giveBack(port);
      }
      assertThatThrownBy(() -> picker.pick(new PortSpec.Range(taken, taken), NONE_LEASED))
          .isInstanceOf(NoFreePortException.class)
          .hasMessageContaining(taken + "-" + taken);
    }
  }

  @Test
  void aPortBoundForUdpIsNeverReturned() throws Exception {
    try (DatagramSocket busy = new DatagramSocket(0)) {
      int taken = busy.getLocalPort();
      PortSpec.Range around = around(taken);
      for (int i = 0; i < 20; i++) {
        int port = picker.pick(around, NONE_LEASED);
        assertThat(port).isNotEqualTo(taken);
        picker.giveBack(port);
      }
    }
  }

  @Test
  void twoHundredPicksWithoutGiveBackAreDistinct() throws Exception {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(seen.add(picker.pick(null, NONE_LEASED))).as("pick %d repeats a port", i).isTrue();
    }
    PortSpec.Range range = new PortSpec.Range(28000, 28299);
    Set<Integer> inRange = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(inRange.add(picker.pick(range, NONE_LEASED)))
          .as("pick %d in the range repeats a port", i)
          .isTrue();
    }
  }

  @Test
  void aPortHandedOutIsSkippedUntilGivenBack() throws Exception {
    int only = aFreePortIn(new PortSpec.Range(29000, 29999));
    PortSpec.Range one = new PortSpec.Range(only, only);

    assertThat(picker.pick(one, NONE_LEASED)).isEqualTo(only);
    assertThatThrownBy(() -> picker.pick(one, NONE_LEASED)).isInstanceOf(NoFreePortException.class);

    picker.giveBack(only);
    assertThat(picker.pick(one, NONE_LEASED)).isEqualTo(only);
  }

  @Test
  void theMemoryOfRecentPicksIsBoundedOldestForgottenFirst() throws Exception {
    PortSpec.Range two = twoFreePortsIn(new PortSpec.Range(29000, 29999));
    LocalPortPicker forgetful = new LocalPortPicker(RandomGenerator.getDefault(), 1);

    int first = forgetful.pick(two, NONE_LEASED);
    int second = forgetful.pick(two, NONE_LEASED);
    assertThat(second).isNotEqualTo(first);
    // Remembering one port only, the picker has forgotten the first.
    assertThat(forgetful.pick(two, NONE_LEASED)).isEqualTo(first);
  }

  @Test
  void theSameSeedTriesTheSameCandidates() throws Exception {
    PortSpec.Range range = new PortSpec.Range(25000, 25999);
    int a = new LocalPortPicker(42).pick(range, NONE_LEASED);
    int b = new LocalPortPicker(42).pick(range, NONE_LEASED);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void concurrentPicksNeverHandOutTheSamePort() throws Exception {
    LocalPortPicker shared = new LocalPortPicker(RandomGeneratorFactory.getDefault().create(7), 0);
    PortSpec.Range range = new PortSpec.Range(25000, 25399);
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  List<Integer> mine = new ArrayList<>();
                  for (int i = 0; i < 25; i++) {
                    mine.add(shared.pick(range, NONE_LEASED));
                  }
                  return mine;
                }));
      }
      int total = 0;
      for (Future<List<Integer>> result : results) {
        List<Integer> ports = result.get();
        total += ports.size();
        seen.addAll(ports);
      }
      assertThat(seen).hasSize(total).allMatch(range::contains);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A small range around {@code port}, within 1..65535. */
  private static PortSpec.Range around(int port) {
    return new PortSpec.Range(Math.max(1, port - 2), Math.min(65535, port + 2));
  }

  private static int aFreePortIn(PortSpec.Range range) {
    int start = ThreadLocalRandom.current().nextInt(range.size());
    return IntStream.range(0, range.size())
        .map(i -> range.from() + (start + i) % range.size())
        .filter(PortProbe::isFree)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no free port in " + range.text() + " to test with"));
  }

  private static PortSpec.Range twoFreePortsIn(PortSpec.Range range) {
    return IntStream.range(range.from(), range.to())
        .filter(port -> PortProbe.isFree(port) && PortProbe.isFree(port + 1))
        .mapToObj(port -> new PortSpec.Range(port, port + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no two free ports in " + range.text()));
  }
}
