package io.onex.bus.config;

import java.util.regex.Pattern;

/**
 * Bind addresses: a host name, an IPv4 address, or (for bus sockets only) {@code *} for every
 * interface. IPv6 is refused until the transport enables it on its sockets. Stateless; any thread.
 */
final class Hosts {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

  private Hosts() {}

  /**
   * What is wrong with {@code host}, or null.
   *
   * @param wildcardAllowed whether {@code *} is accepted (ZeroMQ yes, the HTTP server no)
   */
  static String problem(String host, boolean wildcardAllowed) {
    if (host == null) {
      return "must not be null";
    }
    if (host.equals("*")) {
      return wildcardAllowed ? null : "must be a host name or IPv4 address; use 0.0.0.0, not *";
    }
    if (!NAME.matcher(host).matches()) {
      return "must be a host name or IPv4 address"
          + (wildcardAllowed ? ", or * for every interface" : "")
          + " (was '"
          + host
          + "')";
    }
    return null;
  }

  /** For compact constructors. */
  static String require(String key, String host, boolean wildcardAllowed) {
    String p = problem(host, wildcardAllowed);
    if (p != null) {
      throw new IllegalArgumentException(key + " " + p);
    }
    return host;
  }

  /**
   * Whether binds on {@code a} and {@code b} can collide on one port. Names are compared as written
   * ({@code localhost} and {@code 127.0.0.1} are different) except that a wildcard address collides
   * with every host, as the kernel refuses that pair too.
   */
  static boolean overlap(String a, String b) {
    return a.equals(b) || isWildcard(a) || isWildcard(b);
  }

  private static boolean isWildcard(String host) {
    return host.equals("*") || host.equals("0.0.0.0");
  }
}
