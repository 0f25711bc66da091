package io.onex.bus.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.config.BusMetadata;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.TopicScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON columns' formats, written and read with Jackson:
 *
 * <ul>
 *   <li>string lists (node buses, leases and affinity): {@code ["a","b"]}
 *   <li>{@link TopicScope}: {@code {"publish":[...],"subscribe":[...]}}
 *   <li>string maps (node metadata): {@code {"k":"v"}}
 *   <li>{@link BusMetadata}: {@code {"purpose":"","qos":"best-effort","debug":false,"extra":{...}}}
 *       where extra holds any JSON values but null
 *   <li>bus connections: {@code [{"node_id":"n1","subscriptions":["a.*"]}]}
 * </ul>
 *
 * <p>Reading is strict (a string where a list belongs is corrupt, not coerced) and fails with an
 * {@link IllegalArgumentException} saying what was expected; {@link RowContext} adds where. Extra
 * values come back as Jackson reads untyped JSON: Integer, Long or BigInteger for integers (the
 * smallest that fits), Double for fractions, so a Long that fits an int comes back an Integer and a
 * BigDecimal comes back a Double. Stateless; any thread.
 */
final class JsonColumns {
  // Thread-safe once built. Trailing tokens mean the column holds more than one value: corrupt.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final TypeReference<Map<String, Object>> UNTYPED_MAP = new TypeReference<>() {};

  private JsonColumns() {}

  static String writeStrings(List<String> strings) {
    return write(strings);
  }

  static List<String> readStrings(String json) {
    return strings(read(json), "the column");
  }

  static String writeTopics(TopicScope topics) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("publish", topics.publish());
    m.put("subscribe", topics.subscribe());
    return write(m);
  }

  static TopicScope readTopics(String json) {
    JsonNode o = object(read(json), "the column");
    return new TopicScope(
        strings(field(o, "publish"), "publish"), strings(field(o, "subscribe"), "subscribe"));
  }

  static String writeStringMap(Map<String, String> map) {
    return write(map);
  }

  static Map<String, String> readStringMap(String json) {
    JsonNode o = object(read(json), "the column");
    Map<String, String> out = new LinkedHashMap<>();
    o.properties().forEach(e -> out.put(e.getKey(), text(e.getValue(), e.getKey())));
    return out;
  }

  static String writeBusMetadata(BusMetadata metadata) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("purpose", metadata.purpose());
    m.put("qos", metadata.qos());
    m.put("debug", metadata.debug());
    m.put("extra", metadata.extra());
    return write(m);
  }

  static BusMetadata readBusMetadata(String json) {
    JsonNode o = object(read(json), "the column");
    JsonNode debug = field(o, "debug");
    if (!debug.isBoolean()) {
      throw new IllegalArgumentException("debug must be a boolean (was " + debug + ")");
    }
    ObjectNode extra = object(field(o, "extra"), "extra");
    // BusMetadata validates the values (no nulls, only JSON kinds) and names the bad one.
    return new BusMetadata(
        text(field(o, "purpose"), "purpose"),
        text(field(o, "qos"), "qos"),
        debug.booleanValue(),
        JSON.convertValue(extra, UNTYPED_MAP));
  }

  static String writeConnections(List<BusConnection> connections) {
    List<Map<String, Object>> out = new ArrayList<>(connections.size());
    for (BusConnection c : connections) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("node_id", c.nodeId());
      m.put("subscriptions", c.subscriptions());
      out.add(m);
    }
    return write(out);
  }

  static List<BusConnection> readConnections(String json) {
    ArrayNode a = array(read(json), "the column");
    List<BusConnection> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonNode c = object(a.get(i), "[" + i + "]");
      out.add(
          new BusConnection(
              text(field(c, "node_id"), "[" + i + "].node_id"),
              strings(field(c, "subscriptions"), "[" + i + "].subscriptions")));
    }
    return out;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Only strings, booleans, numbers, lists and maps reach here; Jackson writes them all.
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode field(JsonNode object, String name) {
    JsonNode v = object.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing field " + name);
    }
    return v;
  }

  private static ObjectNode object(JsonNode n, String what) {
    if (n instanceof ObjectNode o) {
      return o;
    }
    throw new IllegalArgumentException(what + " must be a JSON object (was " + n + ")");
  }

  private static ArrayNode array(JsonNode n, String what) {
    if (n instanceof ArrayNode a) {
      return a;
    }
    throw new IllegalArgumentException(what + " must be a JSON array (was " + n + ")");
  }

  private static List<String> strings(JsonNode n, String what) {
    ArrayNode a = array(n, what);
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(text(a.get(i), what + "[" + i + "]"));
    }
    return out;
  }

  private static String text(JsonNode n, String what) {
    if (!n.isTextual()) {
      throw new IllegalArgumentException(what + " must be a string (was " + n + ")");
    }
    return n.textValue();
  }
}
