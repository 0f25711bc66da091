package io.onex.bus.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bus's {@code schema} mapping over {@link SchemaConfig#defaultFor} its name, recording
 * every problem under its full key. One load; one thread.
 */
final class SchemaReader {
  static final List<String> KEYS =
      List.of("mode", "topics", "max_payload_bytes", "reports_per_second");
  static final List<String> TOPIC = List.of("pattern", "mode");

  private SchemaReader() {}

  static SchemaConfig read(Section s, String busName) {
    SchemaConfig d = SchemaConfig.defaultFor(busName == null ? "" : busName);
    int before = s.problemCount();
    SchemaMode mode = mode(s, d.mode());
    List<SchemaConfig.TopicMode> topics = topics(s);
    int maxPayload = s.integer(SchemaConfig.MAX_PAYLOAD_BYTES, d.maxPayloadBytes());
    int reports = s.integer(SchemaConfig.REPORTS_PER_SECOND, d.reportsPerSecond());
    if (s.problemCount() > before) {
      return d;
    }
    return new SchemaConfig(mode, topics, maxPayload, reports);
  }

  private static SchemaMode mode(Section s, SchemaMode fallback) {
    JsonNode v = s.value("mode");
    if (v != null && v.isBoolean() && !v.booleanValue()) {
      // YAML 1.1 reads a bare `off` as false; that is what the writer meant.
      return SchemaMode.OFF;
    }
    String text = s.text("mode", null);
    if (text == null) {
      return fallback;
    }
    return SchemaMode.fromConfigName(text)
        .orElseGet(
            () -> {
              s.problem("mode", "must be strict, permissive or off (was '" + text + "')");
              return fallback;
            });
  }

  private static List<SchemaConfig.TopicMode> topics(Section s) {
    List<SchemaConfig.TopicMode> out = new ArrayList<>();
    JsonNode list = s.value("topics");
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      s.problem("topics", "must be a list of {pattern, mode} (was " + Section.shown(list) + ")");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Section t = s.child(list.get(i), "topics[" + i + "]", TOPIC);
      int before = t.problemCount();
      String pattern = t.text("pattern", null);
      if (pattern == null) {
        if (!t.has("pattern")) {
          t.problem("pattern", "is required");
        }
      } else {
        try {
          TopicPattern.parse(pattern);
        } catch (ProtocolException e) {
          t.problem("pattern", e.getMessage() + " (was '" + pattern + "')");
        }
      }
      if (!t.has("mode")) {
        t.problem("mode", "is required");
      }
      SchemaMode mode = mode(t, SchemaMode.OFF);
      if (t.problemCount() == before) {
        out.add(new SchemaConfig.TopicMode(pattern, mode));
      }
    }
    return out;
  }
}
