package io.onex.bus.broker.loop;

import io.onex.bus.broker.routing.Subscriber;
import io.onex.bus.broker.session.Session;
import io.onex.bus.broker.stats.BrokerCounters;
import io.onex.bus.broker.stats.ConnectionView;
import io.onex.bus.broker.stats.SubscriptionView;
import io.onex.bus.config.BusConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Command;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.debug.DebugSettings;
import io.onex.bus.protocol.schema.TopicSchemaSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.Agent;
import org.zeromq.ZMQ;

/**
 * The broker's event loop: the one thread that owns the bus's ROUTER socket and all routing state.
 * Each pass reads up to {@value #READ_BUDGET} messages, handles them, then flushes every DELIVER
 * batch they produced: whatever arrived while the socket was busy goes out together, so batching
 * costs no latency when idle. Timers (session reaping, stats) run between passes. Only the
 * AgentRunner's thread calls its methods.
 */
public final class BrokerAgent implements Agent {
  private static final int READ_BUDGET = 256;
  private static final long STATS_EVERY_MILLIS = 100;
  private static final long CONNECTIONS_EVERY_MILLIS = 1000;
  // The registry's report carries at most this many connections, to stay a small message.
  private static final int MAX_CONNECTIONS_SHOWN = 200;

  private final ZMQ.Socket router;
  private final Clock clock;
  private final BrokerState state;
  private final PublishHandler publishes;
  private final SessionHandler sessions;
  private final SubscriptionHandler subscriptions;
  private final Lifecycle lifecycle;
  private long nextReapMillis;
  private long nextStatsMillis;
  private long nextConnectionsMillis;
  private long nextFlowReportMillis;
  private static final long FLOW_REPORT_EVERY_MILLIS = 1000;
  // Low rate (registry events, settings from the registry); a lock-free queue keeps the loop from
  // ever waiting on a producer. Each entry runs on the loop thread.
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  private long lastCountsSum = -1;
  private final AtomicReference<TopicSchemaSet> pendingSchemas = new AtomicReference<>();
  private volatile long appliedSchemaRevision;

  public BrokerAgent(ZMQ.Socket router, BusConfig config, BrokerCounters counters, Clock clock) {
    this.router = router;
    this.clock = clock;
    Replies replies = new Replies(config.name(), counters);
    Outbox outbox = new Outbox(router, counters, config.limits().maxBatchEvents());
    replies.attach(outbox);
    this.state = new BrokerState(config, counters, outbox, replies);
    this.publishes = new PublishHandler(state);
    state.flow = new FlowControl(state, publishes);
    this.sessions = new SessionHandler(state, publishes::invalidate);
    this.subscriptions = new SubscriptionHandler(state, publishes::invalidate);
    this.lifecycle = new Lifecycle(state, publishes);
  }

  @Override
  public String roleName() {
    return "onex-broker-" + state.config.name();
  }

  @Override
  public void onStart() {
    tick();
    lifecycle.started(router.getLastEndpoint());
  }

  /**
   * Any thread: queues an event that this process publishes on a system topic (the registry's
   * events, when the registry runs in the same JVM), for the loop to route on its next turn.
   */
  public void offerSystemEvent(byte[] encodedRecord, byte[] publisherNodeId) {
    inbox.add(() -> publishes.publishSystem(encodedRecord, publisherNodeId));
  }

  /**
   * Any thread: switches the bus's debug mode (null: off) on the loop's next turn. The registry's
   * heartbeat reply carries it (docs/operations.md, "Debug mode").
   */
  public void offerDebugSettings(DebugSettings settingsOrNull) {
    inbox.add(() -> state.trace.apply(settingsOrNull));
  }

  /**
   * Any thread: the registry's schemas for this bus changed; the loop switches to {@code next}
   * before its next event. Only the latest set matters, so a newer one replaces one not yet taken.
   */
  public void offerSchemas(TopicSchemaSet next) {
    pendingSchemas.set(next);
  }

  /** Any thread: the revision of the schema set the loop uses now. */
  public long schemaRevision() {
    return appliedSchemaRevision;
  }

  private void applySchemas() {
    if (pendingSchemas.get() == null) {
      return;
    }
    TopicSchemaSet next = pendingSchemas.getAndSet(null);
    if (next != null) {
      state.schemas.update(next);
      appliedSchemaRevision = next.revision();
    }
  }

  private int runInbox() {
    int n = 0;
    Runnable r;
    while ((r = inbox.poll()) != null) {
      r.run();
      n++;
    }
    return n;
  }

  @Override
  public int doWork() {
    tick();
    state.trace.beginPass();
    applySchemas();
    int work = read() + runInbox();
    if (work > 0 || state.outbox.hasBacklog()) {
      flush();
    }
    timers();
    return work;
  }

  /** Whether queued output is waiting for a peer's pipe: the idle poll must then wake soon. */
  public boolean hasBacklog() {
    return state.outbox.hasBacklog();
  }

  @Override
  public void onClose() {
    tick();
    lifecycle.stopping(this::flush);
    state.counters.publish(state.sequence(), state.sessions.size(), state.index.size());
    state.counters.publishTopics(state.topics.totals());
    router.close();
  }

  private int read() {
    int n = 0;
    while (n < READ_BUDGET) {
      byte[] routingId = router.recv(ZMQ.DONTWAIT);
      if (routingId == null) {
        break;
      }
      byte[] body = router.recv(ZMQ.DONTWAIT);
      boolean extraParts = false;
      while (router.hasReceiveMore()) {
        router.recv(ZMQ.DONTWAIT);
        extraParts = true;
      }
      n++;
      if (body != null) {
        state.counters.addFrameIn(body.length);
        handle(routingId, body, extraParts);
      }
    }
    return n;
  }

  private void handle(byte[] routingId, byte[] body, boolean extraParts) {
    Session s = state.sessions.get(routingId);
    if (s != null) {
      s.touch(state.nowMillis());
    }
    try {
      dispatch(routingId, s, body, extraParts);
    } catch (ProtocolException e) {
      int ref = Refs.of(body);
      if (s != null) {
        state.replies.reject(s, ref, Frame.Error.WHOLE_FRAME, e, state.nowMillis());
      } else {
        state.replies.count(e, "(no session)", state.nowMillis());
        sendDirect(routingId, Replies.error(ref, Frame.Error.WHOLE_FRAME, e));
      }
    }
  }

  private void dispatch(byte[] routingId, Session s, byte[] body, boolean extraParts)
      throws ProtocolException {
    if (extraParts) {
      throw Replies.problem(
          ErrorCode.MULTIPART_NOT_ALLOWED, "a protocol message is exactly one ZeroMQ part", "");
    }
    int max = state.config.limits().maxFrameBytes();
    if (body.length > max) {
      throw Replies.problem(
          ErrorCode.FRAME_TOO_LARGE,
          "frame of " + body.length + " bytes exceeds this bus's limit of " + max,
          "size=" + body.length);
    }
    Command command = FrameCodec.commandOf(body);
    if (s == null && command != Command.HELLO) {
      throw Replies.problem(
          ErrorCode.HELLO_REQUIRED, "send HELLO before " + command, command.name());
    }
    switch (command) {
      case PUBLISH -> publishes.handle(s, body);
      case HELLO -> sessions.hello(routingId, s, (Frame.Hello) FrameCodec.decode(body));
      case SUBSCRIBE -> subscriptions.subscribe(s, (Frame.Subscribe) FrameCodec.decode(body));
      case UNSUBSCRIBE -> subscriptions.unsubscribe(s, (Frame.Unsubscribe) FrameCodec.decode(body));
      case CREDIT -> subscriptions.credit(s, (Frame.Credit) FrameCodec.decode(body));
      case PING -> sessions.ping(s, (Frame.Ping) FrameCodec.decode(body));
      case PONG -> FrameCodec.decode(body);
      case BYE -> {
        FrameCodec.decode(body);
        sessions.bye(s);
      }
      default ->
          throw Replies.problem(
              ErrorCode.UNEXPECTED_COMMAND,
              command + " is sent by brokers, not to them",
              command.name());
    }
  }

  private void flush() {
    List<Session> gone = new ArrayList<>(state.outbox.flush());
    // Pipes that drained may take queued events now; send what the pump moved this pass.
    state.flow.pump();
    gone.addAll(state.outbox.flush());
    for (Session s : gone) {
      sessions.lost(s);
    }
  }

  private void timers() {
    long now = state.nowMillis();
    if (now >= nextReapMillis) {
      nextReapMillis = now + state.config.heartbeat().interval().toMillis();
      sessions.reapSilent();
    }
    if (now >= nextStatsMillis) {
      nextStatsMillis = now + STATS_EVERY_MILLIS;
      state.flow.tick();
      state.counters.publish(
          state.sequence(),
          state.sessions.size(),
          state.index.size(),
          state.flow.queuedEvents(),
          state.flow.queuedBytes(),
          state.flow.pinnedBytes());
      publishTopicTotals(false);
    }
    if (now >= nextFlowReportMillis) {
      state.flow.report(now - (nextFlowReportMillis - FLOW_REPORT_EVERY_MILLIS));
      nextFlowReportMillis = now + FLOW_REPORT_EVERY_MILLIS;
    }
    if (now >= nextConnectionsMillis) {
      // Only the registry reads this, once a second; building it every stats tick would churn.
      nextConnectionsMillis = now + CONNECTIONS_EVERY_MILLIS;
      state.counters.publishConnections(connectionViews());
      state.counters.publishSubscriptions(subscriptionViews());
      publishTopicTotals(true);
    }
  }

  /**
   * Copies the per-topic counts for the metrics: on a stats tick only when a bus total moved (an
   * idle bus rebuilds nothing), and once a second regardless.
   */
  private void publishTopicTotals(boolean always) {
    var c = state.counters;
    long sum = c.published() + c.delivered() + c.dropped() + c.rejectedTotal();
    if (always || sum != lastCountsSum) {
      lastCountsSum = sum;
      c.publishTopics(state.topics.totals());
    }
  }

  private List<ConnectionView> connectionViews() {
    List<ConnectionView> out =
        new ArrayList<>(Math.min(MAX_CONNECTIONS_SHOWN, state.sessions.size()));
    for (Session s : state.sessions.all()) {
      if (out.size() == MAX_CONNECTIONS_SHOWN) {
        break;
      }
      List<String> patterns = new ArrayList<>(s.subscribers().size());
      for (Subscriber sub : s.subscribers()) {
        patterns.add(sub.pattern().text());
      }
      out.add(new ConnectionView(s.nodeId(), patterns));
    }
    return out;
  }

  /** The subscriptions with the deepest queues first, at most as many as connections shown. */
  private List<SubscriptionView> subscriptionViews() {
    List<SubscriptionView> out = new ArrayList<>();
    for (Session s : state.sessions.all()) {
      for (Subscriber sub : s.subscribers()) {
        var f = sub.flow();
        out.add(
            new SubscriptionView(
                s.nodeId(),
                sub.pattern().text(),
                f.queuedEvents(),
                f.bound(),
                f.dropped(),
                f.behind()));
      }
    }
    out.sort((a, b) -> Integer.compare(b.queueDepth(), a.queueDepth()));
    return out.size() > MAX_CONNECTIONS_SHOWN ? out.subList(0, MAX_CONNECTIONS_SHOWN) : out;
  }

  /** Best effort, for peers without a session: nothing is queued for them. */
  private void sendDirect(byte[] routingId, byte[] frame) {
    Outbox.send(router, routingId, frame);
  }

  private void tick() {
    Instant now = clock.instant();
    state.setNow(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
  }
}
