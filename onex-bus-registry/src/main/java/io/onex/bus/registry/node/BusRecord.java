package io.onex.bus.registry.node;

import io.onex.bus.config.BusMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One bus in the registry: name to endpoint, its port lease, typed metadata, and what its broker
 * last reported (subscriber count, connected nodes and their topic scope). Immutable; any thread.
 *
 * @param name the bus name
 * @param endpoint the ZeroMQ endpoint nodes connect to, {@code tcp://host:port}
 * @param leaseId the lease the broker's port is held by; empty when the port was not leased
 * @param metadata purpose, qos, debug flag and extras from the bus's config
 * @param subscriberCount subscriptions on the bus at the last report
 * @param connections the nodes connected at the last report
 * @param registeredAt when the broker registered the bus
 * @param lastSeen the broker's last report
 */
public record BusRecord(
    String name,
    String endpoint,
    String leaseId,
    BusMetadata metadata,
    int subscriberCount,
    List<BusConnection> connections,
    Instant registeredAt,
    Instant lastSeen) {

  /** Copies the list and checks presence. */
  public BusRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(metadata, "metadata");
    connections = List.copyOf(connections);
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
