package io.onex.bus.broker.session;

import io.onex.bus.broker.routing.Subscriber;
import io.onex.bus.config.TrustLevel;
import io.onex.bus.protocol.codec.DeliverWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One client connection after its HELLO: who it is, its subscriptions, the DELIVER batch being
 * built for it in this loop pass and the frames waiting for room in its ZeroMQ pipe. Owned by the
 * broker loop thread.
 */
public final class Session {
  private final byte[] routingId;
  private final long id;
  private final String nodeId;
  private final String helloId;
  private final TrustLevel trust;
  private final byte[] nodeIdBytes;
  private final Map<Integer, Subscriber> subscriptions = new HashMap<>();
  private final DeliverWriter batch = new DeliverWriter(4096);
  private final ArrayDeque<Outgoing> pending = new ArrayDeque<>();
  private long pendingEvents;
  private long lastSeenMillis;
  private boolean dirty;

  /** A frame queued for this session; {@code events} counts deliveries (0 for control frames). */
  public record Outgoing(byte[] frame, int length, int events) {
    /** A frame that is the whole array. */
    public Outgoing(byte[] frame, int events) {
      this(frame, frame.length, events);
    }
  }

  public Session(byte[] routingId, long id, String nodeId, String helloId, long nowMillis) {
    this(routingId, id, nodeId, helloId, nowMillis, TrustLevel.UNTRUSTED);
  }

  /** A session whose publisher trust level is {@code trust} (from the bus's policy). */
  public Session(
      byte[] routingId, long id, String nodeId, String helloId, long nowMillis, TrustLevel trust) {
    this.trust = trust;
    this.routingId = routingId;
    this.helloId = helloId;
    this.id = id;
    this.nodeId = nodeId;
    this.nodeIdBytes = nodeId.getBytes(StandardCharsets.UTF_8);
    this.lastSeenMillis = nowMillis;
  }

  public byte[] routingId() {
    return routingId;
  }

  public long id() {
    return id;
  }

  /**
   * The {@code hello_id} the client's HELLO carried (empty if none): a repeated HELLO with the same
   * id is the same handshake, retried because ZeroMQ may lose a message sent while a connection is
   * being set up.
   */
  public String helloId() {
    return helloId;
  }

  /** How far what this session publishes is trusted, for the delivery policy. */
  public TrustLevel trust() {
    return trust;
  }

  public String nodeId() {
    return nodeId;
  }

  /** The node id as stamped on every delivery of an event this session published. */
  public byte[] nodeIdBytes() {
    return nodeIdBytes;
  }

  public Map<Integer, Subscriber> subscriptions() {
    return subscriptions;
  }

  public Collection<Subscriber> subscribers() {
    return subscriptions.values();
  }

  /** The DELIVER frame under construction in this loop pass. */
  public DeliverWriter batch() {
    return batch;
  }

  public ArrayDeque<Outgoing> pending() {
    return pending;
  }

  public long pendingEvents() {
    return pendingEvents;
  }

  public void addPendingEvents(long delta) {
    pendingEvents += delta;
  }

  public long lastSeenMillis() {
    return lastSeenMillis;
  }

  public void touch(long nowMillis) {
    lastSeenMillis = nowMillis;
  }

  /**
   * Deliveries this session may hold in frames its pipe refused before new ones wait in their
   * subscriptions' queues instead. A few batches' worth keeps a momentarily full pipe on the fast
   * path (frames are queued whole, nothing is copied); beyond it, each subscription's own bound and
   * drop policy apply.
   */
  public static final long PENDING_EVENTS_LIMIT = 4096;

  /** Whether the peer's pipe is too far behind for more deliveries to be batched here. */
  public boolean isBlocked() {
    return pendingEvents >= PENDING_EVENTS_LIMIT;
  }

  /** Whether this session has output to flush at the end of the loop pass. */
  public boolean isDirty() {
    return dirty;
  }

  public void setDirty(boolean dirty) {
    this.dirty = dirty;
  }

  @Override
  public String toString() {
    return "Session[" + id + ", node=" + nodeId + "]";
  }
}
