package io.onex.bus.registry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.topic.TopicPattern;
import io.onex.bus.registry.Registry;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.registry.node.NodeRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON the registry shows the world, the same over QUERY and HTTP: snake_case fields like
 * ONEX's models, timestamps in ISO-8601 UTC. Reads only thread-safe views of the registry; any
 * thread.
 */
public final class RegistryViews {
  private static final ObjectMapper JSON = RegistryCodec.mapper();
  private final Registry registry;

  /** Views of {@code registry}. */
  public RegistryViews(Registry registry) {
    this.registry = registry;
  }

  /** One lease. */
  public static ObjectNode lease(Lease l) {
    ObjectNode o = JSON.createObjectNode();
    o.put("lease_id", l.leaseId());
    o.put("host", l.host());
    o.put("port", l.port());
    o.put("protocol", l.protocol());
    o.put("purpose", l.purpose());
    ObjectNode by = o.putObject("allocated_by");
    by.put("node_id", l.allocatedBy().nodeId());
    by.put("requester_id", l.allocatedBy().requesterId());
    o.put("ttl", l.ttl().toMillis() / 1000.0);
    o.put("port_allocation_ts", l.portAllocationTs().toString());
    o.put("last_heartbeat_ts", l.lastHeartbeatTs().toString());
    o.put("expires_at", l.expiresAt().toString());
    o.put("status", l.status().wire());
    return o;
  }

  /** Every active lease, by host and port. */
  public ArrayNode leases() {
    ArrayNode a = JSON.createArrayNode();
    registry.leases().active().forEach(l -> a.add(lease(l)));
    return a;
  }

  /** One node with the leases it holds now. */
  public ObjectNode node(NodeRecord n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("node_id", n.nodeId());
    o.put("status", n.status().wire());
    ArrayNode buses = o.putArray("buses");
    n.buses().forEach(buses::add);
    ObjectNode topics = o.putObject("topics");
    ArrayNode pub = topics.putArray("publish");
    n.topics().publish().forEach(pub::add);
    ArrayNode sub = topics.putArray("subscribe");
    n.topics().subscribe().forEach(sub::add);
    ArrayNode affinity = o.putArray("affinity");
    n.affinity().forEach(affinity::add);
    ArrayNode leases = o.putArray("leases");
    registry.leasesOf(n.nodeId()).forEach(l -> leases.add(lease(l)));
    o.put("trust", n.trust());
    ObjectNode md = o.putObject("metadata");
    n.metadata().forEach(md::put);
    o.put("registered_at", n.registeredAt().toString());
    o.put("last_seen", n.lastSeen().toString());
    o.put("expires_at", n.expiresAt().toString());
    o.put("ttl", n.ttl().toMillis() / 1000.0);
    o.put("durable", n.durable());
    return o;
  }

  /** Every node, by id. */
  public ArrayNode nodes() {
    ArrayNode a = JSON.createArrayNode();
    registry.nodes().all().forEach(n -> a.add(node(n)));
    return a;
  }

  /** The node with that id. */
  public Optional<ObjectNode> node(String nodeId) {
    return registry.nodes().find(nodeId).map(this::node);
  }

  /** One bus: endpoint, leased port, metadata, what its broker last reported. */
  public ObjectNode bus(BusRecord b) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", b.name());
    o.put("endpoint", b.endpoint());
    o.put("port", portOf(b.endpoint()));
    o.put("lease_id", b.leaseId());
    ObjectNode md = o.putObject("metadata");
    md.put("purpose", b.metadata().purpose());
    md.put("qos", b.metadata().qos());
    md.put("debug", b.metadata().debug());
    md.set("extra", JSON.valueToTree(b.metadata().extra()));
    o.put("subscriber_count", b.subscriberCount());
    ArrayNode conns = o.putArray("connections");
    for (BusConnection c : b.connections()) {
      ObjectNode co = conns.addObject();
      co.put("node_id", c.nodeId());
      ArrayNode s = co.putArray("subscriptions");
      c.subscriptions().forEach(s::add);
    }
    for (Map.Entry<String, Object> e : registry.busStats(b.name()).entrySet()) {
      // A broker's report adds counters; it never replaces what the registry itself knows.
      if (!o.has(e.getKey())) {
        o.set(e.getKey(), JSON.valueToTree(e.getValue()));
      }
    }
    o.put("registered_at", b.registeredAt().toString());
    o.put("last_seen", b.lastSeen().toString());
    return o;
  }

  /** Every bus, by name. */
  public ArrayNode buses() {
    ArrayNode a = JSON.createArrayNode();
    registry.allBuses().forEach(b -> a.add(bus(b)));
    return a;
  }

  /** The bus with that name. */
  public Optional<ObjectNode> bus(String name) {
    return registry.buses().find(name).map(this::bus);
  }

  /**
   * Every topic or pattern any node declared or any broker reported, with who publishes it and who
   * subscribes to it, by name.
   */
  public ArrayNode topics() {
    Map<String, TopicUse> byTopic = new TreeMap<>();
    for (NodeRecord n : registry.nodes().all()) {
      n.topics().publish().forEach(t -> use(byTopic, t).publishers.add(n.nodeId()));
      n.topics().subscribe().forEach(t -> use(byTopic, t).subscribers.add(n.nodeId()));
    }
    for (BusRecord b : registry.allBuses()) {
      for (BusConnection c : b.connections()) {
        for (String p : c.subscriptions()) {
          TopicUse u = use(byTopic, p);
          u.subscribers.add(c.nodeId());
          u.buses.add(b.name());
        }
      }
      // The broker's flow gauges, summed per pattern: what waits, what was lost, the worst lag.
      if (registry.busStats(b.name()).get("subscriptions") instanceof List<?> flows) {
        for (Object o : flows) {
          if (o instanceof Map<?, ?> g && g.get("pattern") instanceof String p) {
            TopicUse u = use(byTopic, p);
            u.queued += number(g.get("queue_depth"));
            u.dropped += number(g.get("dropped"));
            u.behind = Math.max(u.behind, number(g.get("behind")));
          }
        }
      }
    }
    ArrayNode a = JSON.createArrayNode();
    byTopic.forEach(
        (t, u) -> {
          ObjectNode o = a.addObject();
          o.put("topic", t);
          u.publishers.forEach(o.putArray("publishers")::add);
          u.subscribers.forEach(o.putArray("subscribers")::add);
          u.buses.forEach(o.putArray("buses")::add);
          o.put("queued", u.queued);
          o.put("dropped", u.dropped);
          o.put("behind", u.behind);
          ObjectNode schema = o.putObject("schema");
          u.buses.forEach(bus -> schema.put(bus, schemaMode(bus, t)));
        });
    return a;
  }

  /**
   * The schema mode bus {@code bus} applies to {@code topic}, from what its broker reported: the
   * first of its {@code schema.topics} rules whose pattern is the topic (or matches it, for a
   * literal topic), else the bus-wide mode; empty when the broker reported neither.
   */
  private String schemaMode(String bus, String topic) {
    Map<String, Object> stats = registry.busStats(bus);
    if (stats.get("schema_rules") instanceof String rules && !rules.isEmpty()) {
      for (String rule : rules.split(";")) {
        int eq = rule.lastIndexOf('=');
        String pattern = rule.substring(0, Math.max(eq, 0));
        try {
          if (pattern.equals(topic) || TopicPattern.parse(pattern).matches(topic)) {
            return rule.substring(eq + 1);
          }
        } catch (ProtocolException e) {
          // A rule the broker could not have loaded: ignore it here too.
        }
      }
    }
    return stats.get("schema_mode") instanceof String mode ? mode : "";
  }

  private static TopicUse use(Map<String, TopicUse> byTopic, String topic) {
    return byTopic.computeIfAbsent(topic, k -> new TopicUse());
  }

  /** Who uses one topic or pattern, each set sorted. */
  private static final class TopicUse {
    final TreeSet<String> publishers = new TreeSet<>();
    final TreeSet<String> subscribers = new TreeSet<>();
    final TreeSet<String> buses = new TreeSet<>();
    long queued;
    long dropped;
    long behind;
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static int portOf(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(endpoint.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
