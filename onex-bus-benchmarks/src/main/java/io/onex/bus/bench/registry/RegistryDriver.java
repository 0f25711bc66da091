package io.onex.bus.bench.registry;

/**
 * How one client talks to the registry: connected once, then driving one {@link ClientScript} per
 * run to its end. Created, used and closed by that client's own thread (a JeroMQ socket must stay
 * on one thread).
 */
interface RegistryDriver extends AutoCloseable {
  /** Sends every request of {@code script} and waits for every answer, counting into {@code t}. */
  void run(ClientScript script, ClientTally t);

  @Override
  void close();
}
