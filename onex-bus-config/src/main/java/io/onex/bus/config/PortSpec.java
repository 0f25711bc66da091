package io.onex.bus.config;

/**
 * How a bus gets its TCP port: {@link Ephemeral} (the kernel picks; read back after bind), one
 * {@link Fixed} port, or a {@link Range} from which the registry's lease allocator will pick. Until
 * that allocator exists a range binds like an ephemeral port. All implementations are immutable
 * records; any thread.
 */
public sealed interface PortSpec {
  /** The highest TCP port. */
  int MAX_PORT = 65535;

  /** The kernel picks a free port. */
  static PortSpec ephemeral() {
    return Ephemeral.INSTANCE;
  }

  /** Exactly {@code port}, 1..65535. */
  static PortSpec fixed(int port) {
    return new Fixed(port);
  }

  /** Any port from {@code from} to {@code to}, both included. */
  static PortSpec range(int from, int to) {
    return new Range(from, to);
  }

  /**
   * Parses the text form of the {@code port} key: {@code 0} or {@code *} (ephemeral), {@code 5555}
   * (fixed) or {@code 40000-40999} (range).
   *
   * @throws IllegalArgumentException whose message is the reason, without the key
   */
  static PortSpec parse(String text) {
    return PortText.parse(text);
  }

  /** The port part of a ZeroMQ bind endpoint: the number when fixed, else {@code *}. */
  String bindPort();

  /** Whether this spec may end up on {@code port}; never for ephemeral. */
  boolean contains(int port);

  /** The form {@link #parse} reads back: {@code 0}, {@code 5555} or {@code 40000-40999}. */
  String text();

  /** Any free port, chosen by the kernel at bind time. */
  record Ephemeral() implements PortSpec {
    static final Ephemeral INSTANCE = new Ephemeral();

    @Override
    public String bindPort() {
      return "*";
    }

    @Override
    public boolean contains(int port) {
      return false;
    }

    @Override
    public String text() {
      return "0";
    }
  }

  /** One fixed port, 1..65535. */
  record Fixed(int port) implements PortSpec {
    private static final IntRange PORT = new IntRange("port", 1, MAX_PORT);

    /** Validates the port number. */
    public Fixed {
      PORT.require(port);
    }

    @Override
    public String bindPort() {
      return Integer.toString(port);
    }

    @Override
    public boolean contains(int p) {
      return p == port;
    }

    @Override
    public String text() {
      return Integer.toString(port);
    }
  }

  /** A pool of ports {@code from..to} (both included) for the lease allocator. */
  record Range(int from, int to) implements PortSpec {
    /** Validates the bounds: 1..65535 and low to high. */
    public Range {
      if (from < 1 || to > MAX_PORT) {
        throw new IllegalArgumentException(
            "port range must lie within 1-" + MAX_PORT + " (was " + from + "-" + to + ")");
      }
      if (from > to) {
        throw new IllegalArgumentException(
            "port range must go from low to high (was " + from + "-" + to + ")");
      }
    }

    /** How many ports the range holds. */
    public int size() {
      return to - from + 1;
    }

    /** Ranges bind ephemerally until the lease allocator exists. */
    @Override
    public String bindPort() {
      return "*";
    }

    @Override
    public boolean contains(int port) {
      return port >= from && port <= to;
    }

    @Override
    public String text() {
      return from + "-" + to;
    }
  }
}
