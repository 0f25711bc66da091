package io.onex.bus.broker.policy;

import io.onex.bus.config.PolicyConfig;
import io.onex.bus.config.TrustLevel;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.List;
import java.util.Set;

/**
 * The policy rules that concern one subscriber, compiled when it subscribes, so a delivery only
 * walks the rules that can apply to it. The first rule whose topic, event types and trust condition
 * all hold decides; else the default action. Owned by the broker loop thread.
 */
public final class SubscriberPolicy {
  private final List<CompiledRule> rules;
  private final boolean defaultAllows;

  SubscriberPolicy(List<CompiledRule> rules, PolicyConfig.Action defaultAction) {
    this.rules = rules;
    this.defaultAllows = defaultAction == PolicyConfig.Action.ALLOW;
  }

  /**
   * Whether the event under {@code view}, on {@code topic}, published by a node of trust {@code
   * publisher}, may be delivered to this subscriber.
   */
  public boolean allows(String topic, EventRecordView view, TrustLevel publisher) {
    for (int i = 0; i < rules.size(); i++) {
      CompiledRule r = rules.get(i);
      if (r.matches(topic, view, publisher)) {
        return r.allows;
      }
    }
    return defaultAllows;
  }

  /** One rule, its topic pattern parsed and event types in a set. */
  record CompiledRule(
      TopicPattern topic, Set<String> eventTypes, TrustLevel minTrust, boolean allows) {
    boolean matches(String t, EventRecordView view, TrustLevel publisher) {
      return (minTrust == null || publisher.atLeast(minTrust))
          && topic.matches(t)
          && (eventTypes.isEmpty() || eventTypes.contains(view.eventType()));
    }
  }
}
