package io.onex.bus.bench;

/**
 * One cell of the metrics scenario: {@code metrics-on} (per-topic counting, {@code /metrics}
 * scraped once a second) or {@code metrics-off} ({@code metrics.enabled: false}, nothing scraped).
 * {@code eventsPerS} is the median over the runs of 1→1 events received per second, {@code
 * minEventsPerS}/{@code maxEventsPerS} their spread, {@code lost} events not received over every
 * run. {@code ratioToOff} is this cell's median over metrics-off's, {@code pairedRatio} the median
 * over the repetitions of the two cells' ratio in the same repetition (they alternate). {@code
 * scrapes} counts the scrapes during the cell's runs. Immutable.
 */
public record MetricsRow(
    String cell,
    int size,
    int eventsPerRun,
    double eventsPerS,
    double minEventsPerS,
    double maxEventsPerS,
    long lost,
    long scrapes,
    double ratioToOff,
    double pairedRatio) {

  /** Whether this is metrics-off, the cell the other is compared with. */
  public boolean isBaseline() {
    return cell.equals(MetricsBench.OFF);
  }

  /** The throughput metrics cost, from the paired ratio: 0.03 means 3 % fewer events/s. */
  public double cost() {
    return 1 - pairedRatio;
  }

  /** Whether the cost stayed under {@link MetricsBenchOptions#TARGET_COST}. */
  public boolean targetMet() {
    return cost() < MetricsBenchOptions.TARGET_COST;
  }
}
