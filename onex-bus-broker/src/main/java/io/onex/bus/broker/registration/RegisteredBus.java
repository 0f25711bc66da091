package io.onex.bus.broker.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.broker.Broker;
import io.onex.bus.broker.BrokerStartException;
import io.onex.bus.broker.lifecycle.SystemEvents;
import io.onex.bus.client.RegistryCallException;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.PortSpec;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.protocol.registry.RegistryCodec;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bus broker that lives in the registry: it leases its port there (honouring a fixed port or a
 * range from its config), binds it, registers the bus, then heartbeats once per interval with the
 * bus's subscriber count, connections and counters, and renews its lease. The heartbeat's reply
 * carries the bus's run-time settings (debug mode, schema revision), which {@link BusSettings}
 * hands to the broker. A port it cannot bind is reported ({@code bind_failed}) and another leased,
 * with exponential backoff up to the retry limit (EVENT_RETRY, EVENT_RETRY_LIMIT_EXCEEDED). On
 * close the broker stops first, then the node deregisters, which releases the lease.
 *
 * <p>Started and closed from one thread; the heartbeat runs on its own thread ({@code
 * onex-registration-<bus>}).
 */
public final class RegisteredBus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegisteredBus.class);
  private static final Duration NODE_TTL = Duration.ofSeconds(10);

  private final Broker broker;
  private final RegistryClient registry;
  private final String nodeId;
  private final ScheduledExecutorService heartbeats;

  private final BusReport report;
  private final BusSettings settings;
  private volatile String leaseId;
  private volatile long nextRenewNanos;
  private final long renewEveryNanos;

  private RegisteredBus(
      Broker broker, RegistryClient registry, String leaseId, double leaseTtlSeconds) {
    this.broker = broker;
    this.registry = registry;
    this.nodeId = SystemEvents.brokerNodeId(broker.name());
    this.leaseId = leaseId;
    this.report = new BusReport(broker);
    this.settings = new BusSettings(broker, registry);
    this.renewEveryNanos = (long) (leaseTtlSeconds * 1e9 / 3);
    this.nextRenewNanos = System.nanoTime() + renewEveryNanos;
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "onex-registration-" + broker.name());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Leases a port, starts the broker on it and registers the bus.
   *
   * @param heartbeatEvery how often to heartbeat and report
   * @throws BrokerStartException when no port could be leased and bound, or the registry refused
   */
  public static RegisteredBus start(
      BusConfig config,
      RegistryClient registry,
      RegistryConfig.RetryPolicy retry,
      Duration heartbeatEvery) {
    String nodeId = SystemEvents.brokerNodeId(config.name());
    for (int attempt = 1; ; attempt++) {
      ObjectNode lease = lease(config, registry, nodeId);
      int port = lease.path("port").asInt();
      String leaseId = lease.path("lease_id").asText();
      Broker broker;
      try {
        broker = Broker.start(config.withPort(PortSpec.fixed(port)));
      } catch (BrokerStartException e) {
        releaseQuietly(registry, leaseId, true);
        if (attempt >= retry.attempts()) {
          log(BusEventType.EVENT_RETRY_LIMIT_EXCEEDED, config.name(), attempt, port, 0);
          throw new BrokerStartException(
              "bus "
                  + config.name()
                  + " could not bind a leased port in "
                  + attempt
                  + " attempts; last: "
                  + e.getMessage(),
              e);
        }
        Duration wait = retry.backoffBefore(attempt + 1);
        log(BusEventType.EVENT_RETRY, config.name(), attempt + 1, port, wait.toMillis());
        sleep(wait);
        continue;
      }
      try {
        RegisteredBus bus =
            new RegisteredBus(broker, registry, leaseId, lease.path("ttl").asDouble(30));
        bus.register();
        bus.heartbeats.scheduleWithFixedDelay(
            bus::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        return bus;
      } catch (RegistryCallException e) {
        broker.close();
        releaseQuietly(registry, leaseId, false);
        throw new BrokerStartException(
            "bus " + config.name() + " cannot register with the registry: " + e.getMessage(), e);
      }
    }
  }

  private static ObjectNode lease(BusConfig config, RegistryClient registry, String nodeId) {
    ObjectNode req = RegistryCodec.object();
    req.put("requester_id", nodeId);
    req.put("node_id", nodeId);
    req.put("protocol", "tcp");
    req.put("purpose", config.name());
    if (config.port() instanceof PortSpec.Fixed f) {
      req.put("preferred_port", f.port());
    } else if (config.port() instanceof PortSpec.Range r) {
      req.put("range", r.text());
    }
    try {
      return registry.requestLease(req);
    } catch (RegistryCallException e) {
      throw new BrokerStartException(
          "bus " + config.name() + " got no port from the registry: " + e.getMessage(), e);
    }
  }

  private void register() {
    ObjectNode r = RegistryCodec.object();
    r.put("node_id", nodeId);
    r.put("ttl", NODE_TTL.toMillis() / 1000.0);
    r.putArray("buses").add(broker.name());
    ObjectNode bus = r.putObject("bus");
    bus.put("name", broker.name());
    bus.put("endpoint", broker.endpoint());
    bus.put("lease_id", leaseId);
    ObjectNode md = bus.putObject("metadata");
    var m = broker.config().metadata();
    md.put("purpose", m.purpose());
    md.put("qos", m.qos());
    md.put("debug", m.debug());
    md.set("extra", RegistryCodec.mapper().valueToTree(m.extra()));
    settings.accept(registry.register(r).path("bus_settings"));
  }

  /** One heartbeat: report the bus; renew the lease when a third of its TTL passed. */
  private void beat() {
    try {
      try {
        settings.accept(registry.heartbeat(nodeId, report.next()).path("bus_settings"));
      } catch (RegistryCallException e) {
        if (e.code() != ErrorCode.UNKNOWN_NODE) {
          throw e;
        }
        // The registry forgot us (it expired us, or lost its store): register again.
        register();
      }
      if (System.nanoTime() >= nextRenewNanos) {
        renew();
      }
    } catch (RegistryCallException e) {
      LOG.warn("bus {} could not reach the registry: {}", broker.name(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("bus {} registration heartbeat failed", broker.name(), e);
    }
  }

  private void renew() {
    try {
      registry.renewLease(leaseId);
    } catch (RegistryCallException e) {
      if (e.code() != ErrorCode.UNKNOWN_LEASE && e.code() != ErrorCode.LEASE_NOT_ACTIVE) {
        throw e;
      }
      // The lease lapsed while we still hold the port: lease that very port again.
      ObjectNode req = RegistryCodec.object();
      req.put("requester_id", nodeId);
      req.put("node_id", nodeId);
      req.put("purpose", broker.name());
      req.put("preferred_port", broker.port());
      req.put("already_bound", true);
      JsonNode lease = registry.requestLease(req);
      leaseId = lease.path("lease_id").asText();
      register();
    }
    nextRenewNanos = System.nanoTime() + renewEveryNanos;
  }

  /** The running broker. */
  public Broker broker() {
    return broker;
  }

  /** The lease that holds the broker's port. */
  public String leaseId() {
    return leaseId;
  }

  /** Stops heartbeats and the broker, then leaves the registry (releasing the lease). */
  @Override
  public void close() {
    heartbeats.shutdownNow();
    try {
      heartbeats.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    broker.close();
    try {
      registry.deregister(nodeId);
    } catch (RegistryCallException e) {
      LOG.warn("bus {} could not deregister: {}", broker.name(), e.getMessage());
      releaseQuietly(registry, leaseId, false);
    }
  }

  private static void releaseQuietly(RegistryClient registry, String leaseId, boolean bindFailed) {
    try {
      registry.releaseLease(leaseId, bindFailed);
    } catch (RegistryCallException e) {
      LOG.warn("could not release lease {}: {}", leaseId, e.getMessage());
    }
  }

  private static void log(BusEventType type, String bus, int attempt, int port, long backoffMs) {
    var line = type == BusEventType.EVENT_RETRY ? LOG.atInfo() : LOG.atWarn();
    line.addKeyValue("event", type.name())
        .addKeyValue("bus", bus)
        .addKeyValue("operation", "bind_leased_port")
        .addKeyValue("attempt", attempt)
        .addKeyValue("port", port)
        .addKeyValue("backoff_ms", backoffMs)
        .log("{} bus {} port {} attempt {}", type.name(), bus, port, attempt);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerStartException("interrupted while backing off", e);
    }
  }
}
