package io.onex.bus.cli.commands;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.cli.deploy.Deployment;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.BusConnectException;
import java.nio.file.Path;
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

  @Option(
      names = "--http",
      description = "HTTP API of the deployment (default: $ONEX_HTTP or the state file)")
  String http;

  @Option(
      names = "--home",
      description = "state directory of the deployment (default: $ONEX_HOME or ~/.onex)")
  Path home;

  @Option(names = "--node-id", description = "node id to present (default: onex-cli-<pid>)")
  String nodeId;

  /** Connects to the bus, or fails with one sentence. */
  BusClient connect() {
    String target = endpoint != null ? endpoint : Deployment.locate(http, home).busEndpoint(bus);
    String node = nodeId != null ? nodeId : "onex-cli-" + ProcessHandle.current().pid();
    try {
      return BusClient.connect(BusClientOptions.builder().endpoint(target).nodeId(node).build());
    } catch (BusConnectException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE,
          "cannot connect to bus " + bus + " at " + target + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, e.getMessage());
    }
  }
}
