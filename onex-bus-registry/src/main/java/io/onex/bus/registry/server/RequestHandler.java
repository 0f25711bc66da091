package io.onex.bus.registry.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.config.BusMetadata;
import io.onex.bus.config.PortSpec;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryRequest;
import io.onex.bus.protocol.registry.RequestBody;
import io.onex.bus.registry.Registry;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.api.BusSettings;
import io.onex.bus.registry.api.RegistryViews;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseRequest;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.node.NodeRegistration;
import io.onex.bus.registry.node.NodeRegistry;
import io.onex.bus.registry.node.TopicScope;
import io.onex.bus.registry.schema.SchemaRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one decoded registry request into a call on the {@link Registry} and its reply body. Field
 * names and meanings are documented in docs/protocol.md ("Registry protocol"). Registry loop thread
 * only.
 */
final class RequestHandler {
  private final Registry registry;
  private final RegistryViews views;
  private final SchemaRequests schemas;
  private final BusSettings busSettings;

  RequestHandler(Registry registry, SchemaRegistry schemas) {
    this.registry = registry;
    this.views = new RegistryViews(registry);
    this.schemas = new SchemaRequests(schemas);
    this.busSettings = new BusSettings(schemas, registry.debug());
  }

  /** The OK body for {@code req}; a refusal is thrown. */
  ObjectNode handle(RegistryRequest req) throws RegistryException, ProtocolException {
    RequestBody b = req.body();
    return switch (req.command()) {
      case REGISTER -> register(b);
      case DEREGISTER -> {
        NodeRecord n = registry.deregister(b.requiredText("node_id"));
        ObjectNode o = RegistryCodec.object();
        o.put("node_id", n.nodeId());
        o.put("removed", true);
        yield o;
      }
      case HEARTBEAT -> heartbeat(b);
      case LEASE_REQUEST -> leaseResult(registry.leases().grant(leaseRequest(b)));
      case LEASE_RENEW ->
          leaseResult(registry.leases().renew(b.requiredText("lease_id"), b.ttlSeconds("ttl")));
      case LEASE_RELEASE ->
          leaseResult(
              registry
                  .leases()
                  .release(b.requiredText("lease_id"), "bind_failed".equals(b.text("reason", ""))));
      case QUERY -> query(b);
      case SCHEMA_REGISTER, SCHEMA_GET, SCHEMA_LIST, SCHEMA_DELETE, SCHEMA_HISTORY ->
          schemas.handle(req.command(), b);
    };
  }

  private ObjectNode register(RequestBody b) throws RegistryException, ProtocolException {
    RequestBody topics = b.object("topics");
    TopicScope scope =
        topics == null
            ? TopicScope.NONE
            : new TopicScope(topics.textList("publish"), topics.textList("subscribe"));
    NodeRegistration.BusRegistration bus = null;
    RequestBody busBody = b.object("bus");
    if (busBody != null) {
      bus =
          new NodeRegistration.BusRegistration(
              busBody.requiredText("name"),
              busBody.requiredText("endpoint"),
              busBody.string("lease_id", ""),
              busMetadata(busBody.object("metadata")));
    }
    NodeRegistration reg =
        new NodeRegistration(
            b.requiredText("node_id"),
            b.textList("buses"),
            scope,
            b.textListOrNull("affinity"),
            b.text("trust", null),
            b.textMap("metadata"),
            b.ttlSeconds("ttl"),
            b.bool("durable", false),
            bus);
    NodeRegistry.Registered done = registry.register(reg);
    ObjectNode o = RegistryCodec.object();
    o.put("rejoined", done.rejoined());
    o.set("node", views.node(done.node()));
    if (bus != null) {
      o.set("bus_settings", busSettings.of(bus.name()));
    }
    return o;
  }

  private static BusMetadata busMetadata(RequestBody md) throws ProtocolException {
    if (md == null) {
      return BusMetadata.NONE;
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    RequestBody ex = md.object("extra");
    if (ex != null) {
      extra = RegistryCodec.mapper().convertValue(ex.json(), new TypeReference<>() {});
    }
    try {
      return new BusMetadata(
          md.string("purpose", ""), md.text("qos", "best-effort"), md.bool("debug", false), extra);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(ErrorCode.INVALID_REQUEST, "bus.metadata " + e.getMessage(), "");
    }
  }

  private ObjectNode heartbeat(RequestBody b) throws RegistryException, ProtocolException {
    String nodeId = b.requiredText("node_id");
    Registry.BusReport report = null;
    RequestBody bus = b.object("bus");
    if (bus != null) {
      List<BusConnection> conns = new ArrayList<>();
      for (RequestBody c : bus.objectList("connections")) {
        // As the broker saw them in HELLO: any string, so one odd client cannot void the report.
        conns.add(new BusConnection(c.string("node_id", ""), c.textList("subscriptions")));
      }
      Map<String, Object> stats = new LinkedHashMap<>();
      RequestBody s = bus.object("stats");
      if (s != null) {
        for (var e : s.json().properties()) {
          if (e.getValue().isNumber()) {
            stats.put(e.getKey(), e.getValue().numberValue());
          } else if (e.getValue().isTextual()) {
            stats.put(e.getKey(), e.getValue().textValue());
          }
        }
      }
      List<Map<String, Object>> flows = new ArrayList<>();
      for (RequestBody f : bus.objectList("subscriptions")) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("node_id", f.string("node_id", ""));
        g.put("pattern", f.string("pattern", ""));
        g.put("queue_depth", f.integer("queue_depth", 0, Integer.MAX_VALUE, 0));
        g.put("queue_bound", f.integer("queue_bound", 0, Integer.MAX_VALUE, 0));
        g.put("dropped", f.json().path("dropped").asLong());
        g.put("behind", f.json().path("behind").asLong());
        flows.add(g);
      }
      stats.put("subscriptions", flows);
      report =
          new Registry.BusReport(
              bus.integer("subscriber_count", 0, Integer.MAX_VALUE, 0), conns, stats);
    }
    NodeRecord n = registry.heartbeat(nodeId, report);
    ObjectNode o = RegistryCodec.object();
    o.put("node_id", n.nodeId());
    o.put("expires_at", n.expiresAt().toString());
    String servedBus = n.metadata().get(Registry.BUS);
    if (report != null && servedBus != null) {
      o.set("bus_settings", busSettings.of(servedBus));
    }
    return o;
  }

  private static LeaseRequest leaseRequest(RequestBody b) throws ProtocolException {
    String requestedAt = b.text("requested_at", null);
    Instant at = null;
    if (requestedAt != null) {
      try {
        at = Instant.parse(requestedAt);
      } catch (DateTimeParseException e) {
        throw new ProtocolException(
            ErrorCode.INVALID_REQUEST,
            "requested_at must be an ISO-8601 instant like 2026-01-01T00:00:00Z",
            requestedAt);
      }
    }
    String range = b.text("range", null);
    PortSpec.Range r = null;
    if (range != null) {
      try {
        if (PortSpec.parse(range) instanceof PortSpec.Range pr) {
          r = pr;
        } else {
          throw new IllegalArgumentException("must be a range FROM-TO");
        }
      } catch (IllegalArgumentException e) {
        throw new ProtocolException(ErrorCode.INVALID_REQUEST, "range " + e.getMessage(), range);
      }
    }
    return new LeaseRequest(
        b.requiredText("requester_id"),
        b.text("node_id", ""),
        b.text("protocol", "tcp"),
        b.port("preferred_port"),
        b.ttlSeconds("ttl"),
        at,
        b.text("purpose", ""),
        r,
        b.bool("already_bound", false));
  }

  private static ObjectNode leaseResult(Lease l) {
    ObjectNode o = RegistryCodec.object();
    o.set("lease", RegistryViews.lease(l));
    return o;
  }

  private ObjectNode query(RequestBody b) throws ProtocolException, RegistryException {
    String what = b.requiredText("what");
    ObjectNode o = RegistryCodec.object();
    switch (what) {
      case "buses" -> o.set("buses", views.buses());
      case "nodes" -> o.set("nodes", views.nodes());
      case "leases" -> o.set("leases", views.leases());
      case "topics" -> o.set("topics", views.topics());
      case "bus" -> {
        String name = b.requiredText("name");
        o.set(
            "bus",
            views
                .bus(name)
                .orElseThrow(
                    () ->
                        new RegistryException(
                            ErrorCode.UNKNOWN_BUS, "no bus has this name", name)));
      }
      case "node" -> {
        String id = b.requiredText("node_id");
        o.set(
            "node",
            views
                .node(id)
                .orElseThrow(
                    () ->
                        new RegistryException(
                            ErrorCode.UNKNOWN_NODE, "node is not registered", id)));
      }
      default ->
          throw new ProtocolException(
              ErrorCode.INVALID_REQUEST,
              "what must be one of buses, bus, nodes, node, leases, topics",
              what);
    }
    return o;
  }
}
