package io.onex.bus.bench;

/**
 * One cell of the schema scenario: {@code schema-off} (the baseline: payloads not parsed), {@code
 * permissive} (every event checked against the OnexEvent contract and the topic's schema, delivered
 * either way) or {@code strict} (the same check, plus the event type catalogue; a failure would be
 * refused). {@code eventsPerS} is the median over the runs of 1→1 events received per second,
 * {@code minEventsPerS}/{@code maxEventsPerS} their spread, {@code lost} events not received over
 * every run, {@code invalid} events the broker found invalid (0: every event was valid, so each was
 * fully checked and delivered). {@code ratioToOff} is the cell's median over schema-off's, {@code
 * pairedRatio} the median over the repetitions of the same-repetition ratio. Immutable.
 */
public record SchemaRow(
    String cell,
    int size,
    int eventsPerRun,
    double eventsPerS,
    double minEventsPerS,
    double maxEventsPerS,
    long lost,
    long invalid,
    double ratioToOff,
    double pairedRatio) {

  /** Whether the paired ratio reached {@link SchemaBenchOptions#TARGET_RATIO}. */
  public boolean targetMet() {
    return pairedRatio >= SchemaBenchOptions.TARGET_RATIO;
  }
}
