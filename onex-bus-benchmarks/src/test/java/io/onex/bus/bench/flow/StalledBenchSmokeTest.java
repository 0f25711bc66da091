package io.onex.bus.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stalled scenario end to end with small counts: the fast subscriber gets every event in both
 * cells; next to it the stalled subscriber's 1,000-event queue fills and drops the rest. No timing
 * is asserted; numbers belong in docs/performance.md.
 */
class StalledBenchSmokeTest {
  private static final int EVENTS = 5_000;

  @Test
  void theFastSubscriberGetsEverythingAndTheStalledOneDropsAllButItsQueue() throws Exception {
    List<String> progress = new ArrayList<>();
    List<StalledRow> rows = StalledBench.run(new StalledBenchOptions(EVENTS, 2, 64), progress::add);

    assertThat(rows).extracting(StalledRow::cell).containsExactly("fast-alone", "fast+stalled");
    StalledRow alone = rows.get(0);
    StalledRow stalled = rows.get(1);
    assertThat(alone.lost()).isZero();
    assertThat(alone.stalledDropped()).isZero();
    assertThat(alone.queuedAtEnd()).isZero();
    assertThat(stalled.lost()).isZero();
    assertThat(stalled.stalledDropped()).isEqualTo(EVENTS - StalledBenchOptions.STALLED_QUEUE);
    assertThat(stalled.queuedAtEnd()).isEqualTo(StalledBenchOptions.STALLED_QUEUE);
    assertThat(alone.ratioToAlone()).isEqualTo(1.0);
    assertThat(stalled.pairedRatio()).isPositive();
    assertThat(progress).hasSize(2 * 2);
  }
}
