package io.onex.bus.registry;

import io.onex.bus.config.RegistryConfig;
import io.onex.bus.registry.api.RegistryViews;
import io.onex.bus.registry.debug.DebugModes;
import io.onex.bus.registry.events.RegistryEvents;
import io.onex.bus.registry.lease.AllocatedBy;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseManager;
import io.onex.bus.registry.lease.LeaseStatus;
import io.onex.bus.registry.lease.Sleeper;
import io.onex.bus.registry.node.BusRegistry;
import io.onex.bus.registry.node.NodeRegistry;
import io.onex.bus.registry.ports.PortPicker;
import io.onex.bus.registry.ports.PortPickers;
import io.onex.bus.registry.schema.SchemaRegistry;
import io.onex.bus.registry.server.RegistryServer;
import io.onex.bus.registry.store.RegistryStore;
import io.onex.bus.registry.store.SqliteRegistryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * A running registry: its store (one SQLite file), its port picker, its state and its ZeroMQ
 * server. It leases its own port first, so the ports it hands out never include it. Started and
 * closed from one thread (the CLI's main thread); the accessors may be read from any thread.
 */
public final class RegistryNode implements AutoCloseable {
  /** The node id the registry's own lease is held by. */
  public static final String NODE_ID = "registry";

  private final RegistryStore store;
  private final Registry registry;
  private final RegistryEvents events;
  private final SchemaRegistry schemas;
  private final RegistryServer server;

  private RegistryNode(
      RegistryStore store,
      Registry registry,
      RegistryEvents events,
      SchemaRegistry schemas,
      RegistryServer server) {
    this.store = store;
    this.registry = registry;
    this.events = events;
    this.schemas = schemas;
    this.server = server;
  }

  /**
   * Opens the store, binds the registry's endpoint, leases its port and starts serving.
   *
   * @param storeFile the SQLite file (created when missing)
   * @throws IllegalStateException when the store cannot be opened or the endpoint bound
   */
  public static RegistryNode start(RegistryConfig config, Path storeFile, Clock clock) {
    RegistryStore store = SqliteRegistryStore.open(storeFile);
    try {
      RegistryEvents events = new RegistryEvents(clock);
      PortPicker picker = PortPickers.fromEnvironment(config.portserver(), System.getenv());
      LeaseManager leases = new LeaseManager(store, picker, config, clock, Sleeper.REAL, events);
      Registry registry =
          new Registry(
              leases,
              new NodeRegistry(store, config.node(), clock, events),
              new BusRegistry(store),
              DebugModes.load(store, clock),
              clock);
      SchemaRegistry schemas = new SchemaRegistry(store, events, clock);
      Duration reapEvery = min(config.lease().reapInterval(), config.node().reapInterval());
      RegistryServer server =
          RegistryServer.start(
              "tcp://" + config.host() + ":" + (config.port() == 0 ? "*" : config.port()),
              registry,
              schemas,
              reapEvery);
      leaseOwnPort(store, config, clock, server.port());
      return new RegistryNode(store, registry, events, schemas, server);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Records the registry's own port as leased for as long as it runs. A lease on that port left
   * active by a predecessor that was killed is stale: this process holds the port now.
   */
  private static void leaseOwnPort(
      RegistryStore store, RegistryConfig config, Clock clock, int port) {
    for (Lease l : store.activeLeases()) {
      if (l.host().equals(config.host()) && l.port() == port) {
        store.updateLease(l.withStatus(LeaseStatus.RELEASED));
      }
    }
    var now = clock.instant();
    // A registry's own lease never expires while it runs; a century stands for "until stopped".
    Duration forever = Duration.ofDays(36500);
    store.tryInsertLease(
        new Lease(
            "lease-" + UUID.randomUUID(),
            config.host(),
            port,
            "tcp",
            "registry",
            new AllocatedBy(NODE_ID, NODE_ID),
            forever,
            now,
            now,
            now.plus(forever),
            LeaseStatus.ACTIVE));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The registry's ZeroMQ endpoint, e.g. {@code tcp://127.0.0.1:41234}. */
  public String endpoint() {
    return server.endpoint();
  }

  /** The registry's state. */
  public Registry registry() {
    return registry;
  }

  /** The per-topic payload schemas. */
  public SchemaRegistry schemas() {
    return schemas;
  }

  /** The JSON views for the APIs. */
  public RegistryViews views() {
    return new RegistryViews(registry);
  }

  /** Where LEASE_*, NODE_* and SCHEMA_* events go; add a listener to publish them. */
  public RegistryEvents events() {
    return events;
  }

  /** The registry's numbers for metrics. Any thread. */
  public io.onex.bus.observability.metrics.RegistryStats stats() {
    long online = 0;
    long offline = 0;
    for (var n : registry.nodes().all()) {
      if (n.status() == io.onex.bus.registry.node.NodeStatus.ONLINE) {
        online++;
      } else {
        offline++;
      }
    }
    return new io.onex.bus.observability.metrics.RegistryStats(
        registry.leases().active().size(),
        online,
        offline,
        registry.allBuses().size(),
        events.counts());
  }

  /** The server's counters. */
  public RegistryServer server() {
    return server;
  }

  /**
   * Stops serving and closes the store. The registry's own lease is released; other leases stay as
   * they are, so a restarted registry finds them.
   */
  @Override
  public void close() {
    server.close();
    for (Lease l : store.activeLeases()) {
      if (l.allocatedBy().nodeId().equals(NODE_ID) && l.port() == server.port()) {
        store.updateLease(l.withStatus(LeaseStatus.RELEASED));
      }
    }
    store.close();
  }
}
