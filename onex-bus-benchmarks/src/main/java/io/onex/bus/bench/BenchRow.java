package io.onex.bus.bench;

/**
 * One result: a scenario on one system at one payload size. {@code eventsPerS} is the median over
 * the repetitions, {@code minEventsPerS}/{@code maxEventsPerS} their spread, {@code lost} events
 * published but not received in the median run, and {@code ratioToNats} this system's median over
 * NATS's in the same run (NaN when NATS was not measured). Immutable; any thread.
 */
public record BenchRow(
    String scenario,
    String system,
    int size,
    double eventsPerS,
    double minEventsPerS,
    double maxEventsPerS,
    long lost,
    double ratioToNats) {

  BenchRow withRatio(double ratio) {
    return new BenchRow(
        scenario, system, size, eventsPerS, minEventsPerS, maxEventsPerS, lost, ratio);
  }
}
