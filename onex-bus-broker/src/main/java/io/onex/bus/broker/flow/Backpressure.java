package io.onex.bus.broker.flow;

import io.onex.bus.config.FlowConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides when the bus announces backpressure: on when queued bytes (the whole bus, or one topic)
 * pass the high-water mark, off again only below the low-water mark, so the announcement does not
 * flap. Owned by the broker loop thread.
 */
public final class Backpressure {
  /** One change to announce. */
  public record Change(boolean on, String scope, long queuedBytes, long highWater) {}

  private final FlowConfig config;
  private boolean busOn;
  private final Set<String> topicsOn = new HashSet<>();

  public Backpressure(FlowConfig config) {
    this.config = config;
  }

  /** The changes since the last check, given the current queued bytes. */
  public List<Change> check(QueuedBytes queued) {
    List<Change> changes = new ArrayList<>(0);
    long total = queued.total();
    if (!busOn && total > config.highWaterBytes()) {
      busOn = true;
      changes.add(new Change(true, "", total, config.highWaterBytes()));
    } else if (busOn && total < config.lowWaterBytes()) {
      busOn = false;
      changes.add(new Change(false, "", total, config.highWaterBytes()));
    }
    for (var e : queued.topics().entrySet()) {
      long bytes = e.getValue()[0];
      if (bytes > config.topicHighWaterBytes() && topicsOn.add(e.getKey())) {
        changes.add(new Change(true, e.getKey(), bytes, config.topicHighWaterBytes()));
      }
    }
    for (var it = topicsOn.iterator(); it.hasNext(); ) {
      String topic = it.next();
      long bytes = queued.of(topic);
      if (bytes < config.topicHighWaterBytes() / 2) {
        it.remove();
        changes.add(new Change(false, topic, bytes, config.topicHighWaterBytes()));
      }
    }
    return changes;
  }

  public boolean busOn() {
    return busOn;
  }

  /** Scopes currently announced: empty string for the bus, else topics. */
  public List<String> activeScopes() {
    List<String> out = new ArrayList<>(topicsOn);
    if (busOn) {
      out.add("");
    }
    return out;
  }
}
