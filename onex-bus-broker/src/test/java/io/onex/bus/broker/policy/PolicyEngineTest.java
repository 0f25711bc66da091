package io.onex.bus.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.config.PolicyConfig;
import io.onex.bus.config.PolicyConfig.Action;
import io.onex.bus.config.PolicyConfig.Rule;
import io.onex.bus.config.TrustLevel;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.EventRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven policy decisions: subscriber × topic × event type × publisher trust. */
class PolicyEngineTest {
  /**
   * ui-* nodes get control.> only from trusted publishers; nobody but auditors gets NODE_FAILURE on
   * audit.>; secret.> is denied to all but ops-*; everything else is allowed.
   */
  private static final PolicyEngine ENGINE =
      new PolicyEngine(
          new PolicyConfig(
              Map.of("ops-*", TrustLevel.TRUSTED, "root", TrustLevel.VERIFIED),
              TrustLevel.UNTRUSTED,
              List.of(
                  new Rule("ui-*", "control.>", List.of(), TrustLevel.TRUSTED, Action.ALLOW),
                  new Rule("ui-*", "control.>", List.of(), null, Action.DENY),
                  new Rule("auditor-*", "audit.>", List.of(), null, Action.ALLOW),
                  new Rule("*", "audit.>", List.of("NODE_FAILURE"), null, Action.DENY),
                  new Rule("ops-*", "secret.>", List.of(), null, Action.ALLOW),
                  new Rule("*", "secret.>", List.of(), null, Action.DENY)),
              Action.ALLOW));

  @ParameterizedTest(name = "{0} gets {1} {2} from a {3} publisher: {4}")
  @CsvSource({
    "ui-1,      control.restart, CMD,          trusted,   allow",
    "ui-1,      control.restart, CMD,          verified,  allow",
    "ui-1,      control.restart, CMD,          untrusted, deny",
    "worker-9,  control.restart, CMD,          untrusted, allow",
    "ui-1,      sensors.temp,    READING,      untrusted, allow",
    "auditor-2, audit.node.a,    NODE_FAILURE, untrusted, allow",
    "ui-1,      audit.node.a,    NODE_FAILURE, trusted,   deny",
    "ui-1,      audit.node.a,    NODE_START,   untrusted, allow",
    "ops-7,     secret.keys,     ROTATED,      untrusted, allow",
    "ui-1,      secret.keys,     ROTATED,      verified,  deny",
    "ops,       secret.keys,     ROTATED,      verified,  deny",
  })
  void decides(String subscriber, String topic, String type, String trust, String expected) {
    SubscriberPolicy p = ENGINE.forSubscriber(subscriber);
    boolean allowed = p == null || p.allows(topic, view(topic, type), TrustLevel.fromWire(trust));

    assertThat(allowed ? "allow" : "deny").isEqualTo(expected);
  }

  @Test
  void publisherTrustComesFromTheFirstMatchingGlobElseTheDefault() {
    assertThat(ENGINE.trustOf("ops-1")).isEqualTo(TrustLevel.TRUSTED);
    assertThat(ENGINE.trustOf("root")).isEqualTo(TrustLevel.VERIFIED);
    assertThat(ENGINE.trustOf("rooted")).isEqualTo(TrustLevel.UNTRUSTED);
  }

  @Test
  void aBusWithoutRulesCostsSubscribersNothing() {
    PolicyEngine none = new PolicyEngine(PolicyConfig.NONE);

    assertThat(none.forSubscriber("anyone")).isNull();
  }

  @Test
  void aDefaultDenyAppliesToSubscribersNoRuleNames() {
    PolicyEngine closed =
        new PolicyEngine(
            new PolicyConfig(
                Map.of(),
                TrustLevel.UNTRUSTED,
                List.of(new Rule("svc-*", ">", List.of(), null, Action.ALLOW)),
                Action.DENY));

    assertThat(closed.forSubscriber("svc-1").allows("a.b", view("a.b", "T"), TrustLevel.UNTRUSTED))
        .isTrue();
    assertThat(closed.forSubscriber("guest").allows("a.b", view("a.b", "T"), TrustLevel.VERIFIED))
        .isFalse();
  }

  private static EventRecordView view(String topic, String eventType) {
    byte[] rec =
        EventRecords.encode(
            EventRecord.of(topic, eventType, null, "{}".getBytes(StandardCharsets.UTF_8)));
    try {
      return new EventRecordView().wrap(rec, 0, rec.length);
    } catch (io.onex.bus.protocol.ProtocolException e) {
      throw new AssertionError(e);
    }
  }
}
