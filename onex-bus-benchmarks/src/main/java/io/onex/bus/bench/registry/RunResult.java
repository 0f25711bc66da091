package io.onex.bus.bench.registry;

import org.HdrHistogram.Histogram;

/**
 * What one run of all clients measured: wall time from the start gate to the last answer, requests
 * sent, answered OK, failed, and every answer's latency in nanoseconds. Harness thread only (the
 * histogram is not thread-safe).
 */
record RunResult(long elapsedNanos, long sent, long ok, long errors, Histogram latency) {
  /** Operations answered OK per second. */
  double opsPerSecond() {
    return elapsedNanos == 0 ? 0 : ok * 1e9 / elapsedNanos;
  }
}
