package io.onex.bus.config;

/**
 * Where the HTTP API ({@code /api/v1}, {@code /metrics}) listens. Immutable; any thread.
 *
 * @param host a host name or IPv4 address ({@code 0.0.0.0} for every interface; not {@code *})
 * @param port 0 for an ephemeral port (read back after bind), else 1..65535
 */
public record HttpConfig(String host, int port) {
  static final IntRange PORT = new IntRange("port", 0, PortSpec.MAX_PORT);

  /** Validates host and port; the message names the field. */
  public HttpConfig {
    Hosts.require("host", host, false);
    PORT.require(port);
  }
}
