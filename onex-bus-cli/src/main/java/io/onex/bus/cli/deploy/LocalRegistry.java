package io.onex.bus.cli.deploy;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.config.OnexConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.http.RegistryHttpApi;
import io.onex.bus.registry.store.StoreException;
import java.time.Clock;

/**
 * The registry node and its HTTP API as one process runs them: the store under the home, the ZeroMQ
 * endpoint, the HTTP address, and the state files other commands find them by. Main thread.
 */
public final class LocalRegistry implements AutoCloseable {
  private final RegistryNode node;
  private final RegistryHttpApi http;
  private final RegistryEventPublisher publisher = new RegistryEventPublisher();
  private final OnexHome home;

  private LocalRegistry(RegistryNode node, RegistryHttpApi http, OnexHome home) {
    this.node = node;
    this.http = http;
    this.home = home;
    node.events().listen(publisher);
  }

  /**
   * Starts the registry and its HTTP API, and writes the state files.
   *
   * @param metrics the process's metrics, served at {@code /metrics}; the registry's are added
   */
  public static LocalRegistry start(OnexConfig cfg, OnexHome home, ProcessMetrics metrics) {
    RegistryNode node;
    try {
      node = RegistryNode.start(cfg.registry(), home.registryStore(), Clock.systemUTC());
    } catch (StoreException | IllegalStateException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot start the registry: " + e.getMessage());
    }
    metrics.setRegistry(node::stats);
    RegistryHttpApi http;
    try {
      http =
          RegistryHttpApi.start(cfg.http(), node.views(), node.schemas(), metrics, node.registry());
    } catch (RuntimeException e) {
      node.close();
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot start the HTTP API: " + e.getMessage());
    }
    StateFiles.writeRegistryEndpoint(home, node.endpoint());
    StateFiles.writeHttpEndpoint(home, http.url());
    return new LocalRegistry(node, http, home);
  }

  /** The registry's ZeroMQ endpoint. */
  public String endpoint() {
    return node.endpoint();
  }

  /** The HTTP API's base URL. */
  public String httpUrl() {
    return http.url();
  }

  /** Publishes the registry's events once a bus is attached. */
  public RegistryEventPublisher publisher() {
    return publisher;
  }

  @Override
  public void close() {
    publisher.detach();
    http.close();
    node.close();
    StateFiles.remove(home);
  }
}
