package io.onex.bus.bench.flow;

/**
 * One cell of the stalled scenario: {@code fast-alone} or {@code fast+stalled}. {@code eventsPerS}
 * is the median over the runs of events the fast subscriber received per second, from the first
 * publish to its last receipt, {@code minEventsPerS}/{@code maxEventsPerS} their spread. {@code
 * lost} adds up, over every run of the cell (warm-up included), events the fast subscriber did not
 * receive. {@code stalledDropped} and {@code queuedAtEnd} are from the median run: the broker's
 * drop counter over the run (only the stalled subscriber's queue drops) and the broker's queued
 * events once the fast subscriber had everything (the stalled queue, full); both 0 in fast-alone.
 * {@code ratioToAlone} is this cell's median over fast-alone's; {@code pairedRatio} the median over
 * the repetitions of this cell's rate over fast-alone's in the same repetition (the two cells
 * alternate, so a pair saw about the same machine). {@code loopNanosPerEvent} is the median over
 * the runs of the broker loop thread's CPU time per event published. The core columns are those of
 * the median run: the broker loop thread, this JVM, the machine. Immutable.
 */
public record StalledRow(
    String cell,
    int size,
    int eventsPerRun,
    double eventsPerS,
    double minEventsPerS,
    double maxEventsPerS,
    long lost,
    long stalledDropped,
    long queuedAtEnd,
    double ratioToAlone,
    double pairedRatio,
    double loopNanosPerEvent,
    double loopCores,
    double processCores,
    double machineCores)
    implements CellRow {

  StalledRow withRatios(double ratio, double paired) {
    return new StalledRow(
        cell,
        size,
        eventsPerRun,
        eventsPerS,
        minEventsPerS,
        maxEventsPerS,
        lost,
        stalledDropped,
        queuedAtEnd,
        ratio,
        paired,
        loopNanosPerEvent,
        loopCores,
        processCores,
        machineCores);
  }

  @Override
  public boolean isBaseline() {
    return cell.equals("fast-alone");
  }

  /** Whether the ratio reached {@link StalledBenchOptions#TARGET_RATIO}. */
  @Override
  public boolean targetMet() {
    return ratioToAlone >= StalledBenchOptions.TARGET_RATIO;
  }
}
