package io.onex.bus.bench.flow;

/**
 * One cell of the routing scenario: {@code single-topic} or {@code many-topics}. {@code eventsPerS}
 * is the median over the runs of events published per second, from the first publish to the last
 * delivery received, {@code minEventsPerS}/{@code maxEventsPerS} their spread; {@code
 * deliveriesPerS} is the deliveries received per second in that median run. {@code
 * deliveriesPerRun} is how many deliveries a run must produce (counted independently of the
 * broker). {@code lost} adds up, over every run of the cell (warm-up included), deliveries expected
 * but not received; {@code dropped} the broker's drop counter over the same runs. {@code
 * ratioToSingle} is this cell's median over single-topic's (1 for single-topic itself); {@code
 * pairedRatio} the median over the repetitions of this cell's rate over single-topic's in the same
 * repetition (the two cells alternate, so a pair saw about the same machine). {@code
 * loopNanosPerEvent} is the median over the runs of the broker loop thread's CPU time per event
 * published: what routing one event costs the broker, whatever else the machine does. The core
 * columns are those of the median run: the broker loop thread, this JVM, the machine. Immutable.
 */
public record RoutingRow(
    String cell,
    int topics,
    int subscriptions,
    int clients,
    int size,
    int eventsPerRun,
    long deliveriesPerRun,
    double eventsPerS,
    double minEventsPerS,
    double maxEventsPerS,
    double deliveriesPerS,
    long lost,
    long dropped,
    double ratioToSingle,
    double pairedRatio,
    double loopNanosPerEvent,
    double loopCores,
    double processCores,
    double machineCores)
    implements CellRow {

  RoutingRow withRatios(double ratio, double paired) {
    return new RoutingRow(
        cell,
        topics,
        subscriptions,
        clients,
        size,
        eventsPerRun,
        deliveriesPerRun,
        eventsPerS,
        minEventsPerS,
        maxEventsPerS,
        deliveriesPerS,
        lost,
        dropped,
        ratio,
        paired,
        loopNanosPerEvent,
        loopCores,
        processCores,
        machineCores);
  }

  @Override
  public boolean isBaseline() {
    return cell.equals("single-topic");
  }

  /** Whether the ratio reached {@link RoutingBenchOptions#TARGET_RATIO}. */
  @Override
  public boolean targetMet() {
    return ratioToSingle >= RoutingBenchOptions.TARGET_RATIO;
  }
}
