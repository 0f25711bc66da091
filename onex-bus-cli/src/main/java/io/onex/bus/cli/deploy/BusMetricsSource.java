package io.onex.bus.cli.deploy;

import io.onex.bus.broker.Broker;
import io.onex.bus.broker.stats.BrokerSnapshot;
import io.onex.bus.broker.stats.TopicTotals;
import io.onex.bus.observability.metrics.BusStats;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.observability.metrics.TopicStats;
import java.util.ArrayList;
import java.util.List;

/** Maps a broker's snapshot to the numbers its metrics show. Stateless; any thread. */
public final class BusMetricsSource {
  private BusMetricsSource() {}

  /** Exposes {@code broker}'s totals and per-topic counts in {@code metrics}. */
  public static void expose(ProcessMetrics metrics, Broker broker) {
    metrics.addBus(broker.name(), () -> of(broker.snapshot()), () -> of(broker.topicTotals()));
  }

  /** The metrics view of per-topic counts. */
  public static List<TopicStats> of(List<TopicTotals> totals) {
    List<TopicStats> out = new ArrayList<>(totals.size());
    for (TopicTotals t : totals) {
      out.add(
          new TopicStats(
              t.topic(), t.published(), t.delivered(), t.dropped(), t.rejected(), t.bytes()));
    }
    return out;
  }

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
        s.pinnedBytes(),
        s.schemaInvalid(),
        s.schemaFlagged(),
        s.busEvents());
  }
}
