package io.onex.bus.bench.flow;

/**
 * One system at one rate in the latency scenario. {@code rate} is the rate asked for, {@code
 * achievedRate} the publish rate reached (median over the runs); the percentiles and the maximum,
 * in microseconds, are over every event of every measured run ({@code recorded} of them). {@code
 * lost} adds up events published but not received over the measured runs. {@code toBroker} and
 * {@code fromBroker} split the same events at the broker's stamp (the start of the loop pass that
 * routed each one): publish to that pass, and that pass to the handler; onex only (NATS stamps
 * nothing, so both are empty there). Immutable.
 */
public record LatencyRow(
    String system,
    int size,
    int rate,
    double achievedRate,
    long recorded,
    long lost,
    double p50Micros,
    double p99Micros,
    double p999Micros,
    double maxMicros,
    Split toBroker,
    Split fromBroker) {

  /** One half of the latency: events recorded, p50 and p99 in µs (NaN when none). */
  public record Split(long recorded, double p50Micros, double p99Micros) {}
}
