package io.onex.bus.bench.registry;

/**
 * One result of the registry scenario: an operation ({@code lease}: grant and release each count as
 * one; {@code heartbeat}) driven in one mode ({@code sync}: the real {@code RegistryClient}, one
 * request in flight per client; {@code pipelined}: {@code window} requests in flight per client).
 * {@code opsPerS} is the median over the repetitions of operations answered OK per second, {@code
 * minOpsPerS}/{@code maxOpsPerS} their spread; the latency percentiles are over every operation of
 * the measured runs, from send to reply (for pipelined clients that includes waiting behind the
 * client's own earlier requests). {@code sent}, {@code answeredOk} and {@code errors} add up the
 * warm-up and the measured runs; {@code serverCounted} is how many requests of that kind the
 * registry's own counters saw meanwhile. {@code loopCores}, {@code processCores} and {@code
 * machineCores} are the cores that the registry's loop thread, this JVM (clients included) and the
 * whole machine (other processes included; NaN when unknown) kept busy on average during the
 * measured runs: a loop near 1.0 is the registry's limit, a machine near its core count is the
 * machine's. Immutable; any thread.
 */
public record RegistryRow(
    String operation,
    String mode,
    int clients,
    int window,
    int operationsPerRun,
    double opsPerS,
    double minOpsPerS,
    double maxOpsPerS,
    double p50Micros,
    double p99Micros,
    long sent,
    long answeredOk,
    long errors,
    long serverCounted,
    double targetOpsPerS,
    double loopCores,
    double processCores,
    double machineCores) {

  /** Whether the median reached the target. */
  public boolean targetMet() {
    return opsPerS >= targetOpsPerS;
  }
}
