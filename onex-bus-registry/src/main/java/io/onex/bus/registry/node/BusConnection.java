package io.onex.bus.registry.node;

import java.util.List;
import java.util.Objects;

/**
 * One node connected to a bus, as the bus's broker reports it: the node id its HELLO named and the
 * patterns it subscribes to there. Immutable; any thread.
 *
 * @param nodeId the node id from HELLO
 * @param subscriptions its subscription patterns on that bus
 */
public record BusConnection(String nodeId, List<String> subscriptions) {
  /** Copies the list. */
  public BusConnection {
    Objects.requireNonNull(nodeId, "nodeId");
    subscriptions = List.copyOf(subscriptions);
  }
}
