package io.onex.bus.broker.config;

/**
 * How a bus gets its port: ephemeral ({@code 0} or {@code *}: the kernel picks, read back after
 * bind), one fixed port, or a range (the registry's lease allocator picks within it; until then a
 * range binds ephemerally). Immutable; any thread.
 */
public record PortSpec(int from, int to) {
  public static final PortSpec EPHEMERAL = new PortSpec(0, 0);

  public PortSpec {
    if (from < 0 || to > 65535 || from > to || (from == 0) != (to == 0)) {
      throw new IllegalArgumentException("bad port spec " + from + "-" + to);
    }
  }

  public static PortSpec fixed(int port) {
    return new PortSpec(port, port);
  }

  public boolean isEphemeral() {
    return from == 0;
  }

  public boolean isFixed() {
    return from != 0 && from == to;
  }

  public boolean isRange() {
    return from != to;
  }

  /** Whether {@code port} lies in this spec (never for ephemeral). */
  public boolean contains(int port) {
    return !isEphemeral() && port >= from && port <= to;
  }

  /** The port part of a ZeroMQ bind endpoint. */
  public String bindPort() {
    return isFixed() ? Integer.toString(from) : "*";
  }

  @Override
  public String toString() {
    return isEphemeral() ? "0" : isFixed() ? Integer.toString(from) : from + "-" + to;
  }
}
