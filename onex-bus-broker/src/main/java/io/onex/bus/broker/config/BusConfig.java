package io.onex.bus.broker.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Everything one bus broker is configured with, defaults already merged. Immutable; any thread. */
public record BusConfig(
    String name,
    String host,
    PortSpec port,
    Settings.Queue queue,
    Settings.Limits limits,
    Settings.Heartbeat heartbeat,
    Settings.Logging logging,
    Settings.Shutdown shutdown,
    Settings.Metadata metadata) {

  /** The ZeroMQ endpoint to bind, {@code tcp://host:port} with {@code *} for "any port". */
  public String bindEndpoint() {
    return "tcp://" + host + ":" + port.bindPort();
  }

  /** SHA-256 (hex) of this bus's resolved configuration: equal configs, equal digests. */
  public String digest() {
    return sha256(toString());
  }

  static String sha256(String canonical) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
