package io.onex.bus.broker.policy;

import io.onex.bus.config.PolicyConfig;
import io.onex.bus.config.TrustLevel;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bus's delivery policy, compiled from its {@link PolicyConfig}: the trust level of each
 * publisher (by node id) and, per subscriber, the rules that apply to it. It does not know where
 * rules come from; today the bus config, later the registry's ACL store. A bus whose policy allows
 * everything gives every subscriber a null policy, so deliveries cost nothing extra. Built once
 * when the bus starts; used by the broker loop thread.
 */
public final class PolicyEngine {
  private final PolicyConfig config;
  private final Map<NodeGlob, TrustLevel> trust = new LinkedHashMap<>();
  private final List<Map.Entry<NodeGlob, SubscriberPolicy.CompiledRule>> rules = new ArrayList<>();

  /**
   * @throws IllegalArgumentException when a rule's topic pattern is invalid (the config loader
   *     checks this first, so only hand-built configs get here)
   */
  public PolicyEngine(PolicyConfig config) {
    this.config = config;
    config.trust().forEach((glob, level) -> trust.put(new NodeGlob(glob), level));
    for (PolicyConfig.Rule r : config.rules()) {
      TopicPattern topic;
      try {
        topic = TopicPattern.parse(r.topic());
      } catch (ProtocolException e) {
        throw new IllegalArgumentException(
            "policy rule topic " + r.topic() + ": " + e.getMessage());
      }
      rules.add(
          Map.entry(
              new NodeGlob(r.subscriber()),
              new SubscriberPolicy.CompiledRule(
                  topic,
                  Set.copyOf(r.eventTypes()),
                  r.minTrust(),
                  r.action() == PolicyConfig.Action.ALLOW)));
    }
  }

  /** The trust level of a publisher: the first matching glob, else the default. */
  public TrustLevel trustOf(String nodeId) {
    for (var e : trust.entrySet()) {
      if (e.getKey().matches(nodeId)) {
        return e.getValue();
      }
    }
    return config.defaultTrust();
  }

  /**
   * The rules that apply to subscriber {@code nodeId}, or null when every delivery to it is allowed
   * (no rule names it and the default allows).
   */
  public SubscriberPolicy forSubscriber(String nodeId) {
    List<SubscriberPolicy.CompiledRule> mine = new ArrayList<>();
    for (var e : rules) {
      if (e.getKey().matches(nodeId)) {
        mine.add(e.getValue());
      }
    }
    if (mine.isEmpty() && config.defaultAction() == PolicyConfig.Action.ALLOW) {
      return null;
    }
    return new SubscriberPolicy(List.copyOf(mine), config.defaultAction());
  }
}
