package io.onex.bus.bench.flow;

/**
 * One system in the fan-out ({@code publishers} 1, {@code subscribers} 10) or fan-in (10 → 1)
 * scenario. {@code eventsPerS} is the median over the runs of events published per second, from the
 * first publish to the last delivery received, {@code minEventsPerS}/{@code maxEventsPerS} their
 * spread; {@code deliveriesPerS} the deliveries received per second in that median run. {@code
 * lost} adds up deliveries expected but not received over every run (warm-up included). {@code
 * ratioToNats} is this system's median over NATS's, {@code pairedRatio} the median over the
 * repetitions of this system's rate over NATS's in the same repetition (the systems alternate run
 * by run). Immutable.
 */
public record FanRow(
    String scenario,
    String system,
    int publishers,
    int subscribers,
    int size,
    int eventsPerRun,
    double eventsPerS,
    double minEventsPerS,
    double maxEventsPerS,
    double deliveriesPerS,
    long lost,
    double ratioToNats,
    double pairedRatio) {

  /** Whether onex reached {@link FanBenchOptions#TARGET_RATIO} (NATS's own row: false). */
  public boolean targetMet() {
    return !system.equals("nats") && ratioToNats >= FanBenchOptions.TARGET_RATIO;
  }
}
