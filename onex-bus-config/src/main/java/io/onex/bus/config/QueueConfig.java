package io.onex.bus.config;

import java.util.Objects;

/**
 * The default bound and drop policy of every subscription queue on a bus (a SUBSCRIBE may ask for
 * its own). Immutable; any thread.
 *
 * @param size events a subscription may have queued, 1..10,000,000
 * @param drop which events go when the queue is full
 */
public record QueueConfig(int size, DropPolicy drop) {
  /** The largest queue bound accepted. */
  public static final int MAX_SIZE = 10_000_000;

  static final IntRange SIZE = new IntRange("size", 1, MAX_SIZE);

  /** Validates the bound; the message names the field. */
  public QueueConfig {
    SIZE.require(size);
    Objects.requireNonNull(drop, "drop");
  }
}
