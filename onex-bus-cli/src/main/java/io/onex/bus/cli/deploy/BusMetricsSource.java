package io.onex.bus.cli.deploy;

import io.onex.bus.broker.stats.BrokerSnapshot;
import io.onex.bus.observability.metrics.BusStats;

/** Maps a broker's snapshot to the numbers its metrics show. Stateless; any thread. */
public final class BusMetricsSource {
  private BusMetricsSource() {}

  /** The metrics view of {@code s}. */
  public static BusStats of(BrokerSnapshot s) {
    return new BusStats(
        s.published(),
        s.delivered(),
        s.dropped(),
        s.rejected(),
        s.policyDenied(),
        s.bytesIn(),
        s.sessions(),
        s.subscriptions(),
        s.queuedEvents(),
        s.queuedBytes(),
        s.schemaInvalid(),
        s.schemaFlagged());
  }
}
