package io.onex.bus.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code endpoint: tcp://HOST:PORT} form of a bus address, the alternative to {@code host} and
 * {@code port}. The port is a number or {@code *} (ephemeral); ranges need the {@code port} key.
 * Immutable; any thread.
 */
record Endpoint(String host, PortSpec port) {
  private static final Pattern TCP = Pattern.compile("tcp://(.*):([^:]*)");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException whose message is the reason, without the key
   */
  static Endpoint parse(String text) {
    Matcher m = TCP.matcher(text);
    if (!text.startsWith("tcp://") || !m.matches()) {
      throw new IllegalArgumentException(
          "must look like tcp://HOST:PORT, e.g. tcp://127.0.0.1:5555 or tcp://127.0.0.1:* (was '"
              + text
              + "')");
    }
    String hostProblem = Hosts.problem(m.group(1), true);
    if (hostProblem != null) {
      throw new IllegalArgumentException("host " + hostProblem);
    }
    return new Endpoint(m.group(1), port(m.group(2)));
  }

  private static PortSpec port(String text) {
    if (text.equals("*")) {
      return PortSpec.ephemeral();
    }
    if (!NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "port must be a number 0-65535 or * (was '"
              + text
              + "'); a port range needs the port key instead of endpoint");
    }
    int p = Integer.parseInt(text);
    if (p > PortSpec.MAX_PORT) {
      throw new IllegalArgumentException(
          "port must be <= " + PortSpec.MAX_PORT + " (was " + p + ")");
    }
    return p == 0 ? PortSpec.ephemeral() : PortSpec.fixed(p);
  }
}
