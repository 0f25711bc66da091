package io.onex.bus.broker.stats;

import java.util.List;

/**
 * One connected session as the registry sees it: the node id its HELLO named and the patterns it
 * subscribes to. Immutable; any thread.
 */
public record ConnectionView(String nodeId, List<String> subscriptions) {
  /** Copies the list. */
  public ConnectionView {
    subscriptions = List.copyOf(subscriptions);
  }
}
