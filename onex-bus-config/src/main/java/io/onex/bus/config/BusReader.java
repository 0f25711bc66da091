package io.onex.bus.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one entry of {@code buses} on top of the resolved defaults: name, address ({@code
 * host}/{@code port} or {@code endpoint}), the overridable groups and the metadata. Stateless; one
 * thread per call.
 */
final class BusReader {
  static final List<String> KEYS =
      List.of(
          "name",
          "host",
          "port",
          "endpoint",
          "queue",
          "limits",
          "heartbeat",
          "logging",
          "shutdown",
          "metadata",
          "policy",
          "flow",
          "schema",
          "metrics");
  static final List<String> METADATA = List.of("purpose", "qos", "debug", "extra");

  /**
   * One bus as read.
   *
   * @param config the resolved bus, or null when its name was invalid (nothing else can be built)
   * @param placement what the cross-bus checks need
   */
  record Result(BusConfig config, ConfigValidator.Placement placement) {}

  private BusReader() {}

  static Result read(Section b, int index, BusDefaults defaults) {
    int before = b.problemCount();
    String name = b.text("name", null);
    if (name == null && !b.has("name")) {
      b.problem("name", "is required");
    } else if (name != null && BusConfig.nameProblem(name) != null) {
      b.problem("name", BusConfig.nameProblem(name));
    }
    boolean nameOk = b.problemCount() == before;

    before = b.problemCount();
    String host;
    PortSpec port;
    String portKey;
    if (b.has("endpoint")) {
      if (b.has("host") || b.has("port")) {
        b.problem("endpoint", "give either endpoint or host and port, not both");
      }
      portKey = b.key("endpoint");
      Endpoint e = endpoint(b);
      host = e == null ? defaults.host() : e.host();
      port = e == null ? PortSpec.ephemeral() : e.port();
    } else {
      portKey = b.key("port");
      host = b.host("host", defaults.host(), true);
      port = b.port("port", PortSpec.ephemeral());
    }
    boolean placementOk = b.problemCount() == before && port != null;

    BusDefaults merged = LayerReader.read(b, defaults, host);
    BusMetadata metadata = metadata(b.section("metadata", METADATA));
    PolicyConfig policy = PolicyReader.read(b.section("policy", PolicyReader.KEYS));
    FlowConfig flow = FlowReader.read(b.section("flow", FlowReader.KEYS));
    SchemaConfig schema = SchemaReader.read(b.section("schema", SchemaReader.KEYS), name);
    MetricsConfig metrics = MetricsReader.read(b.section("metrics", MetricsReader.KEYS));
    BusConfig config =
        nameOk
            ? new BusConfig(
                name,
                host,
                port == null ? PortSpec.ephemeral() : port,
                merged.queue(),
                merged.limits(),
                merged.heartbeat(),
                merged.logging(),
                merged.shutdown(),
                metadata,
                policy,
                flow,
                schema,
                metrics)
            : null;
    return new Result(
        config,
        new ConfigValidator.Placement(
            index, nameOk ? name : null, host, placementOk ? port : null, portKey));
  }

  private static Endpoint endpoint(Section b) {
    String text = b.text("endpoint", null);
    if (text == null) {
      return null;
    }
    try {
      return Endpoint.parse(text);
    } catch (IllegalArgumentException e) {
      b.problem("endpoint", e.getMessage());
      return null;
    }
  }

  private static BusMetadata metadata(Section m) {
    Map<String, Object> extra = Map.of();
    JsonNode e = m.value("extra");
    if (e != null) {
      if (e.isObject()) {
        extra = map(e, m, "extra");
      } else {
        m.problem("extra", "must be a mapping of names to values (was " + Section.shown(e) + ")");
      }
    }
    return new BusMetadata(
        m.text("purpose", BusMetadata.NONE.purpose()),
        m.text("qos", BusMetadata.NONE.qos()),
        m.bool("debug", BusMetadata.NONE.debug()),
        extra);
  }

  /** The free-form extras as plain Java values; YAML nulls are reported, not kept. */
  private static Map<String, Object> map(JsonNode node, Section m, String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : node.properties()) {
      Object v = plain(e.getValue(), m, key + "." + e.getKey());
      if (v != null) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  private static Object plain(JsonNode v, Section m, String key) {
    if (v.isObject()) {
      return map(v, m, key);
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        Object item = plain(v.get(i), m, key + "[" + i + "]");
        if (item != null) {
          out.add(item);
        }
      }
      return out;
    }
    if (v.isNull()) {
      m.problem(key, "has no value; give one or remove the key");
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v.numberValue();
  }
}
