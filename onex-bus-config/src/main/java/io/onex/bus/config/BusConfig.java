package io.onex.bus.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one bus broker is configured with, defaults already merged: the loader has resolved
 * every key, so a broker never looks anything up elsewhere. Immutable; any thread.
 *
 * @param name unique bus name, {@code [a-z0-9][a-z0-9_-]{0,62}}
 * @param host bind address of the bus socket; {@code *} means every interface
 * @param port ephemeral, fixed or a range
 * @param policy who may receive what (empty: everything allowed)
 * @param flow backpressure marks and per-topic queue settings
 * @param schema schema enforcement: modes per bus and topic pattern, limits
 * @param metrics per-topic counting and its cardinality cap
 */
public record BusConfig(
    String name,
    String host,
    PortSpec port,
    QueueConfig queue,
    LimitsConfig limits,
    HeartbeatConfig heartbeat,
    LoggingConfig logging,
    ShutdownConfig shutdown,
    BusMetadata metadata,
    PolicyConfig policy,
    FlowConfig flow,
    SchemaConfig schema,
    MetricsConfig metrics) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** Validates name and host and that nothing is missing; the message names the field. */
  public BusConfig {
    String p = nameProblem(name);
    if (p != null) {
      throw new IllegalArgumentException("name " + p);
    }
    Hosts.require("host", host, true);
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * A bus without a policy, with the default flow and metrics settings and the default schema mode
   * for its name.
   */
  public BusConfig(
      String name,
      String host,
      PortSpec port,
      QueueConfig queue,
      LimitsConfig limits,
      HeartbeatConfig heartbeat,
      LoggingConfig logging,
      ShutdownConfig shutdown,
      BusMetadata metadata) {
    this(
        name,
        host,
        port,
        queue,
        limits,
        heartbeat,
        logging,
        shutdown,
        metadata,
        PolicyConfig.NONE,
        FlowConfig.DEFAULT,
        SchemaConfig.defaultFor(name == null ? "" : name),
        MetricsConfig.DEFAULT);
  }

  /** This bus on another port (the one its lease gave it, say). */
  public BusConfig withPort(PortSpec newPort) {
    return new BusConfig(
        name, host, newPort, queue, limits, heartbeat, logging, shutdown, metadata, policy, flow,
        schema, metrics);
  }

  /** Whether {@code name} is a valid bus name: lower case, digits, {@code _}, {@code -}. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  static String nameProblem(String name) {
    return isValidName(name)
        ? null
        : "must match [a-z0-9][a-z0-9_-]{0,62}, e.g. telemetry (was '" + name + "')";
  }

  /**
   * The ZeroMQ endpoint to bind: {@code tcp://host:port}, with {@code *} as the port when it is
   * ephemeral or a range (JeroMQ's "any free port"; read the real one back after bind).
   */
  public String bindEndpoint() {
    return "tcp://" + host + ":" + port.bindPort();
  }

  /**
   * This bus's resolved configuration as canonical JSON (keys sorted, durations in their shortest
   * exact spelling): the input of {@link #digest()}, and fit to show to an operator.
   */
  public String canonicalJson() {
    return Canonical.json(Canonical.of(this));
  }

  /** SHA-256 (lower-case hex) of {@link #canonicalJson()}: equal configs, equal digests. */
  public String digest() {
    return Canonical.sha256(canonicalJson());
  }
}
