package io.onex.bus.bench.flow;

/**
 * One system at one rate in the latency scenario. {@code rate} is the rate asked for, {@code
 * achievedRate} the publish rate reached (median over the runs); the percentiles and the maximum,
 * in microseconds, are over every event of every measured run ({@code recorded} of them). {@code
 * lost} adds up events published but not received over the measured runs. Immutable.
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
    double maxMicros) {}
