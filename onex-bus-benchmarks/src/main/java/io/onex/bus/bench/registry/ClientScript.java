package io.onex.bus.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.registry.RegistryCommand;

/**
 * One client's share of a workload in one run: the requests it starts, and the request, if any,
 * that an OK answer leads to (a lease grant leads to its release). Drivers decide how many are in
 * flight. Created per run and used by that client's thread only.
 */
interface ClientScript {
  /** The next request to start, or null when this client has started its whole share. */
  Call next();

  /** The request that the OK answer {@code reply} to {@code call} leads to, or null. */
  Call answered(Call call, ObjectNode reply);

  /** One request: its command and its body, without {@code request_id}. Immutable. */
  record Call(RegistryCommand command, ObjectNode body) {}
}
