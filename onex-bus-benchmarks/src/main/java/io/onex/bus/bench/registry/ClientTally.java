package io.onex.bus.bench.registry;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one client saw in one run: requests sent, answered OK, failed (refused or unanswered), the
 * latency of each answered request in nanoseconds, and when it finished. Written by that client's
 * thread; read by the harness thread after the run, through the run's future.
 */
final class ClientTally {
  /** Latencies up to a minute at 3 significant digits. */
  static Histogram newHistogram() {
    return new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
  }

  final Histogram latency = newHistogram();
  long sent;
  long ok;
  long errors;
  long endNanos;

  /** One answer, {@code nanos} after its request was sent. */
  void answered(boolean isOk, long nanos) {
    if (isOk) {
      ok++;
    } else {
      errors++;
    }
    latency.recordValue(Math.min(Math.max(nanos, 0), latency.getHighestTrackableValue()));
  }
}
