package io.onex.bus.cli.commands;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.cli.deploy.Deployment;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.BusConnectException;
import io.onex.bus.client.ClientMetrics;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to one bus shares, and the connection they lead to. Main
 * thread.
 */
public final class BusOptions {
  @Option(
      names = "--bus",
      defaultValue = "user",
      description = "bus name (default: ${DEFAULT-VALUE})")
  String bus;

  @Option(
      names = "--endpoint",
      description = "connect to this bus endpoint directly (tcp://HOST:PORT)")
  String endpoint;

  @Mixin RegistryOptions where = new RegistryOptions();

  @Option(names = "--node-id", description = "node id to present (default: onex-cli-<pid>)")
  String nodeId;

  /** Connects to the bus, or fails with one sentence. */
  BusClient connect() {
    return connect(null);
  }

  /** The same, recording delivery latency in {@code metrics} (null = none). */
  BusClient connect(ClientMetrics metrics) {
    String target = endpoint;
    if (target == null) {
      try (Deployment d = where.locate()) {
        target = d.busEndpoint(bus);
      }
    }
    String node = nodeId != null ? nodeId : "onex-cli-" + ProcessHandle.current().pid();
    try {
      return BusClient.connect(
          BusClientOptions.builder().endpoint(target).nodeId(node).metrics(metrics).build());
    } catch (BusConnectException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE,
          "cannot connect to bus " + bus + " at " + target + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, e.getMessage());
    }
  }
}
