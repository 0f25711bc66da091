package io.onex.bus.registry;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.registry.debug.DebugModes;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseManager;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.registry.node.BusRegistry;
import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.node.NodeRegistration;
import io.onex.bus.registry.node.NodeRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's state and its rules across leases, nodes and buses: a node that expires or leaves
 * gives its leases back, and a broker that goes takes its bus with it. The server and the reaper
 * call it; the APIs read it.
 *
 * <p>Mutating methods run on the registry loop thread only; accessors and reads may be called from
 * any thread.
 */
public final class Registry {
  /** Metadata key that marks a node as a bus broker. */
  public static final String KIND = "kind";

  /** Metadata key naming the bus a broker node serves. */
  public static final String BUS = "bus";

  private final LeaseManager leases;
  private final NodeRegistry nodes;
  private final BusRegistry buses;
  private final Clock clock;
  private final DebugModes debug;
  private final Map<String, Map<String, Object>> busStats = new ConcurrentHashMap<>();

  /** Ties the three registries together; debug modes are kept in memory only. */
  public Registry(LeaseManager leases, NodeRegistry nodes, BusRegistry buses, Clock clock) {
    this(leases, nodes, buses, DebugModes.inMemory(), clock);
  }

  /** Ties the three registries and the buses' debug modes together. */
  public Registry(
      LeaseManager leases, NodeRegistry nodes, BusRegistry buses, DebugModes debug, Clock clock) {
    this.leases = leases;
    this.nodes = nodes;
    this.buses = buses;
    this.debug = debug;
    this.clock = clock;
  }

  /** The buses' debug modes. */
  public DebugModes debug() {
    return debug;
  }

  /** The lease manager. */
  public LeaseManager leases() {
    return leases;
  }

  /** The node registry. */
  public NodeRegistry nodes() {
    return nodes;
  }

  /** The bus registry. */
  public BusRegistry buses() {
    return buses;
  }

  /** The registry's clock. */
  public Clock clock() {
    return clock;
  }

  /** Registers a node; with a bus block, also the bus it serves. */
  public NodeRegistry.Registered register(NodeRegistration r) throws RegistryException {
    NodeRegistration reg = r;
    if (r.bus() != null) {
      Map<String, String> md = new LinkedHashMap<>(r.metadata());
      md.put(KIND, "bus");
      md.put(BUS, r.bus().name());
      List<String> busList = new java.util.ArrayList<>(r.buses());
      if (!busList.contains(r.bus().name())) {
        busList.add(r.bus().name());
      }
      reg =
          new NodeRegistration(
              r.nodeId(),
              busList,
              r.topics(),
              r.affinity(),
              r.trust(),
              md,
              r.ttl(),
              r.durable(),
              r.bus());
    }
    NodeRegistry.Registered done = nodes.register(reg);
    if (r.bus() != null) {
      buses.register(r.bus(), clock.instant());
    }
    return done;
  }

  /**
   * A heartbeat; a broker's carries its bus's report.
   *
   * @param report the bus report, or null
   */
  public NodeRecord heartbeat(String nodeId, BusReport report) throws RegistryException {
    // A refused report must not count as a heartbeat, so check it before touching the node.
    String bus = null;
    if (report != null) {
      NodeRecord known = nodes.find(nodeId).orElse(null);
      bus = known == null ? null : known.metadata().get(BUS);
      if (known != null && bus == null) {
        throw new RegistryException(
            ErrorCode.UNKNOWN_BUS,
            "this node registered without a bus, so it cannot report one",
            nodeId);
      }
      if (bus != null && buses.find(bus).isEmpty()) {
        throw new RegistryException(
            ErrorCode.UNKNOWN_BUS, "no broker registered this bus; send REGISTER with it", bus);
      }
    }
    NodeRecord n = nodes.heartbeat(nodeId);
    if (bus != null) {
      buses.report(bus, report.subscriberCount(), report.connections(), clock.instant());
      busStats.put(bus, report.stats());
    }
    return n;
  }

  /** Removes a node: its leases and its bus first, then the node itself (NODE_REMOVED last). */
  public NodeRecord deregister(String nodeId) throws RegistryException {
    NodeRecord n =
        nodes
            .find(nodeId)
            .orElseThrow(
                () ->
                    new RegistryException(
                        ErrorCode.UNKNOWN_NODE, "node is not registered", nodeId));
    gone(n);
    return nodes.remove(nodeId);
  }

  /** One reaper pass: expired leases, then expired nodes (whose leases and buses go too). */
  public void reap() {
    leases.reap();
    for (NodeRecord n : nodes.expire()) {
      gone(n);
    }
    nodes.flush();
  }

  /** The latest free-form statistics a bus's broker reported (rates, counters). Any thread. */
  public Map<String, Object> busStats(String bus) {
    return busStats.getOrDefault(bus, Map.of());
  }

  /** The active leases a node holds. Any thread. */
  public List<Lease> leasesOf(String nodeId) {
    return leases.active().stream().filter(l -> l.allocatedBy().nodeId().equals(nodeId)).toList();
  }

  /** Every bus. Any thread. */
  public List<BusRecord> allBuses() {
    return buses.all();
  }

  private void gone(NodeRecord n) {
    leases.releaseAllOf(n.nodeId());
    String bus = n.metadata().get(BUS);
    if (bus != null) {
      buses.remove(bus);
      busStats.remove(bus);
    }
  }

  /**
   * What a broker reports about its bus with each heartbeat. Immutable; any thread.
   *
   * @param subscriberCount subscriptions on the bus
   * @param connections the connected nodes and their patterns
   * @param stats free-form counters and rates, shown by the APIs
   */
  public record BusReport(
      int subscriberCount, List<BusConnection> connections, Map<String, Object> stats) {
    /** Copies the collections. */
    public BusReport {
      connections = List.copyOf(connections);
      stats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }
  }
}
