package io.onex.bus.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;

/**
 * {@code count} heartbeats, round-robin over the registered nodes: client {@code c} of {@code C}
 * beats for nodes {@code c}, {@code c+C}, {@code c+2C}, ... (modulo the node count), so the clients
 * together cover every node evenly. One client's thread.
 */
final class HeartbeatScript implements ClientScript {
  private final int nodes;
  private final int stride;
  private final int count;
  private int next;
  private int started;

  HeartbeatScript(int client, int clients, int nodes, int count) {
    this.nodes = nodes;
    this.stride = clients;
    this.count = count;
    this.next = client % nodes;
  }

  @Override
  public Call next() {
    if (started == count) {
      return null;
    }
    started++;
    ObjectNode b = RegistryCodec.object();
    b.put("node_id", RegisterScript.nodeId(next));
    next = (next + stride) % nodes;
    return new Call(RegistryCommand.HEARTBEAT, b);
  }

  @Override
  public Call answered(Call call, ObjectNode reply) {
    return null;
  }
}
