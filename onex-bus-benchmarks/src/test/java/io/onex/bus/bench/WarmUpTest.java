package io.onex.bus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up rule on scripted rates: when it stops, and what sizes of run it asks for. */
class WarmUpTest {
  /** Returns the scripted rates in order (the last one repeated) and records each run's size. */
  private static final class Script implements WarmUp.Run {
    final List<Integer> sizes = new ArrayList<>();
    private final double[] rates;

    Script(double... rates) {
      this.rates = rates;
    }

    @Override
    public double rate(int events) {
      sizes.add(events);
      return rates[Math.min(sizes.size() - 1, rates.length - 1)];
    }
  }

  @Test
  void aSteadySystemGetsTheHalfRunAndTheMinimumOfFullRuns() throws Exception {
    Script s = new Script(900, 1000, 1010, 1020);
    assertThat(WarmUp.run(s, 1000)).isEqualTo(WarmUp.MIN_FULL_RUNS);
    assertThat(s.sizes).containsExactly(500, 1000, 1000, 1000);
  }

  @Test
  void aSystemStillGettingFasterKeepsWarmingUntilThreeRunsAgree() throws Exception {
    // half run, then full runs: two that agree by chance (1820, 1890) are not enough; the last
    // three (2120, 2150, 2140) are.
    Script s = new Script(300, 500, 1600, 1820, 1890, 1760, 2120, 2150, 2140);
    assertThat(WarmUp.run(s, 1000)).isEqualTo(8);
    assertThat(s.sizes).hasSize(9).first().isEqualTo(500);
  }

  @Test
  void aSystemThatNeverSettlesStopsAtTheMaximum() throws Exception {
    double[] alternating = new double[WarmUp.MAX_FULL_RUNS + 5];
    for (int i = 0; i < alternating.length; i++) {
      alternating[i] = i % 2 == 0 ? 1000 : 2000;
    }
    Script s = new Script(alternating);
    assertThat(WarmUp.run(s, 1000)).isEqualTo(WarmUp.MAX_FULL_RUNS);
    assertThat(s.sizes).hasSize(1 + WarmUp.MAX_FULL_RUNS);
  }

  @Test
  void steadinessIsRelativeToTheFasterRun() {
    assertThat(WarmUp.steady(1000, 1050, 1020)).isTrue();
    assertThat(WarmUp.steady(1050, 1000, 1000)).isTrue();
    assertThat(WarmUp.steady(1000, 1060, 1030)).isFalse();
    assertThat(WarmUp.steady(Double.NaN, 1000, 1000)).isFalse();
  }

  @Test
  void aRunOfOneEventStillGetsAHalfRunOfOne() throws Exception {
    Script s = new Script(1, 1, 1, 1);
    WarmUp.run(s, 1);
    assertThat(s.sizes.get(0)).isEqualTo(1);
  }
}
