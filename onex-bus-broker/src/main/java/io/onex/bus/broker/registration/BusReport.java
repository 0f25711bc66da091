package io.onex.bus.broker.registration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.broker.Broker;
import io.onex.bus.broker.stats.BrokerSnapshot;
import io.onex.bus.broker.stats.ConnectionView;
import io.onex.bus.broker.stats.SubscriptionView;
import io.onex.bus.protocol.registry.RegistryCodec;

/**
 * Builds the {@code bus} block of a broker's HEARTBEAT: subscriber count, connections, counters,
 * and per-second rates since the previous report. Heartbeat thread only.
 */
final class BusReport {
  private final Broker broker;
  private BrokerSnapshot previous;
  private long previousNanos;

  BusReport(Broker broker) {
    this.broker = broker;
  }

  /** The bus's per-pattern schema modes as {@code pattern=mode;...} (stats carry plain values). */
  private static String schemaRules(Broker broker) {
    StringBuilder out = new StringBuilder();
    for (var rule : broker.config().schema().topics()) {
      out.append(out.length() == 0 ? "" : ";")
          .append(rule.pattern())
          .append('=')
          .append(rule.mode().configName());
    }
    return out.toString();
  }

  ObjectNode next() {
    BrokerSnapshot s = broker.snapshot();
    long now = System.nanoTime();
    double publishRate = 0;
    double deliverRate = 0;
    if (previous != null && now > previousNanos) {
      double secs = (now - previousNanos) / 1e9;
      publishRate = (s.published() - previous.published()) / secs;
      deliverRate = (s.delivered() - previous.delivered()) / secs;
    }
    previous = s;
    previousNanos = now;
    ObjectNode b = RegistryCodec.object();
    b.put("subscriber_count", s.subscriptions());
    ArrayNode conns = b.putArray("connections");
    for (ConnectionView c : broker.connections()) {
      ObjectNode o = conns.addObject();
      o.put("node_id", c.nodeId());
      ArrayNode subs = o.putArray("subscriptions");
      c.subscriptions().forEach(subs::add);
    }
    ArrayNode flows = b.putArray("subscriptions");
    for (SubscriptionView v : broker.subscriptionViews()) {
      ObjectNode o = flows.addObject();
      o.put("node_id", v.nodeId());
      o.put("pattern", v.pattern());
      o.put("queue_depth", v.queueDepth());
      o.put("queue_bound", v.queueBound());
      o.put("dropped", v.dropped());
      o.put("behind", v.behind());
    }
    ObjectNode stats = b.putObject("stats");
    stats.put("sessions", s.sessions());
    stats.put("sequence", s.sequence());
    stats.put("events_published", s.published());
    stats.put("events_delivered", s.delivered());
    stats.put("events_dropped", s.dropped());
    stats.put("events_rejected", s.rejected());
    stats.put("events_policy_denied", s.policyDenied());
    stats.put("events_invalid_schema", s.schemaInvalid());
    stats.put("events_flagged_invalid", s.schemaFlagged());
    stats.put("queued_events", s.queuedEvents());
    stats.put("queued_bytes", s.queuedBytes());
    stats.put("publish_rate_per_s", Math.round(publishRate * 10) / 10.0);
    stats.put("deliver_rate_per_s", Math.round(deliverRate * 10) / 10.0);
    stats.put("config_digest", broker.config().digest());
    stats.put("schema_mode", broker.config().schema().mode().configName());
    stats.put("schema_revision", broker.schemaRevision());
    stats.put("schema_rules", schemaRules(broker));
    return b;
  }
}
