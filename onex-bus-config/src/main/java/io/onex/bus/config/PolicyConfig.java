package io.onex.bus.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bus's delivery policy (the {@code policy} key of a bus): rules that decide, per delivery,
 * whether a subscriber may receive an event, from the subscriber's node id, the event's topic and
 * event type, and the publisher's trust level. The first rule that matches decides; when none does,
 * {@link #defaultAction()} does. Publishers' trust comes from {@link #trust()} (node id globs,
 * first match) until the security chapter verifies identities. The rules' source is only this
 * record: the registry's ACL store can feed the same engine later. Immutable; any thread.
 *
 * @param trust node-id glob ({@code *} any characters) to trust level, in the order written
 * @param defaultTrust the trust of a publisher no glob matches
 * @param rules the rules, in order
 * @param defaultAction what applies when no rule matches
 */
public record PolicyConfig(
    Map<String, TrustLevel> trust,
    TrustLevel defaultTrust,
    List<Rule> rules,
    Action defaultAction) {

  /** No rules, everyone untrusted, everything allowed: what a bus without {@code policy} gets. */
  public static final PolicyConfig NONE =
      new PolicyConfig(Map.of(), TrustLevel.UNTRUSTED, List.of(), Action.ALLOW);

  /** Copies the collections. */
  public PolicyConfig {
    trust = Collections.unmodifiableMap(new LinkedHashMap<>(trust));
    Objects.requireNonNull(defaultTrust, "defaultTrust");
    rules = List.copyOf(rules);
    Objects.requireNonNull(defaultAction, "defaultAction");
  }

  /** Whether deliveries need checking at all: some rule, or a default other than allow. */
  public boolean isActive() {
    return !rules.isEmpty() || defaultAction != Action.ALLOW;
  }

  /** What a matching rule does. */
  public enum Action {
    ALLOW,
    DENY
  }

  /**
   * One rule: it matches a delivery when every condition given holds. Immutable; any thread.
   *
   * @param subscriber glob over the subscriber's node id ({@code *} any characters)
   * @param topic topic pattern the event's topic must match
   * @param eventTypes the event types it applies to; empty means any
   * @param minTrust the publisher must be at least this trusted; null means any
   * @param action allow or deny
   */
  public record Rule(
      String subscriber,
      String topic,
      List<String> eventTypes,
      TrustLevel minTrust,
      Action action) {
    /** Copies the list and checks presence. */
    public Rule {
      Objects.requireNonNull(subscriber, "subscriber");
      Objects.requireNonNull(topic, "topic");
      eventTypes = List.copyOf(eventTypes);
      Objects.requireNonNull(action, "action");
    }
  }
}
