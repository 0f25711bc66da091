package io.onex.bus.broker.loop;

import io.onex.bus.broker.debug.EventTrace;
import io.onex.bus.broker.policy.PolicyEngine;
import io.onex.bus.broker.routing.SubscriptionIndex;
import io.onex.bus.broker.schema.SchemaEnforcer;
import io.onex.bus.broker.schema.SchemaReports;
import io.onex.bus.broker.session.Session;
import io.onex.bus.broker.session.SessionTable;
import io.onex.bus.broker.stats.BrokerCounters;
import io.onex.bus.broker.stats.TopicMeter;
import io.onex.bus.config.BusConfig;

/**
 * What the command handlers of one broker loop share: configuration, sessions, the subscription
 * index, counters, the bus sequence and the loop's notion of now (read once per pass). Owned by the
 * broker loop thread.
 */
final class BrokerState {
  final BusConfig config;
  final SessionTable sessions = new SessionTable();
  final SubscriptionIndex index = new SubscriptionIndex();
  final BrokerCounters counters;
  final Replies replies;
  final Outbox outbox;
  final PolicyEngine policy;
  final SchemaEnforcer schemas;
  final SchemaReports schemaReports;
  final TopicMeter topics;
  final EventTrace trace;

  /** Set once, right after construction (it needs the publish handler, which needs this). */
  FlowControl flow;

  private long sequence;
  private long nowMillis;
  private long nowMicros;
  private long nextSessionId = 1;

  BrokerState(BusConfig config, BrokerCounters counters, Outbox outbox, Replies replies) {
    this.policy = new PolicyEngine(config.policy());
    this.schemas = new SchemaEnforcer(config.schema());
    this.schemaReports = new SchemaReports(config.name(), config.schema().reportsPerSecond());
    this.config = config;
    this.counters = counters;
    this.outbox = outbox;
    this.replies = replies;
    this.topics = new TopicMeter(config.metrics());
    this.trace = new EventTrace(config.name());
  }

  long sequence() {
    return sequence;
  }

  long nextSequence() {
    return ++sequence;
  }

  long nowMillis() {
    return nowMillis;
  }

  long nowMicros() {
    return nowMicros;
  }

  void setNow(long epochMicros) {
    nowMicros = epochMicros;
    nowMillis = epochMicros / 1000;
  }

  long newSessionId() {
    return nextSessionId++;
  }

  /** Removes a session and everything it subscribed. */
  void removeSession(Session s) {
    for (var sub : s.subscribers()) {
      index.remove(sub);
      flow.forget(sub);
    }
    s.subscriptions().clear();
    sessions.remove(s);
    outbox.forget(s);
  }
}
