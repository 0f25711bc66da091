package io.onex.bus.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.RegistryCallException;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.protocol.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * A running deployment as the CLI sees it: its registry, found from {@code --registry}, else {@code
 * ONEX_REGISTRY}, else the state file {@code onex up} wrote under the home ({@code
 * run/registry.endpoint}). Commands ask it for bus endpoints and listings over the registry
 * protocol; they never reach into a registry's or broker's internals. Main thread.
 */
public final class Deployment implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final RegistryClient registry;

  private Deployment(RegistryClient registry) {
    this.registry = registry;
  }

  /** Finds the deployment, or fails with a sentence that says how to point at one. */
  public static Deployment locate(String registryFlag, Path homeFlag) {
    return new Deployment(
        RegistryClient.connect(registryEndpoint(registryFlag, homeFlag), TIMEOUT));
  }

  /** The registry endpoint from the flag, the environment or the state file. */
  public static String registryEndpoint(String registryFlag, Path homeFlag) {
    if (registryFlag != null) {
      return registryFlag;
    }
    String env = System.getenv("ONEX_REGISTRY");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    Path file = OnexHome.resolve(homeFlag, null).registryEndpointFile();
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE,
          "no running registry found ("
              + file
              + " is missing): start one with './onex up', or pass --registry or set"
              + " ONEX_REGISTRY");
    }
  }

  /** The endpoint of bus {@code name}. */
  public String busEndpoint(String name) {
    return ask(r -> r.busEndpoint(name));
  }

  /** A QUERY listing: {@code buses}, {@code nodes}, {@code leases} or {@code topics}. */
  public JsonNode list(String what) {
    return ask(r -> r.query(what));
  }

  /** One node's document. */
  public JsonNode node(String nodeId) {
    return ask(r -> r.node(nodeId));
  }

  /**
   * One call on the registry client, its refusals turned into a {@link CliException} with a
   * sentence: not found, bad input (exit 2, naming where), or anything else (exit 1).
   */
  public <T> T ask(Function<RegistryClient, T> call) {
    try {
      return call.apply(registry);
    } catch (RegistryCallException e) {
      if (e.code() == null) {
        throw new CliException(OnexCommand.EXIT_FAILURE, e.getMessage());
      }
      if (e.code() == ErrorCode.UNKNOWN_BUS
          || e.code() == ErrorCode.UNKNOWN_NODE
          || e.code() == ErrorCode.UNKNOWN_SCHEMA) {
        throw new CliException(
            OnexCommand.EXIT_FAILURE, "not found: " + e.offending() + " (" + e.getMessage() + ")");
      }
      if (e.code() == ErrorCode.INVALID_SCHEMA || e.code() == ErrorCode.INVALID_REQUEST) {
        // What was sent is at fault: say what and where, as a usage error.
        String where = e.offending().isEmpty() ? "" : " (at " + e.offending() + ")";
        throw new CliException(
            OnexCommand.EXIT_USAGE,
            "the registry refused: " + e.code() + " " + e.getMessage() + where);
      }
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "the registry refused: " + e.code() + " " + e.getMessage());
    }
  }

  @Override
  public void close() {
    registry.close();
  }
}
