package io.onex.bus.registry.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a REGISTER says: the node, its buses, topics and topic affinity, trust and metadata, how
 * long it lives without heartbeats, whether it outlives expiry, and, for a bus broker, the bus it
 * serves. Immutable; any thread.
 *
 * @param nodeId the node's id
 * @param buses the buses it uses
 * @param topics what it publishes and subscribes to; empty on a rejoin restores the previous ones
 * @param affinity topic patterns of the families the node prefers, or null when not given (a rejoin
 *     then keeps the previous ones; a first registration has none); empty clears them
 * @param trust trust level, or null for {@code unverified}
 * @param metadata free-form strings
 * @param ttl registration TTL, or null for the registry's default
 * @param durable whether the registration stays (offline) after expiry
 * @param bus the bus this node serves as its broker, or null
 */
public record NodeRegistration(
    String nodeId,
    List<String> buses,
    TopicScope topics,
    List<String> affinity,
    String trust,
    Map<String, String> metadata,
    Duration ttl,
    boolean durable,
    BusRegistration bus) {

  /** Copies the collections. */
  public NodeRegistration {
    Objects.requireNonNull(nodeId, "nodeId");
    buses = List.copyOf(buses);
    Objects.requireNonNull(topics, "topics");
    affinity = affinity == null ? null : List.copyOf(affinity);
    metadata = Map.copyOf(metadata);
  }

  /** A plain ephemeral node with no topics. */
  public static NodeRegistration of(String nodeId) {
    return new NodeRegistration(
        nodeId, List.of(), TopicScope.NONE, null, null, Map.of(), null, false, null);
  }

  /**
   * The bus part of a broker's REGISTER. Immutable; any thread.
   *
   * @param name the bus name
   * @param endpoint where nodes connect
   * @param leaseId the lease holding the bus's port, or empty
   * @param metadata the bus's typed metadata
   */
  public record BusRegistration(
      String name, String endpoint, String leaseId, io.onex.bus.config.BusMetadata metadata) {
    /** Checks presence. */
    public BusRegistration {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(leaseId, "leaseId");
      Objects.requireNonNull(metadata, "metadata");
    }
  }
}
