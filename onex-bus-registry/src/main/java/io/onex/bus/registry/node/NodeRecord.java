package io.onex.bus.registry.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the registry knows about one node: the roadmap's {@code node_id -> {buses, topics, leases,
 * trust, metadata, registered_at, last_seen, status}}. Immutable; any thread.
 *
 * @param nodeId unique id the node chose
 * @param buses names of the buses it uses
 * @param topics what it publishes and subscribes to
 * @param affinity topic patterns of the families the node prefers (a hint the broker may use to
 *     order its work; it never changes what is delivered), empty for none
 * @param leases ids of the leases it holds
 * @param trust trust level, free text until the security issue gives it meaning ({@code unverified}
 *     by default)
 * @param metadata free-form string values the node reported (node type, version, host...)
 * @param registeredAt first registration (kept across rejoins)
 * @param lastSeen last REGISTER or HEARTBEAT
 * @param ttl how long the node stays online without a heartbeat
 * @param durable whether the registration outlives expiry (status offline) or vanishes
 * @param status online or offline
 */
public record NodeRecord(
    String nodeId,
    List<String> buses,
    TopicScope topics,
    List<String> affinity,
    List<String> leases,
    String trust,
    Map<String, String> metadata,
    Instant registeredAt,
    Instant lastSeen,
    Duration ttl,
    boolean durable,
    NodeStatus status) {

  /** Copies the collections and checks presence. */
  public NodeRecord {
    Objects.requireNonNull(nodeId, "nodeId");
    buses = List.copyOf(Objects.requireNonNull(buses, "buses"));
    Objects.requireNonNull(topics, "topics");
    affinity = List.copyOf(Objects.requireNonNull(affinity, "affinity"));
    leases = List.copyOf(Objects.requireNonNull(leases, "leases"));
    Objects.requireNonNull(trust, "trust");
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(status, "status");
  }

  /** When this node expires unless it heartbeats. */
  public Instant expiresAt() {
    return lastSeen.plus(ttl);
  }

  /** This record seen at {@code now}: online again. */
  public NodeRecord seenAt(Instant now) {
    return new NodeRecord(
        nodeId,
        buses,
        topics,
        affinity,
        leases,
        trust,
        metadata,
        registeredAt,
        now,
        ttl,
        durable,
        NodeStatus.ONLINE);
  }

  /** This record with another status. */
  public NodeRecord withStatus(NodeStatus s) {
    return new NodeRecord(
        nodeId,
        buses,
        topics,
        affinity,
        leases,
        trust,
        metadata,
        registeredAt,
        lastSeen,
        ttl,
        durable,
        s);
  }

  /** This record holding {@code leaseIds}. */
  public NodeRecord withLeases(List<String> leaseIds) {
    return new NodeRecord(
        nodeId,
        buses,
        topics,
        affinity,
        leaseIds,
        trust,
        metadata,
        registeredAt,
        lastSeen,
        ttl,
        durable,
        status);
  }
}
