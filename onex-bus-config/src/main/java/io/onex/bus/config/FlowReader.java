package io.onex.bus.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bus's {@code flow} mapping over {@link FlowConfig#DEFAULT}, recording every problem under
 * its full key. One load; one thread.
 */
final class FlowReader {
  static final List<String> KEYS =
      List.of("high_water_bytes", "low_water_bytes", "topic_high_water_bytes", "topic_queues");
  static final List<String> TOPIC_QUEUE = List.of("pattern", "size", "drop");
  private static final long MAX_BYTES = 1L << 40;

  private FlowReader() {}

  static FlowConfig read(Section f) {
    FlowConfig d = FlowConfig.DEFAULT;
    int before = f.problemCount();
    long high = bytes(f, "high_water_bytes", d.highWaterBytes());
    long low =
        f.has("low_water_bytes")
            ? bytes(f, "low_water_bytes", d.lowWaterBytes())
            : f.has("high_water_bytes") ? high / 2 : d.lowWaterBytes();
    long topicHigh = bytes(f, "topic_high_water_bytes", d.topicHighWaterBytes());
    if (f.problemCount() == before && low >= high) {
      f.problem("low_water_bytes", "must be < high_water_bytes (" + low + " >= " + high + ")");
    }
    List<FlowConfig.TopicQueue> queues = topicQueues(f);
    if (f.problemCount() > before) {
      return d;
    }
    return new FlowConfig(high, low, topicHigh, queues);
  }

  private static long bytes(Section f, String key, long fallback) {
    JsonNode v = f.value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber()
        || !v.canConvertToLong()
        || v.longValue() < 1
        || v.longValue() > MAX_BYTES) {
      f.problem(
          key,
          "must be a whole number of bytes, 1.." + MAX_BYTES + " (was " + Section.shown(v) + ")");
      return fallback;
    }
    return v.longValue();
  }

  private static List<FlowConfig.TopicQueue> topicQueues(Section f) {
    List<FlowConfig.TopicQueue> out = new ArrayList<>();
    JsonNode list = f.value("topic_queues");
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      f.problem(
          "topic_queues",
          "must be a list of {pattern, size, drop} (was " + Section.shown(list) + ")");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Section q = f.child(list.get(i), "topic_queues[" + i + "]", TOPIC_QUEUE);
      int before = q.problemCount();
      String pattern = q.text("pattern", null);
      if (pattern == null) {
        if (!q.has("pattern")) {
          q.problem("pattern", "is required");
        }
      } else {
        try {
          TopicPattern.parse(pattern);
        } catch (ProtocolException e) {
          q.problem("pattern", e.getMessage() + " (was '" + pattern + "')");
        }
      }
      int size = q.integer(QueueConfig.SIZE, 1000);
      String dropText = q.text("drop", "oldest");
      DropPolicy drop = DropPolicy.fromConfigName(dropText).orElse(null);
      if (drop == null) {
        q.problem("drop", "must be oldest or newest (was '" + dropText + "')");
      }
      if (q.problemCount() == before) {
        out.add(new FlowConfig.TopicQueue(pattern, size, drop));
      }
    }
    return out;
  }
}
