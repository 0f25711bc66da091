package io.onex.bus.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a bus's {@code policy} mapping, recording every problem under its full key instead of
 * throwing. One load; one thread.
 */
final class PolicyReader {
  static final List<String> KEYS = List.of("trust", "default_trust", "rules", "default_action");
  static final List<String> RULE =
      List.of("subscriber", "topic", "event_types", "min_trust", "action");

  private PolicyReader() {}

  static PolicyConfig read(Section p) {
    int before = p.problemCount();
    TrustLevel defaultTrust = trust(p, "default_trust", PolicyConfig.NONE.defaultTrust());
    PolicyConfig.Action defaultAction =
        action(p, "default_action", PolicyConfig.NONE.defaultAction());
    Map<String, TrustLevel> trust = trustMap(p);
    List<PolicyConfig.Rule> rules = rules(p);
    if (p.problemCount() > before) {
      return PolicyConfig.NONE;
    }
    return new PolicyConfig(trust, defaultTrust, rules, defaultAction);
  }

  private static Map<String, TrustLevel> trustMap(Section p) {
    Map<String, TrustLevel> out = new LinkedHashMap<>();
    JsonNode v = p.value("trust");
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      p.problem("trust", "must map node id globs to trust levels (was " + Section.shown(v) + ")");
      return out;
    }
    for (var e : v.properties()) {
      TrustLevel t =
          e.getValue().isTextual() ? TrustLevel.fromWire(e.getValue().textValue()) : null;
      if (t == null) {
        p.problem(
            "trust." + e.getKey(),
            "must be untrusted, trusted or verified (was " + Section.shown(e.getValue()) + ")");
      } else {
        out.put(e.getKey(), t);
      }
    }
    return out;
  }

  private static List<PolicyConfig.Rule> rules(Section p) {
    List<PolicyConfig.Rule> out = new ArrayList<>();
    JsonNode list = p.value("rules");
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      p.problem("rules", "must be a list of rules (was " + Section.shown(list) + ")");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Section r = p.child(list.get(i), "rules[" + i + "]", RULE);
      int before = r.problemCount();
      String subscriber = r.text("subscriber", "*");
      String topic = r.text("topic", ">");
      try {
        TopicPattern.parse(topic);
      } catch (ProtocolException e) {
        r.problem("topic", e.getMessage() + " (was '" + topic + "')");
      }
      List<String> types = eventTypes(r);
      TrustLevel minTrust = trust(r, "min_trust", null);
      PolicyConfig.Action action = action(r, "action", null);
      if (action == null && !r.has("action")) {
        r.problem("action", "is required: allow or deny");
      }
      if (r.problemCount() == before) {
        out.add(new PolicyConfig.Rule(subscriber, topic, types, minTrust, action));
      }
    }
    return out;
  }

  private static List<String> eventTypes(Section r) {
    List<String> out = new ArrayList<>();
    JsonNode v = r.value("event_types");
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      r.problem("event_types", "must be a list of event types (was " + Section.shown(v) + ")");
      return out;
    }
    for (JsonNode t : v) {
      if (!t.isTextual() || t.textValue().isBlank()) {
        r.problem("event_types", "must hold non-empty strings (was " + Section.shown(t) + ")");
        return out;
      }
      out.add(t.textValue());
    }
    return out;
  }

  private static TrustLevel trust(Section s, String key, TrustLevel fallback) {
    String text = s.text(key, null);
    if (text == null) {
      return fallback;
    }
    TrustLevel t = TrustLevel.fromWire(text);
    if (t == null) {
      s.problem(key, "must be untrusted, trusted or verified (was '" + text + "')");
      return fallback;
    }
    return t;
  }

  private static PolicyConfig.Action action(Section s, String key, PolicyConfig.Action fallback) {
    String text = s.text(key, null);
    if (text == null) {
      return fallback;
    }
    return switch (text) {
      case "allow" -> PolicyConfig.Action.ALLOW;
      case "deny" -> PolicyConfig.Action.DENY;
      default -> {
        s.problem(key, "must be allow or deny (was '" + text.toLowerCase(Locale.ROOT) + "')");
        yield fallback;
      }
    };
  }
}
