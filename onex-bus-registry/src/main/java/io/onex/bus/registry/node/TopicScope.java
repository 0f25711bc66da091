package io.onex.bus.registry.node;

import java.util.List;
import java.util.Objects;

/**
 * The topics a node says it publishes and the patterns it subscribes to. Immutable; any thread.
 *
 * @param publish topics (no wildcards)
 * @param subscribe patterns
 */
public record TopicScope(List<String> publish, List<String> subscribe) {
  /** No topics. */
  public static final TopicScope NONE = new TopicScope(List.of(), List.of());

  /** Copies the lists. */
  public TopicScope {
    publish = List.copyOf(Objects.requireNonNull(publish, "publish"));
    subscribe = List.copyOf(Objects.requireNonNull(subscribe, "subscribe"));
  }

  /** Whether neither list has anything. */
  public boolean isEmpty() {
    return publish.isEmpty() && subscribe.isEmpty();
  }
}
