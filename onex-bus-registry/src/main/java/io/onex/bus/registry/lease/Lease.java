package io.onex.bus.registry.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One port lease (ARCHITECTURE.md section 6): which port on which host is held by whom, for what,
 * until when. Only {@link LeaseStatus#ACTIVE} leases hold their port; the store keeps at most one
 * active lease per host and port. Immutable; any thread.
 *
 * @param leaseId unique id, never reused
 * @param host the host the port is on
 * @param port 1..65535
 * @param protocol {@code tcp} or {@code udp}
 * @param purpose what the port is for (a bus name, {@code telemetry}, a node type...); selects the
 *     range policy
 * @param allocatedBy the holder
 * @param ttl how long one heartbeat keeps the lease alive
 * @param portAllocationTs when the port was granted
 * @param lastHeartbeatTs the last grant or renewal
 * @param expiresAt when the reaper may expire it unless renewed
 * @param status active, released or expired
 */
public record Lease(
    String leaseId,
    String host,
    int port,
    String protocol,
    String purpose,
    AllocatedBy allocatedBy,
    Duration ttl,
    Instant portAllocationTs,
    Instant lastHeartbeatTs,
    Instant expiresAt,
    LeaseStatus status) {

  /** Checks presence and the port number. */
  public Lease {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(allocatedBy, "allocatedBy");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(portAllocationTs, "portAllocationTs");
    Objects.requireNonNull(lastHeartbeatTs, "lastHeartbeatTs");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(status, "status");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535 (was " + port + ")");
    }
  }

  /** This lease heartbeated at {@code now}: alive for another {@link #ttl()}. */
  public Lease renewedAt(Instant now) {
    return new Lease(
        leaseId,
        host,
        port,
        protocol,
        purpose,
        allocatedBy,
        ttl,
        portAllocationTs,
        now,
        now.plus(ttl),
        status);
  }

  /** This lease with another status; the timestamps stay as they were. */
  public Lease withStatus(LeaseStatus newStatus) {
    return new Lease(
        leaseId,
        host,
        port,
        protocol,
        purpose,
        allocatedBy,
        ttl,
        portAllocationTs,
        lastHeartbeatTs,
        expiresAt,
        newStatus);
  }

  /** Whether this lease is active and its time ran out at {@code now}. */
  public boolean isStaleAt(Instant now) {
    return status == LeaseStatus.ACTIVE && !expiresAt.isAfter(now);
  }
}
