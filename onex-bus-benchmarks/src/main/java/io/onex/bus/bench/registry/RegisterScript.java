package io.onex.bus.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;

/**
 * Registers client {@code c}'s share of the benchmark's nodes ({@code c}, {@code c+C}, ...), each
 * with a one-hour TTL so that none expires during the run. One client's thread.
 */
final class RegisterScript implements ClientScript {
  static final int TTL_SECONDS = 3600;
  private final int stride;
  private final int nodes;
  private int next;

  RegisterScript(int client, int clients, int nodes) {
    this.stride = clients;
    this.nodes = nodes;
    this.next = client;
  }

  /** The id of benchmark node {@code i}. */
  static String nodeId(int i) {
    return String.format("bench-node-%05d", i);
  }

  @Override
  public Call next() {
    if (next >= nodes) {
      return null;
    }
    ObjectNode b = RegistryCodec.object();
    b.put("node_id", nodeId(next));
    b.put("ttl", TTL_SECONDS);
    next += stride;
    return new Call(RegistryCommand.REGISTER, b);
  }

  @Override
  public Call answered(Call call, ObjectNode reply) {
    return null;
  }
}
