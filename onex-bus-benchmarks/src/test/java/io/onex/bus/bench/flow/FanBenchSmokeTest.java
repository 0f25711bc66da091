package io.onex.bus.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fan-out and fan-in end to end on onex and NATS with small counts: every delivery arrives. No
 * timing is asserted; numbers belong in docs/performance.md.
 */
class FanBenchSmokeTest {
  private static final int EVENTS = 2_000;

  @Test
  void fanOutDeliversEveryEventToEverySubscriber() throws Exception {
    List<String> progress = new ArrayList<>();
    List<FanRow> rows =
        FanBench.run(FanBench.FANOUT, new FanBenchOptions(EVENTS, 2, 64), progress::add);

    assertThat(rows).extracting(FanRow::system).containsExactly("onex", "nats");
    for (FanRow r : rows) {
      assertThat(r.lost()).as(r.toString()).isZero();
      assertThat(r.publishers()).isEqualTo(1);
      assertThat(r.subscribers()).isEqualTo(10);
      assertThat(r.eventsPerRun()).isEqualTo(EVENTS);
    }
    assertThat(rows.get(1).ratioToNats()).isEqualTo(1.0);
    assertThat(progress).hasSize(2 * 2);
  }

  @Test
  void fanInDeliversEveryPublishersEvents() throws Exception {
    List<FanRow> rows =
        FanBench.run(FanBench.FANIN, new FanBenchOptions(EVENTS, 1, 64), line -> {});

    assertThat(rows).extracting(FanRow::system).containsExactly("onex", "nats");
    for (FanRow r : rows) {
      assertThat(r.lost()).as(r.toString()).isZero();
      assertThat(r.publishers()).isEqualTo(10);
      assertThat(r.subscribers()).isEqualTo(1);
      assertThat(r.pairedRatio()).isPositive();
    }
  }
}
