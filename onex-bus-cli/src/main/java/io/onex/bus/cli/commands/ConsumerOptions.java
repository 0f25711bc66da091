package io.onex.bus.cli.commands;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.SubscribeOptions;
import picocli.CommandLine.Option;

/**
 * How a consuming command ({@code subscribe}, {@code event-monitor}) takes events: its queue in the
 * broker, the drop policy, its credit window, and an optional pace that makes it a deliberately
 * slow consumer. Main thread.
 */
final class ConsumerOptions {
  @Option(names = "--queue-size", description = "this subscription's queue bound in the broker")
  Integer queueSize;

  @Option(names = "--drop", description = "drop policy when the queue is full: oldest|newest")
  String drop;

  @Option(
      names = "--credit-window",
      description = "events the bus may send ahead of this consumer (default 65536; 0 = unlimited)")
  Integer creditWindow;

  @Option(
      names = "--consume-rate",
      description = "handle at most this many events/s (a slow consumer)")
  String consumeRate;

  /** Sets the queue, drop policy and credit window on {@code b}; bad values are usage errors. */
  void applyTo(SubscribeOptions.Builder b) {
    if (queueSize != null) {
      if (queueSize < 1) {
        throw new CliException(
            OnexCommand.EXIT_USAGE, "--queue-size must be >= 1, was " + queueSize);
      }
      b.queueSize(queueSize);
    }
    if (creditWindow != null) {
      b.creditWindow(creditWindow);
    }
    if (drop != null) {
      switch (drop) {
        case "oldest" -> b.dropPolicy(SubscribeOptions.DropPolicy.OLDEST);
        case "newest" -> b.dropPolicy(SubscribeOptions.DropPolicy.NEWEST);
        default ->
            throw new CliException(
                OnexCommand.EXIT_USAGE, "--drop must be oldest or newest, was " + drop);
      }
    }
  }

  /** The pace of a deliberately slow consumer; unlimited when not asked for. */
  Rate pace() {
    return Rate.parse(consumeRate);
  }
}
