package io.onex.bus.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory scenario end to end with small counts: every system gives a row at the baseline and at
 * each count, and each server itself counts exactly the subscriptions made. No memory figure is
 * asserted (a few hundred subscriptions are within a heap's or a process's noise); numbers belong
 * in docs/performance.md.
 */
class MemoryBenchSmokeTest {
  @Test
  void everySystemGivesARowPerCountAndHoldsExactlyThoseSubscriptions() throws Exception {
    List<String> progress = new ArrayList<>();
    List<MemoryRow> rows =
        MemoryBench.run(new MemoryBenchOptions(3, List.of(40, 200), 1), progress::add);

    assertThat(rows)
        .extracting(r -> r.system() + "/" + r.subscriptions())
        .containsExactly("onex/0", "onex/40", "onex/200", "nats/0", "nats/40", "nats/200");
    assertThat(rows)
        .extracting(MemoryRow::serverSubscriptions)
        .containsExactly(0L, 40L, 200L, 0L, 40L, 200L);
    assertThat(rows).allMatch(r -> r.clients() == 3 && r.bytes() > 0);
    assertThat(rows)
        .filteredOn(r -> r.subscriptions() == 0)
        .allMatch(r -> r.deltaBytes() == 0 && Double.isNaN(r.bytesPerSubscription()));
    assertThat(rows)
        .extracting(MemoryRow::measure)
        .containsOnly("heap-after-gc", "rss")
        .contains("heap-after-gc", "rss");
    assertThat(progress).hasSize(6);
  }

  @Test
  void patternsMixLiteralAndWildcardsAndAreDistinct() {
    assertThat(MemorySystem.pattern(0)).isEqualTo("mem.s0.x");
    assertThat(MemorySystem.pattern(1)).isEqualTo("mem.s1.x");
    assertThat(MemorySystem.pattern(2)).isEqualTo("mem.s2.*");
    assertThat(MemorySystem.pattern(3)).isEqualTo("mem.s3.>");
  }

  @Test
  void optionsRefuseCountsThatDoNotAscend() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new MemoryBenchOptions(2, List.of(1_000, 1_000), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascend");
  }
}
