package io.onex.bus.broker.routing;

import io.onex.bus.broker.flow.SubscriptionFlow;
import io.onex.bus.broker.policy.SubscriberPolicy;
import io.onex.bus.broker.session.Session;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.filter.EventFilter;
import io.onex.bus.protocol.topic.TopicPattern;

/**
 * One open subscription: which session, under which client-chosen id, on which pattern, with which
 * queue bound and drop policy. Identity is by reference: two subscriptions on the same pattern are
 * two subscribers. Owned by the broker loop thread.
 *
 * @param queueSize the resolved bound (the bus default when the client asked for 0)
 * @param dropPolicy 1 drop-oldest, 2 drop-newest (the wire codes)
 * @param filter event-type and tag conditions, checked on the routing header per delivery
 * @param policy the bus policy's rules for this subscriber, or null when it may receive anything
 * @param flow its credit and bounded queue (mutable, loop thread only)
 */
public record Subscriber(
    Session session,
    int subscriptionId,
    TopicPattern pattern,
    int queueSize,
    int dropPolicy,
    EventFilter filter,
    SubscriberPolicy policy,
    SubscriptionFlow flow) {

  /** A subscriber without a filter beyond its pattern, no policy, unlimited credit. */
  public Subscriber(
      Session session, int subscriptionId, TopicPattern pattern, int queueSize, int dropPolicy) {
    this(
        session,
        subscriptionId,
        pattern,
        queueSize,
        dropPolicy,
        EventFilter.ALL,
        null,
        new SubscriptionFlow(queueSize, dropPolicy != 2, SubscriptionFlow.UNLIMITED));
  }

  /** Whether the event under {@code view} passes this subscription's filter. */
  public boolean accepts(EventRecordView view) {
    return filter == EventFilter.ALL || filter.matches(view);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
