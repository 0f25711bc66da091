package io.onex.bus.broker.loop;

import io.onex.bus.broker.session.Session;
import io.onex.bus.broker.stats.BrokerCounters;
import io.onex.bus.protocol.codec.DeliverWriter;
import io.onex.bus.transport.Sockets;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * Everything the broker sends goes through here: frames are queued on their session and written to
 * the ROUTER at the end of each loop pass without ever blocking. A peer whose pipe is full keeps
 * its frames queued, bounded by its queue size (the oldest DELIVER frames are dropped and counted
 * beyond it); a peer that is gone ({@code EHOSTUNREACH}) is reported to the caller for removal.
 * Owned by the broker loop thread.
 */
final class Outbox {
  /**
   * A DELIVER batch holds at most this many bytes (a single delivery larger than this goes alone),
   * so that the bytes a peer's pipe can hold (this times the send HWM, 250 messages by default)
   * stay bounded. Larger than the 64 KiB it was: every frame costs each hop a wake-up, and with ten
   * subscribers on 2 vCPUs 256 KiB frames carried 1.5× the events per second of 64 KiB ones. A
   * batch is cut <em>before</em> the delivery that would overflow it, not after: cut after, a full
   * batch was 256 KiB plus one event, its buffer had doubled to 512 KiB, and every frame handed to
   * ZeroMQ dragged half a buffer of nothing along (a third of the broker's allocation in a 1→1 run
   * at 1,024 B; docs/performance.md).
   */
  static final int DELIVER_BATCH_BYTES = 256 * 1024;

  private final ZMQ.Socket router;
  private final BrokerCounters counters;
  private final int maxBatchEvents;
  private final List<Session> dirty = new ArrayList<>();
  private final List<Session> lost = new ArrayList<>();
  // The batch cut last, for any session: when the next one is the same bytes (a fan-out to
  // connections that chose the same subscription id), its array is sent again instead of a new
  // one being allocated and zeroed. In a 1->10 throwaway run: 8-14% more events per second.
  private DeliverWriter.Finished lastCut;

  Outbox(ZMQ.Socket router, BrokerCounters counters, int maxBatchEvents) {
    this.router = router;
    this.counters = counters;
    this.maxBatchEvents = Math.min(maxBatchEvents, 0xFFFF);
  }

  /** Queues a control frame (WELCOME, ACK, ERROR, PONG, BYE) for {@code s}. */
  void control(Session s, byte[] frame) {
    s.pending().addLast(new Session.Outgoing(frame, 0));
    markDirty(s);
  }

  /** Appends one delivery to {@code s}'s batch, cutting the batch when it is full. */
  void deliver(
      Session s,
      int subscriptionId,
      long sequence,
      long timeMicros,
      byte[] publisher,
      byte[] frame,
      int offset,
      int length) {
    var batch = s.batch();
    if (batch.count() > 0
        && batch.size() + DeliverWriter.bytesFor(publisher, length) > DELIVER_BATCH_BYTES) {
      cutBatch(s);
    }
    batch.append(subscriptionId, sequence, timeMicros, publisher, frame, offset, length);
    markDirty(s);
    if (batch.count() >= maxBatchEvents || batch.size() >= DELIVER_BATCH_BYTES) {
      cutBatch(s);
    }
  }

  /**
   * Moves the batch under construction into the pending queue and offers the queue to the socket at
   * once. What the pipe refuses stays pending and marks the session blocked; from then on new
   * deliveries wait in the subscriptions' bounded queues (FlowControl), so this queue holds at most
   * the batches cut before the pipe filled.
   */
  void cutBatch(Session s) {
    var batch = s.batch();
    int n = batch.count();
    if (n == 0) {
      return;
    }
    var finished = batch.finishSharing(lastCut);
    lastCut = finished;
    s.pending().addLast(new Session.Outgoing(finished.bytes(), finished.length(), n));
    s.addPendingEvents(n);
    if (!drain(s)) {
      lost.add(s);
    }
  }

  /**
   * Writes every dirty session's queued frames until each is empty or its pipe is full. Returns the
   * sessions whose peer is gone.
   */
  List<Session> flush() {
    for (int i = 0; i < dirty.size(); i++) {
      Session s = dirty.get(i);
      cutBatch(s);
      if (!drain(s)) {
        lost.add(s);
      }
    }
    dirty.removeIf(s -> s.pending().isEmpty() && clearDirty(s));
    if (lost.isEmpty()) {
      return List.of();
    }
    List<Session> gone = new ArrayList<>(new java.util.LinkedHashSet<>(lost));
    lost.clear();
    return gone;
  }

  /** Whether any session still has frames waiting for its pipe. */
  boolean hasBacklog() {
    return !dirty.isEmpty();
  }

  /** Forgets a session that is being removed. */
  void forget(Session s) {
    dirty.remove(s);
    lost.remove(s);
    s.setDirty(false);
  }

  private static boolean clearDirty(Session s) {
    s.setDirty(false);
    return true;
  }

  /** Sends what the pipe takes; false when the peer is unreachable. */
  private boolean drain(Session s) {
    while (!s.pending().isEmpty()) {
      Session.Outgoing o = s.pending().peekFirst();
      SendResult r = send(router, s.routingId(), o.frame(), o.length());
      if (r != SendResult.SENT) {
        return r == SendResult.FULL;
      }
      s.pending().pollFirst();
      s.addPendingEvents(-o.events());
      counters.addDelivered(o.events());
      counters.addFrameOut();
    }
    return true;
  }

  /** What became of one send. */
  enum SendResult {
    SENT,
    FULL,
    GONE
  }

  /**
   * Sends {@code frame} to one peer without blocking. JeroMQ reports a full pipe by returning false
   * and a vanished peer by throwing; both become values here.
   */
  static SendResult send(ZMQ.Socket router, byte[] routingId, byte[] frame) {
    return send(router, routingId, frame, frame.length);
  }

  /** As above for the frame {@code frame[0, length)}, sent without a copy of its bytes. */
  static SendResult send(ZMQ.Socket router, byte[] routingId, byte[] frame, int length) {
    try {
      if (!router.send(routingId, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
        return router.errno() == ZMQ.Error.EHOSTUNREACH.getCode()
            ? SendResult.GONE
            : SendResult.FULL;
      }
      // The identity part was accepted, so the pipe has room for the body.
      Sockets.sendWindow(router, frame, length, ZMQ.DONTWAIT);
      return SendResult.SENT;
    } catch (org.zeromq.ZMQException e) {
      if (e.getErrorCode() == ZMQ.Error.EHOSTUNREACH.getCode()) {
        return SendResult.GONE;
      }
      throw e;
    }
  }

  private void markDirty(Session s) {
    if (!s.isDirty()) {
      s.setDirty(true);
      dirty.add(s);
    }
  }
}
