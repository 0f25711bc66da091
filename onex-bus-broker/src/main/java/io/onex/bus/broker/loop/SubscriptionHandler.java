package io.onex.bus.broker.loop;

import io.onex.bus.broker.flow.SubscriptionFlow;
import io.onex.bus.broker.routing.Subscriber;
import io.onex.bus.broker.session.Session;
import io.onex.bus.config.FlowConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.filter.EventFilter;
import io.onex.bus.protocol.topic.TopicPattern;

/**
 * SUBSCRIBE, UNSUBSCRIBE and CREDIT: checks each request, changes the subscription index and
 * answers with ACK (carrying the bus sequence the subscription starts after) or ERROR. Owned by the
 * broker loop thread.
 */
final class SubscriptionHandler {
  private static final int DROP_NEWEST = 2;

  /** Largest per-subscription queue a client may ask for. */
  static final int MAX_QUEUE_SIZE = 10_000_000;

  private final BrokerState state;
  private final Runnable onSubscriptionsChanged;

  SubscriptionHandler(BrokerState state, Runnable onSubscriptionsChanged) {
    this.state = state;
    this.onSubscriptionsChanged = onSubscriptionsChanged;
  }

  void subscribe(Session s, Frame.Subscribe f) throws ProtocolException {
    TopicPattern pattern = TopicPattern.parse(f.pattern());
    EventFilter filter = EventFilter.fromProperties(f.properties());
    if (s.subscriptions().containsKey(f.subscriptionId())) {
      throw Replies.problem(
          ErrorCode.DUPLICATE_SUBSCRIPTION,
          "subscription id " + f.subscriptionId() + " is already open on this session",
          Integer.toUnsignedString(f.subscriptionId()));
    }
    int cap = state.config.limits().maxSubscriptionsPerConnection();
    if (s.subscriptions().size() >= cap) {
      throw Replies.problem(
          ErrorCode.TOO_MANY_SUBSCRIPTIONS,
          "this connection already has " + cap + " subscriptions, the limit",
          f.pattern());
    }
    QueueChoice q = queueFor(f, pattern);
    Subscriber sub =
        new Subscriber(
            s,
            f.subscriptionId(),
            pattern,
            q.size(),
            q.drop(),
            filter,
            state.policy.forSubscriber(s.nodeId()),
            new SubscriptionFlow(q.size(), q.drop() != DROP_NEWEST, credit(f.initialCredit())));
    s.subscriptions().put(f.subscriptionId(), sub);
    state.index.add(sub);
    onSubscriptionsChanged.run();
    ack(s, f.ref());
  }

  void unsubscribe(Session s, Frame.Unsubscribe f) throws ProtocolException {
    Subscriber sub = s.subscriptions().remove(f.subscriptionId());
    if (sub == null) {
      throw unknown(f.subscriptionId());
    }
    state.index.remove(sub);
    state.flow.forget(sub);
    onSubscriptionsChanged.run();
    ack(s, f.ref());
  }

  /** CREDIT: the subscriber may take {@code credit} more deliveries; queued ones go out now. */
  void credit(Session s, Frame.Credit f) throws ProtocolException {
    Subscriber sub = s.subscriptions().get(f.subscriptionId());
    if (sub == null) {
      throw unknown(f.subscriptionId());
    }
    if (f.credit() == 0) {
      throw Replies.problem(ErrorCode.INVALID_CREDIT, "a credit grant must be positive", "0");
    }
    long n = Integer.toUnsignedLong(f.credit());
    if (!state.flow.grant(sub, n)) {
      throw Replies.problem(
          ErrorCode.INVALID_CREDIT,
          "credit would exceed "
              + SubscriptionFlow.MAX_CREDIT
              + " (held "
              + sub.flow().credit()
              + ", granted "
              + n
              + ")",
          Long.toString(n));
    }
  }

  /** The wire's initial credit: {@code 0xFFFFFFFF} is unlimited. */
  private static long credit(int initial) {
    return initial == -1 ? SubscriptionFlow.UNLIMITED : Integer.toUnsignedLong(initial);
  }

  /** A subscription's resolved queue bound and drop policy (wire code). */
  private record QueueChoice(int size, int drop) {}

  /**
   * The subscription's own queue size and policy win; then the bus's first topic-queue rule whose
   * pattern is the subscription's, or matches it when it is a literal topic; then the bus default.
   */
  private QueueChoice queueFor(Frame.Subscribe f, TopicPattern pattern) throws ProtocolException {
    FlowConfig.TopicQueue rule = null;
    for (FlowConfig.TopicQueue r : state.config.flow().topicQueues()) {
      if (r.pattern().equals(pattern.text()) || (pattern.isLiteral() && matches(r, pattern))) {
        rule = r;
        break;
      }
    }
    int size = f.queueSize() != 0 ? queueSize(f) : rule != null ? rule.size() : queueSize(f);
    int drop =
        f.dropPolicy() != 0
            ? dropPolicy(f.dropPolicy())
            : rule != null ? rule.drop().wireCode() : dropPolicy(0);
    return new QueueChoice(size, drop);
  }

  private static boolean matches(FlowConfig.TopicQueue r, TopicPattern literal) {
    try {
      return TopicPattern.parse(r.pattern()).matches(literal.text());
    } catch (ProtocolException e) {
      return false; // the loader checked every pattern
    }
  }

  private void ack(Session s, int ref) {
    state.outbox.control(s, FrameCodec.encode(new Frame.Ack(ref, 1, state.sequence())));
  }

  private int queueSize(Frame.Subscribe f) throws ProtocolException {
    int q = f.queueSize();
    if (q == 0) {
      return state.config.queue().size();
    }
    if (q < 0 || q > MAX_QUEUE_SIZE) {
      throw Replies.problem(
          ErrorCode.INVALID_QUEUE_SIZE,
          "queue size must be between 1 and " + MAX_QUEUE_SIZE + " (0 takes the bus default)",
          Integer.toUnsignedString(q));
    }
    return q;
  }

  private int dropPolicy(int code) throws ProtocolException {
    if (code == 0) {
      return state.config.queue().drop().wireCode();
    }
    if (code != 1 && code != 2) {
      throw Replies.problem(
          ErrorCode.MALFORMED_FRAME,
          "drop policy must be 0 (default), 1 (oldest) or 2 (newest)",
          Integer.toString(code));
    }
    return code;
  }

  private static ProtocolException unknown(int id) {
    return Replies.problem(
        ErrorCode.UNKNOWN_SUBSCRIPTION,
        "no subscription " + Integer.toUnsignedString(id) + " on this session",
        Integer.toUnsignedString(id));
  }
}
