package io.onex.bus.registry.lease;

import java.util.Objects;

/**
 * Who holds a lease: the registered node it belongs to and the requester identity inside that node
 * (ONEX's {@code PortRequestModel.requester_id}). Immutable; any thread.
 *
 * @param nodeId the node's id; may be empty when a requester leases without registering
 * @param requesterId the requester identity; never empty
 */
public record AllocatedBy(String nodeId, String requesterId) {
  /** Checks presence. */
  public AllocatedBy {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(requesterId, "requesterId");
  }
}
