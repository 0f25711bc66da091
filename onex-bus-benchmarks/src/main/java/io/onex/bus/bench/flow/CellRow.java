package io.onex.bus.bench.flow;

/**
 * What the rows of the two-cell broker scenarios (routing, stalled) have in common: a cell measured
 * against a baseline cell, a target ratio, and where the CPU went. Immutable implementations.
 */
public interface CellRow {
  /** Whether this is the baseline cell the other is compared with. */
  boolean isBaseline();

  /** Median over the repetitions of this cell's rate over the baseline's in the same repetition. */
  double pairedRatio();

  /** Whether the target ratio was reached (meaningless for the baseline). */
  boolean targetMet();

  /** Median over the runs of the broker loop thread's CPU time per event published. */
  double loopNanosPerEvent();

  /** Cores kept busy by the broker loop thread in the median run. */
  double loopCores();

  /** Cores kept busy by this JVM in the median run. */
  double processCores();

  /** Cores kept busy on the whole machine in the median run (NaN where unknown). */
  double machineCores();
}
