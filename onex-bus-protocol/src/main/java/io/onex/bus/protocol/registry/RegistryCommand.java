package io.onex.bus.protocol.registry;

import java.nio.charset.StandardCharsets;

/**
 * The requests the registry answers, named on the wire by their constant's name in ASCII.
 * Immutable; any thread.
 */
public enum RegistryCommand {
  /** Register a node (or a bus broker with its bus), or register again after expiry. */
  REGISTER,
  /** Remove a node and release its leases. */
  DEREGISTER,
  /** A node is alive; a broker adds its bus's subscriber count and connections. */
  HEARTBEAT,
  /** Ask for a port lease (ONEX's PortRequestModel). */
  LEASE_REQUEST,
  /** Keep a lease alive. */
  LEASE_RENEW,
  /** Give a lease back, or report that its port could not be bound. */
  LEASE_RELEASE,
  /** Read the registry: buses, nodes, leases, topics. */
  QUERY,
  /** Register a version of a topic pattern's payload schema (idempotent for the same document). */
  SCHEMA_REGISTER,
  /** One schema version of a bus and topic pattern, the latest by default. */
  SCHEMA_GET,
  /** The current schema of every (bus, topic pattern), and each bus's schema revision. */
  SCHEMA_LIST,
  /** Delete a topic pattern's schema; its history is kept. */
  SCHEMA_DELETE,
  /** Every version of a bus and topic pattern's schema, deleted ones included. */
  SCHEMA_HISTORY;

  private final byte[] wire = name().getBytes(StandardCharsets.US_ASCII);

  /** The command frame. */
  public byte[] wire() {
    return wire.clone();
  }

  /** The command a frame names, or null when it names none. */
  public static RegistryCommand fromWire(byte[] frame) {
    String s = new String(frame, StandardCharsets.US_ASCII);
    for (RegistryCommand c : values()) {
      if (c.name().equals(s)) {
        return c;
      }
    }
    return null;
  }
}
