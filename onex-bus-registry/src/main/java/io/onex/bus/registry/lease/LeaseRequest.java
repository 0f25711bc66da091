package io.onex.bus.registry.lease;

import io.onex.bus.config.PortSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A request for a port: ONEX's {@code PortRequestModel} fields ({@code requester_id}, {@code
 * protocol}, {@code preferred_port}, {@code ttl}, {@code requested_at}) plus the node it belongs
 * to, a purpose that selects the range policy, and an optional range of the requester's own (a bus
 * configured with {@code port: 40000-40999}). Immutable; any thread.
 *
 * @param requesterId who asks; never empty
 * @param nodeId the registered node it belongs to, or empty
 * @param protocol {@code tcp} or {@code udp}
 * @param preferredPort the port wanted, or 0 for any
 * @param ttl the lease's time to live, or null for the registry's default
 * @param requestedAt when the requester asked, or null
 * @param purpose what the port is for; empty when not given
 * @param range the requester's own allowed ports, or null
 * @param alreadyBound the requester already has {@code preferredPort} bound (a broker whose lease
 *     lapsed while it kept serving): the registry does not probe the port, only its leases
 */
public record LeaseRequest(
    String requesterId,
    String nodeId,
    String protocol,
    int preferredPort,
    Duration ttl,
    Instant requestedAt,
    String purpose,
    PortSpec.Range range,
    boolean alreadyBound) {

  /** Checks presence. */
  public LeaseRequest {
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(purpose, "purpose");
  }

  /** A request from a requester that has not bound the port. */
  public LeaseRequest(
      String requesterId,
      String nodeId,
      String protocol,
      int preferredPort,
      Duration ttl,
      Instant requestedAt,
      String purpose,
      PortSpec.Range range) {
    this(requesterId, nodeId, protocol, preferredPort, ttl, requestedAt, purpose, range, false);
  }

  /** A TCP request for any port for {@code purpose}, default TTL. */
  public static LeaseRequest any(String requesterId, String purpose) {
    return new LeaseRequest(requesterId, "", "tcp", 0, null, null, purpose, null);
  }
}
