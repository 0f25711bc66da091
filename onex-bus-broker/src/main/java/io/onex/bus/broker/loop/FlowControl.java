package io.onex.bus.broker.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.broker.flow.Backpressure;
import io.onex.bus.broker.flow.PinnedFrames;
import io.onex.bus.broker.flow.QueuedBytes;
import io.onex.bus.broker.flow.SubscriptionFlow;
import io.onex.bus.broker.lifecycle.SystemEvents;
import io.onex.bus.broker.routing.Subscriber;
import io.onex.bus.broker.session.Session;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.event.BusEventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's flow control (ARCHITECTURE.md section 5): events a subscription cannot take now (no
 * credit, or its connection's pipe is full) wait in that subscription's bounded queue and are sent
 * as credit and the pipe allow; a full queue drops by its policy and the loss reaches the
 * subscriber as a GAP marker. Queued bytes drive the BACKPRESSURE announcements to publishers. Once
 * a second it reports EVENT_DROPPED and EVENT_SUBSCRIBER_SLOW (logged and published on {@code
 * $onex.bus.<bus>.flow}). Only the slow path comes here. Owned by the broker loop thread.
 */
final class FlowControl {
  private static final Logger LOG = LoggerFactory.getLogger("io.onex.bus.broker.flow");
  static final String KIND = "flow";
  // A subscription this full is slow: reported, before it drops.
  private static final double SLOW_FRACTION = 0.8;

  private final BrokerState state;
  private final PublishHandler publishes;
  private final byte[] brokerNodeId;
  private final QueuedBytes queued = new QueuedBytes();
  private final Backpressure backpressure;
  private final Set<Subscriber> waiting = new LinkedHashSet<>();
  private final Set<Subscriber> toReport = new LinkedHashSet<>();
  private static final long BACKPRESSURE_CHECK_EVERY_MILLIS = 5;
  private long nextBackpressureCheckMillis;
  private final PinnedFrames pinned = new PinnedFrames();
  // The entry made for the event being routed: the next subscription that queues it shares it.
  private SubscriptionFlow.Queued lastEntry;
  // The frame the last pinned entry points into, so one frame gets one handle.
  private PinnedFrames.Frame currentFrame;

  FlowControl(BrokerState state, PublishHandler publishes) {
    this.state = state;
    this.publishes = publishes;
    this.brokerNodeId =
        SystemEvents.brokerNodeId(state.config.name()).getBytes(StandardCharsets.UTF_8);
    this.backpressure = new Backpressure(state.config.flow());
  }

  /** Whether an event for {@code s} may go straight into its session's batch. */
  static boolean direct(Subscriber s) {
    return s.flow().canSendDirect() && !s.session().isBlocked();
  }

  /** Queues the event under {@code record} for {@code s}; a full queue drops by its policy. */
  void enqueue(
      Subscriber s, EventRecordView record, String topic, long seq, long micros, byte[] publisher) {
    SubscriptionFlow f = s.flow();
    if (f.isFull() && !f.dropOldest()) {
      // Drop-newest on a full queue: the arrival is lost, so it is not even copied.
      f.dropArrival(seq);
      f.setLastDroppedTopic(topic);
      state.counters.addDropped(1);
      state.topics.dropped(topic);
      noteActivity(s);
      return;
    }
    int length = record.recordLength();
    if (f.isFull()) {
      // Drop-oldest on a full queue (a stalled subscriber's steady state): when the arrival is
      // copied, the evicted event's buffer takes it if it fits and no other queue holds it, so the
      // swap allocates no event bytes.
      SubscriptionFlow.Queued evicted = f.evictOldest();
      f.setLastDroppedTopic(evicted.topic());
      state.counters.addDropped(1);
      state.topics.dropped(evicted.topic());
      f.append(entryFor(record, topic, seq, micros, publisher, evicted));
      queued.add(topic, length);
      queued.remove(evicted.topic(), evicted.length());
    } else {
      f.append(entryFor(record, topic, seq, micros, publisher, null));
      queued.add(topic, length);
    }
    noteActivity(s);
  }

  /**
   * The queue entry for event {@code seq}: the one already made for another subscription in this
   * routing step; else a window on the PUBLISH frame while the bus may pin more frames; else a
   * copy, into {@code evicted}'s buffer when that is free to reuse.
   */
  private SubscriptionFlow.Queued entryFor(
      EventRecordView record,
      String topic,
      long seq,
      long micros,
      byte[] publisher,
      SubscriptionFlow.Queued evicted) {
    SubscriptionFlow.Queued last = lastEntry;
    // Sequences are unique on a bus, so an evicted (older) entry never matches.
    if (last != null && last.sequence() == seq) {
      last.markShared();
      return last;
    }
    int length = record.recordLength();
    if (pinned.mayPin(queued.total())) {
      if (currentFrame == null || currentFrame.bytes() != record.buffer()) {
        currentFrame = pinned.frame(record.buffer());
      }
      lastEntry =
          new SubscriptionFlow.Queued(
              currentFrame, record.recordOffset(), length, topic, seq, micros, publisher);
      return lastEntry;
    }
    byte[] bytes =
        evicted != null && evicted.isReusable() && evicted.length() == length
            ? evicted.record()
            : new byte[length];
    System.arraycopy(record.buffer(), record.recordOffset(), bytes, 0, length);
    lastEntry = new SubscriptionFlow.Queued(bytes, topic, seq, micros, publisher);
    return lastEntry;
  }

  private void noteActivity(Subscriber s) {
    markWaiting(s);
    if (!s.flow().isReported()) {
      s.flow().setReported(true);
      toReport.add(s);
    }
  }

  /** CREDIT: more deliveries allowed; false when the grant overflows the credit. */
  boolean grant(Subscriber s, long n) {
    if (!s.flow().grant(n)) {
      return false;
    }
    if (s.flow().peek() != null) {
      markWaiting(s);
    }
    return true;
  }

  /**
   * Moves queued events into their sessions' batches while credit and pipes allow, GAP markers in
   * their place. Called after each flush, when pipes may have room again.
   */
  void pump() {
    if (waiting.isEmpty()) {
      checkBackpressure();
      return;
    }
    for (var it = waiting.iterator(); it.hasNext(); ) {
      Subscriber s = it.next();
      if (drain(s)) {
        s.flow().setWaiting(false);
        it.remove();
      }
    }
    checkBackpressure();
  }

  /** Sends what {@code s} may; true when its queue is empty. */
  private boolean drain(Subscriber s) {
    SubscriptionFlow f = s.flow();
    Session session = s.session();
    while (!session.isBlocked()) {
      SubscriptionFlow.Entry next = f.peek();
      if (next == null) {
        return true;
      }
      // A marker waits for credit like an event (without using it): a subscriber that grants
      // nothing then gets one merged GAP later, not a stream of them into a full pipe.
      if (!f.hasCredit()) {
        return false;
      }
      if (next instanceof SubscriptionFlow.Gap g) {
        f.poll();
        // The marker goes after whatever was batched before it, in stream order.
        state.outbox.cutBatch(session);
        state.outbox.control(
            session,
            FrameCodec.encode(new Frame.Gap(s.subscriptionId(), g.lost(), g.first(), g.last())));
        continue;
      }
      var q = (SubscriptionFlow.Queued) f.poll();
      queued.remove(q.topic(), q.length());
      f.spend(q.sequence());
      state.outbox.deliver(
          session,
          s.subscriptionId(),
          q.sequence(),
          q.timeMicros(),
          q.publisher(),
          q.record(),
          q.offset(),
          q.length());
      state.topics.delivered(q.topic());
      state.trace.receivedQueued(
          q.record(), q.offset(), q.length(), q.topic(), session.nodeId(), q.sequence());
    }
    return f.peek() == null;
  }

  /** A subscription ends: what it had queued is released. */
  void forget(Subscriber s) {
    SubscriptionFlow f = s.flow();
    for (SubscriptionFlow.Entry e = f.poll(); e != null; e = f.poll()) {
      if (e instanceof SubscriptionFlow.Queued q) {
        queued.remove(q.topic(), q.length());
      }
    }
    f.clear();
    waiting.remove(s);
    toReport.remove(s);
    f.setWaiting(false);
    f.setReported(false);
  }

  /** Events waiting in every subscription queue (for the drain at stop). */
  long queuedEvents() {
    long n = 0;
    for (Subscriber s : waiting) {
      n += s.flow().queuedEvents();
    }
    return n;
  }

  /** Whether some queued event could go out now (its subscription has credit). */
  boolean hasSendable() {
    for (Subscriber s : waiting) {
      if (s.flow().hasCredit() && s.flow().peek() != null) {
        return true;
      }
    }
    return false;
  }

  /** Bytes of the PUBLISH frames queued events point into. */
  long pinnedBytes() {
    return pinned.bytes();
  }

  /** Bytes waiting in every subscription queue. */
  long queuedBytes() {
    return queued.total();
  }

  private void markWaiting(Subscriber s) {
    if (!s.flow().isWaiting()) {
      s.flow().setWaiting(true);
      waiting.add(s);
    }
  }

  /** From the loop's timers: an idle loop still announces a change within one stats tick. */
  void tick() {
    checkBackpressure();
  }

  private void checkBackpressure() {
    // The marks are compared at most every few milliseconds: the walk is over every queued topic,
    // and the announcement needs no finer timing than that.
    long now = state.nowMillis();
    if (now < nextBackpressureCheckMillis) {
      return;
    }
    nextBackpressureCheckMillis = now + BACKPRESSURE_CHECK_EVERY_MILLIS;
    for (Backpressure.Change c : backpressure.check(queued)) {
      byte[] frame =
          FrameCodec.encode(
              new Frame.Backpressure(c.on(), c.scope(), c.queuedBytes(), c.highWater()));
      for (Session s : state.sessions.all()) {
        state.outbox.control(s, frame);
      }
      ObjectNode m = SystemEvents.metadata();
      m.put("state", c.on() ? "on" : "off");
      m.put("scope", c.scope().isEmpty() ? "bus" : c.scope());
      m.put("queued_bytes", c.queuedBytes());
      m.put("high_water_bytes", c.highWater());
      emit(BusEventType.EVENT_BACKPRESSURE, m);
    }
  }

  /** Once a second: EVENT_DROPPED and EVENT_SUBSCRIBER_SLOW for the subscriptions that had any. */
  void report(long elapsedMillis) {
    if (toReport.isEmpty()) {
      return;
    }
    List<Subscriber> done = new ArrayList<>();
    // Emitted after the walk: publishing an event can queue it for a slow subscriber.
    List<Object[]> events = new ArrayList<>();
    for (Subscriber s : toReport) {
      SubscriptionFlow f = s.flow();
      long[] r = f.takeReport();
      if (r[0] > 0) {
        ObjectNode m = about(s);
        m.put("topic", f.lastDroppedTopic());
        m.put("count", r[0]);
        m.put("policy", f.dropOldest() ? "drop-oldest" : "drop-newest");
        m.put("dropped_total", f.dropped());
        m.put("queue_depth", f.queuedEvents());
        events.add(new Object[] {BusEventType.EVENT_DROPPED, m});
      }
      if (f.queuedEvents() >= SLOW_FRACTION * f.bound()) {
        ObjectNode m = about(s);
        m.put("queue_depth", f.queuedEvents());
        m.put("queue_bound", f.bound());
        m.put("consumption_rate_per_s", elapsedMillis <= 0 ? 0 : r[1] * 1000.0 / elapsedMillis);
        m.put("behind", f.behind());
        events.add(new Object[] {BusEventType.EVENT_SUBSCRIBER_SLOW, m});
      }
      if (f.queuedEvents() == 0) {
        done.add(s);
      }
    }
    for (Subscriber s : done) {
      toReport.remove(s);
      s.flow().setReported(false);
    }
    for (Object[] e : events) {
      emit((BusEventType) e[0], (ObjectNode) e[1]);
    }
  }

  private static ObjectNode about(Subscriber s) {
    ObjectNode m = SystemEvents.metadata();
    m.put("node_id", s.session().nodeId());
    m.put("subscription", Integer.toUnsignedLong(s.subscriptionId()));
    m.put("pattern", s.pattern().text());
    return m;
  }

  private void emit(BusEventType type, ObjectNode m) {
    var line = type == BusEventType.EVENT_BACKPRESSURE ? LOG.atInfo() : LOG.atWarn();
    line = line.addKeyValue("event", type.name()).addKeyValue("bus", state.config.name());
    for (var f : m.properties()) {
      line =
          line.addKeyValue(
              f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue());
    }
    line.log("{} {} {}", type.name(), state.config.name(), m);
    publishes.publishSystem(SystemEvents.record(state.config.name(), KIND, type, m), brokerNodeId);
  }
}
