package io.onex.bus.bench.flow;

import java.io.IOException;

/**
 * A server whose memory the memory scenario reads while subscriptions are added to it from a fixed
 * set of client connections. Harness thread only.
 */
interface MemorySystem extends AutoCloseable {
  /**
   * The pattern of subscription {@code j}: half literal, a quarter {@code *}, a quarter {@code >}.
   */
  static String pattern(int j) {
    return switch (j % 4) {
      case 0, 1 -> "mem.s" + j + ".x";
      case 2 -> "mem.s" + j + ".*";
      default -> "mem.s" + j + ".>";
    };
  }

  String name();

  /** What {@link #bytes} reads: {@code heap-after-gc} or {@code rss}. */
  String measure();

  /** Adds subscriptions, round-robin over the connections, until {@code total} are held. */
  void subscribeUpTo(int total) throws Exception;

  /** The server's memory now, once it has settled. */
  long bytes() throws Exception;

  /** Subscriptions the server itself counts. */
  long serverSubscriptions() throws Exception;

  @Override
  void close() throws IOException;
}
