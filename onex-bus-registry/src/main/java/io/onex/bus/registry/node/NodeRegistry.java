package io.onex.bus.registry.node;

import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.protocol.topic.TopicPattern;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.events.RegistryEvents;
import io.onex.bus.registry.store.RegistryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The node map: registration, heartbeats, expiry and rejoin. The map in memory answers reads; the
 * store gets every registration and status change at once, and heartbeats' {@code last_seen} in one
 * batch per {@link #flush()}, because a write per heartbeat would cap heartbeats at the disk's
 * pace. After a crash the reaper therefore sees {@code last_seen} at most one flush interval old,
 * which only ever delays an expiry.
 *
 * <p>Mutating methods are called by the registry loop thread only; {@link #find} and {@link #all}
 * may be called from any thread.
 */
public final class NodeRegistry {
  // Any node id a bus accepts in HELLO (1..255 bytes), less whitespace and control characters.
  private static final Pattern NODE_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1,255}");
  private static final String RESERVED = "registry";
  private static final int MAX_REMEMBERED = 10_000;
  private static final String DEFAULT_TRUST = "unverified";

  /** Most topic patterns a node may declare as its affinity. */
  public static final int MAX_AFFINITY = 32;

  private final RegistryStore store;
  private final RegistryConfig.Lifetimes lifetimes;
  private final Clock clock;
  private final RegistryEvents events;
  private final ConcurrentHashMap<String, NodeRecord> nodes = new ConcurrentHashMap<>();
  private final Map<String, Instant> unflushed = new HashMap<>();
  // Ephemeral nodes that expired: their topics and affinity come back if they rejoin. Oldest
  // forgotten first.
  private final LinkedHashMap<String, Remembered> expired =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  /** What a node that registers again without naming them gets back. */
  private record Remembered(TopicScope topics, List<String> affinity) {
    static Remembered of(NodeRecord n) {
      return new Remembered(n.topics(), n.affinity());
    }
  }

  /** Loads the stored nodes. */
  public NodeRegistry(
      RegistryStore store, RegistryConfig.Lifetimes lifetimes, Clock clock, RegistryEvents events) {
    this.store = store;
    this.lifetimes = lifetimes;
    this.clock = clock;
    this.events = events;
    for (NodeRecord n : store.nodes()) {
      nodes.put(n.nodeId(), n);
    }
  }

  /** What a registration did: the record as stored, and whether the node had been known. */
  public record Registered(NodeRecord node, boolean rejoined) {}

  /**
   * Registers a node, or registers it again: a node already known (online, offline or recently
   * expired) rejoins (NODE_REJOINED) and gets its previous topics back when it names none, and its
   * previous affinity when it gives none (null; an empty list clears it).
   *
   * @throws RegistryException INVALID_REQUEST for a bad node id or affinity, INVALID_TTL for a bad
   *     TTL
   */
  public Registered register(NodeRegistration r) throws RegistryException {
    checkId(r.nodeId());
    checkAffinity(r.affinity());
    Duration ttl = ttl(r.ttl());
    Instant now = clock.instant();
    NodeRecord known = nodes.get(r.nodeId());
    Remembered previous = known != null ? Remembered.of(known) : expired.get(r.nodeId());
    boolean rejoined = previous != null;
    TopicScope topics = r.topics().isEmpty() && rejoined ? previous.topics() : r.topics();
    List<String> affinity =
        r.affinity() != null ? r.affinity() : rejoined ? previous.affinity() : List.of();
    NodeRecord rec =
        new NodeRecord(
            r.nodeId(),
            r.buses(),
            topics,
            affinity,
            List.of(),
            r.trust() == null ? DEFAULT_TRUST : r.trust(),
            r.metadata(),
            known != null ? known.registeredAt() : now,
            now,
            ttl,
            r.durable(),
            NodeStatus.ONLINE);
    store.putNode(rec);
    expired.remove(r.nodeId());
    unflushed.remove(r.nodeId());
    nodes.put(r.nodeId(), rec);
    if (rejoined) {
      events.emit(
          BusEventType.NODE_REJOINED,
          "node_id",
          r.nodeId(),
          "topics_restored",
          r.topics().isEmpty() && !topics.isEmpty(),
          "was",
          known == null ? "expired" : known.status().wire());
    } else {
      events.emit(
          BusEventType.NODE_REGISTERED,
          "node_id",
          r.nodeId(),
          "durable",
          r.durable(),
          "ttl_ms",
          ttl.toMillis());
    }
    return new Registered(rec, rejoined);
  }

  /**
   * A heartbeat: the node stays online for another TTL. An offline durable node comes back online
   * (NODE_REJOINED).
   *
   * @throws RegistryException UNKNOWN_NODE when the node never registered or expired and vanished
   */
  public NodeRecord heartbeat(String nodeId) throws RegistryException {
    NodeRecord n = nodes.get(nodeId);
    if (n == null) {
      throw new RegistryException(
          ErrorCode.UNKNOWN_NODE,
          "node is not registered (never, or it expired); send REGISTER again",
          nodeId);
    }
    Instant now = clock.instant();
    NodeRecord seen = n.seenAt(now);
    nodes.put(nodeId, seen);
    if (n.status() == NodeStatus.OFFLINE) {
      store.putNode(seen);
      events.emit(BusEventType.NODE_REJOINED, "node_id", nodeId, "was", "offline");
    } else {
      unflushed.put(nodeId, now);
    }
    return seen;
  }

  /**
   * Removes a node for good (it said goodbye, or an operator removed it).
   *
   * @return the removed record
   * @throws RegistryException UNKNOWN_NODE
   */
  public NodeRecord remove(String nodeId) throws RegistryException {
    NodeRecord n = nodes.remove(nodeId);
    if (n == null) {
      throw new RegistryException(ErrorCode.UNKNOWN_NODE, "node is not registered", nodeId);
    }
    unflushed.remove(nodeId);
    store.removeNode(nodeId);
    events.emit(BusEventType.NODE_REMOVED, "node_id", nodeId);
    return n;
  }

  /**
   * Expires every online node whose TTL ran out: ephemeral ones vanish (their topics and affinity
   * remembered for a rejoin), durable ones go offline. Emits NODE_EXPIRED for each.
   *
   * @return the expired nodes, as they were
   */
  public List<NodeRecord> expire() {
    Instant now = clock.instant();
    List<NodeRecord> gone = new ArrayList<>();
    for (NodeRecord n : nodes.values()) {
      if (n.status() != NodeStatus.ONLINE || n.expiresAt().isAfter(now)) {
        continue;
      }
      unflushed.remove(n.nodeId());
      if (n.durable()) {
        NodeRecord off = n.withStatus(NodeStatus.OFFLINE);
        store.putNode(off);
        nodes.put(n.nodeId(), off);
      } else {
        store.removeNode(n.nodeId());
        nodes.remove(n.nodeId());
        expired.put(n.nodeId(), Remembered.of(n));
      }
      gone.add(n);
      events.emit(
          BusEventType.NODE_EXPIRED,
          "node_id",
          n.nodeId(),
          "durable",
          n.durable(),
          "last_seen",
          n.lastSeen().toString());
    }
    return gone;
  }

  /** Writes the heartbeats since the last flush to the store, in one transaction. */
  public void flush() {
    if (!unflushed.isEmpty()) {
      store.touchNodes(unflushed);
      unflushed.clear();
    }
  }

  /** The node with that id. Any thread. */
  public Optional<NodeRecord> find(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  /** Every node, ordered by id. Any thread. */
  public List<NodeRecord> all() {
    List<NodeRecord> out = new ArrayList<>(nodes.values());
    out.sort(Comparator.comparing(NodeRecord::nodeId));
    return out;
  }

  /** How many nodes are registered (online or offline). Any thread. */
  public int size() {
    return nodes.size();
  }

  private Duration ttl(Duration asked) throws RegistryException {
    if (asked == null) {
      return lifetimes.ttl();
    }
    if (asked.compareTo(lifetimes.maxTtl()) > 0) {
      throw new RegistryException(
          ErrorCode.INVALID_TTL,
          "ttl must be at most " + lifetimes.maxTtl().toSeconds() + " s",
          asked.toMillis() / 1000.0 + "");
    }
    return asked;
  }

  /** Checks the affinity's size and that each entry is a topic pattern; null passes. */
  static void checkAffinity(List<String> affinity) throws RegistryException {
    if (affinity == null) {
      return;
    }
    if (affinity.size() > MAX_AFFINITY) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST,
          "affinity has " + affinity.size() + " patterns; the limit is " + MAX_AFFINITY,
          String.valueOf(affinity.size()));
    }
    for (int i = 0; i < affinity.size(); i++) {
      String p = affinity.get(i);
      try {
        TopicPattern.parse(p);
      } catch (ProtocolException e) {
        throw new RegistryException(
            ErrorCode.INVALID_REQUEST, "affinity[" + i + "]: " + e.getMessage(), p);
      }
    }
  }

  static void checkId(String nodeId) throws RegistryException {
    if (nodeId == null
        || !NODE_ID.matcher(nodeId).matches()
        || nodeId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST,
          "node_id must be 1..255 UTF-8 bytes without whitespace or control characters",
          String.valueOf(nodeId));
    }
    if (nodeId.equals(RESERVED)) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST, "node_id 'registry' is the registry's own", nodeId);
    }
  }
}
