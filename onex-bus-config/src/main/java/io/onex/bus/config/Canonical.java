package io.onex.bus.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical form behind the digests: a resolved config as a tree with the {@code onex.yaml} key
 * names, printed as JSON with map keys sorted. Because it is built from resolved values, two files
 * that spell the same settings differently (a default written out or left implicit, {@code 2000ms}
 * or {@code 2s}, keys reordered) digest the same. Stateless; any thread.
 */
final class Canonical {
  // ObjectMapper is thread-safe once configured.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private Canonical() {}

  static Map<String, Object> of(OnexConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    m.put("home", c.home() == null ? null : c.home().toString());
    m.put("http", Map.of("host", c.http().host(), "port", c.http().port()));
    m.put("registry", of(c.registry()));
    List<Object> buses = new ArrayList<>();
    c.buses().forEach(b -> buses.add(of(b)));
    m.put("buses", buses);
    return m;
  }

  static Map<String, Object> of(BusConfig b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", b.name());
    m.put("host", b.host());
    m.put("port", b.port().text());
    m.put("queue", Map.of("size", b.queue().size(), "drop", b.queue().drop().configName()));
    LimitsConfig l = b.limits();
    m.put(
        "limits",
        Map.of(
            "max_frame_bytes", l.maxFrameBytes(),
            "max_batch_events", l.maxBatchEvents(),
            "max_subscriptions_per_connection", l.maxSubscriptionsPerConnection(),
            "send_hwm", l.sendHwm(),
            "recv_hwm", l.recvHwm(),
            "io_threads", l.ioThreads()));
    m.put(
        "heartbeat",
        Map.of(
            "interval", Durations.format(b.heartbeat().interval()),
            "timeout", Durations.format(b.heartbeat().timeout())));
    m.put("logging", Map.of("level", b.logging().level(), "debug", b.logging().debug()));
    m.put("shutdown", Map.of("drain_timeout", Durations.format(b.shutdown().drainTimeout())));
    BusMetadata md = b.metadata();
    m.put(
        "metadata",
        Map.of("purpose", md.purpose(), "qos", md.qos(), "debug", md.debug(), "extra", md.extra()));
    if (!b.flow().equals(FlowConfig.DEFAULT)) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("high_water_bytes", b.flow().highWaterBytes());
      f.put("low_water_bytes", b.flow().lowWaterBytes());
      f.put("topic_high_water_bytes", b.flow().topicHighWaterBytes());
      List<Object> qs = new ArrayList<>();
      for (FlowConfig.TopicQueue q : b.flow().topicQueues()) {
        qs.add(Map.of("pattern", q.pattern(), "size", q.size(), "drop", q.drop().configName()));
      }
      f.put("topic_queues", qs);
      m.put("flow", f);
    }
    if (!b.metrics().equals(MetricsConfig.DEFAULT)) {
      m.put(
          "metrics", Map.of("enabled", b.metrics().enabled(), "topic_cap", b.metrics().topicCap()));
    }
    if (b.policy().isActive() || !b.policy().trust().isEmpty()) {
      m.put("policy", of(b.policy()));
    }
    SchemaConfig sc = b.schema();
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("mode", sc.mode().configName());
    List<Object> rules = new ArrayList<>();
    for (SchemaConfig.TopicMode t : sc.topics()) {
      rules.add(Map.of("pattern", t.pattern(), "mode", t.mode().configName()));
    }
    schema.put("topics", rules);
    schema.put("max_payload_bytes", sc.maxPayloadBytes());
    schema.put("reports_per_second", sc.reportsPerSecond());
    m.put("schema", schema);
    return m;
  }

  static Map<String, Object> of(RegistryConfig r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", r.host());
    m.put("port", r.port());
    m.put("portserver", r.portserver());
    m.put("lease", of(r.lease()));
    m.put("node", of(r.node()));
    m.put(
        "retry",
        Map.of(
            "attempts", r.retry().attempts(),
            "backoff", Durations.format(r.retry().backoff()),
            "max_backoff", Durations.format(r.retry().maxBackoff())));
    Map<String, Object> ranges = new LinkedHashMap<>();
    r.ranges().forEach((k, v) -> ranges.put(k, v.text()));
    m.put("ranges", ranges);
    return m;
  }

  private static Map<String, Object> of(RegistryConfig.Lifetimes l) {
    return Map.of(
        "ttl", Durations.format(l.ttl()),
        "max_ttl", Durations.format(l.maxTtl()),
        "reap_interval", Durations.format(l.reapInterval()));
  }

  private static Map<String, Object> of(PolicyConfig p) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> trust = new LinkedHashMap<>();
    p.trust().forEach((k, v) -> trust.put(k, v.wire()));
    m.put("trust", trust);
    m.put("default_trust", p.defaultTrust().wire());
    List<Object> rules = new ArrayList<>();
    for (PolicyConfig.Rule r : p.rules()) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("subscriber", r.subscriber());
      rule.put("topic", r.topic());
      rule.put("event_types", r.eventTypes());
      rule.put("min_trust", r.minTrust() == null ? null : r.minTrust().wire());
      rule.put("action", r.action().name().toLowerCase(java.util.Locale.ROOT));
      rules.add(rule);
    }
    m.put("rules", rules);
    m.put("default_action", p.defaultAction().name().toLowerCase(java.util.Locale.ROOT));
    return m;
  }

  static String json(Map<String, Object> tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // The tree holds only strings, numbers, booleans, lists and maps.
      throw new IllegalStateException("cannot print a config tree", e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
