package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bus's {@code policy} key: defaults, every field read in order, and each mistake by key. */
class PolicyConfigTest {
  private static String bus(String policyYaml) {
    return "buses:\n  - name: control\n    policy:\n" + policyYaml.indent(6);
  }

  @Test
  void aBusWithoutPolicyAllowsEverything() throws ConfigException {
    BusConfig b = ConfigLoader.parse("buses:\n  - name: a\n", "t.yaml").buses().get(0);

    assertThat(b.policy()).isEqualTo(PolicyConfig.NONE);
    assertThat(b.policy().isActive()).isFalse();
  }

  @Test
  void rulesTrustAndDefaultsAreReadInOrder() throws ConfigException {
    String yaml =
        bus(
            """
            default_trust: untrusted
            trust: {"ops-*": trusted, "ctl-1": verified}
            rules:
              - {subscriber: "ui-*", topic: "control.>", min_trust: trusted, action: allow}
              - {subscriber: "ui-*", topic: "control.>", action: deny}
              - {topic: "audit.*", event_types: [NODE_FAILURE, NODE_START], action: allow}
            default_action: deny
            """);

    PolicyConfig p = ConfigLoader.parse(yaml, "t.yaml").buses().get(0).policy();

    assertThat(p.trust())
        .containsExactly(
            java.util.Map.entry("ops-*", TrustLevel.TRUSTED),
            java.util.Map.entry("ctl-1", TrustLevel.VERIFIED));
    assertThat(p.rules())
        .containsExactly(
            new PolicyConfig.Rule(
                "ui-*", "control.>", List.of(), TrustLevel.TRUSTED, PolicyConfig.Action.ALLOW),
            new PolicyConfig.Rule("ui-*", "control.>", List.of(), null, PolicyConfig.Action.DENY),
            new PolicyConfig.Rule(
                "*",
                "audit.*",
                List.of("NODE_FAILURE", "NODE_START"),
                null,
                PolicyConfig.Action.ALLOW));
    assertThat(p.defaultAction()).isEqualTo(PolicyConfig.Action.DENY);
    assertThat(p.isActive()).isTrue();
  }

  @Test
  void thePolicyIsPartOfTheDigest() throws ConfigException {
    String plain = "buses:\n  - name: control\n";
    String with = bus("rules:\n  - {topic: \"a.>\", action: deny}\n");

    assertThat(ConfigLoader.parse(plain, "a").digest())
        .isNotEqualTo(ConfigLoader.parse(with, "b").digest());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "rules: [{topic: 'a..b', action: deny}]|buses[0].policy.rules[0].topic|empty token",
        "rules: [{topic: 'a.>', action: maybe}]|buses[0].policy.rules[0].action|must be allow or deny",
        "rules: [{topic: 'a.>'}]|buses[0].policy.rules[0].action|is required",
        "rules: [{topic: 'a', min_trust: high, action: deny}]|buses[0].policy.rules[0].min_trust|must be untrusted, trusted or verified",
        "rules: [{topic: 'a', event_types: X, action: deny}]|buses[0].policy.rules[0].event_types|must be a list",
        "rules: [{topic: 'a', colour: red, action: deny}]|buses[0].policy.rules[0].colour|unknown key",
        "rules: {a: b}|buses[0].policy.rules|must be a list of rules",
        "trust: {'ops-*': godlike}|buses[0].policy.trust.ops-*|must be untrusted, trusted or verified",
        "default_action: maybe|buses[0].policy.default_action|must be allow or deny",
      })
  void mistakesAreNamedByKey(String policyLine, String key, String reason) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.parse(bus(policyLine), "t.yaml"));

    assertThat(e.errors().get(0).key()).isEqualTo(key);
    assertThat(e.errors().get(0).reason()).contains(reason);
  }
}
