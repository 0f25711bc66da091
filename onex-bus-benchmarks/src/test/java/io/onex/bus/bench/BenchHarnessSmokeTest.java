package io.onex.bus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end with tiny counts: every system produces a row for every size, having
 * received every event. No timing is asserted; numbers belong in docs/performance.md.
 */
class BenchHarnessSmokeTest {
  @Test
  void everySystemProducesARowForEverySize() throws Exception {
    List<String> progress = new ArrayList<>();
    List<BenchRow> rows =
        BenchHarness.run(
            new BenchOptions(List.of(16, 256), 500, 1, BenchOptions.ALL_SYSTEMS), progress::add);
    assertThat(rows)
        .extracting(r -> r.system() + "/" + r.size())
        .containsExactlyInAnyOrder(
            "onex/16", "onex/256", "nats/16", "nats/256", "jeromq-raw/16", "jeromq-raw/256");
    assertThat(rows).allMatch(r -> r.scenario().equals("1to1"));
    assertThat(rows).allMatch(r -> r.lost() == 0 && r.eventsPerS() > 0);
    assertThat(rows)
        .filteredOn(r -> r.system().equals("nats"))
        .allMatch(r -> r.ratioToNats() == 1.0);
    assertThat(progress).hasSize(6);
  }

  @Test
  void payloadsHaveTheExactSizeAndAreJsonObjects() {
    for (int size : new int[] {8, 16, 256, 1024}) {
      byte[] p = Payloads.of(size);
      assertThat(p).hasSize(size);
      assertThat(p[0]).isEqualTo((byte) '{');
      assertThat(p[size - 1]).isEqualTo((byte) '}');
    }
  }
}
