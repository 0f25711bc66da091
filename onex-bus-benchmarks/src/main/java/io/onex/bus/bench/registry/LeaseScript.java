package io.onex.bus.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;

/**
 * {@code pairs} lease grants (any port, 10-minute TTL), each released as soon as it is granted, as
 * a node that leases a port and gives it back would. A grant that is refused has no release. One
 * client's thread.
 */
final class LeaseScript implements ClientScript {
  static final int TTL_SECONDS = 600;
  private final String nodeId;
  private final int pairs;
  private int started;

  LeaseScript(int client, int pairs) {
    this.nodeId = "bench-lease-" + client;
    this.pairs = pairs;
  }

  @Override
  public Call next() {
    if (started == pairs) {
      return null;
    }
    started++;
    ObjectNode b = RegistryCodec.object();
    b.put("requester_id", nodeId + "-" + started);
    b.put("node_id", nodeId);
    b.put("ttl", TTL_SECONDS);
    return new Call(RegistryCommand.LEASE_REQUEST, b);
  }

  @Override
  public Call answered(Call call, ObjectNode reply) {
    if (call.command() != RegistryCommand.LEASE_REQUEST) {
      return null;
    }
    ObjectNode b = RegistryCodec.object();
    b.put("lease_id", reply.path("lease").path("lease_id").asText());
    return new Call(RegistryCommand.LEASE_RELEASE, b);
  }
}
