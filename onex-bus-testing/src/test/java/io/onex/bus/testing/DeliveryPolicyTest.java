package io.onex.bus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.protocol.event.OnexEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The bus policy end to end: a ui node subscribed to {@code control.>} gets only what trusted
 * publishers send there, a worker on the same pattern gets everything, and every withheld delivery
 * is counted.
 */
class DeliveryPolicyTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String POLICY =
      """
      policy:
        trust: {"ops-*": trusted}
        rules:
          - {subscriber: "ui-*", topic: "control.>", min_trust: trusted, action: allow}
          - {subscriber: "ui-*", topic: "control.>", action: deny}
      """;

  @Test
  void untrustedControlEventsDoNotReachUiNodesAndOthersGetEverything() throws Exception {
    try (Broker broker = TestBuses.start("control", POLICY);
        BusClient ui = client(broker, "ui-1");
        BusClient worker = client(broker, "worker-1");
        BusClient ops = client(broker, "ops-1");
        BusClient rando = client(broker, "rando")) {
      List<ReceivedEvent> atUi = new CopyOnWriteArrayList<>();
      List<ReceivedEvent> atWorker = new CopyOnWriteArrayList<>();
      ui.subscribe("control.>", atUi::add).ready().get();
      worker.subscribe("control.>", atWorker::add).ready().get();

      for (int i = 0; i < 5; i++) {
        ops.publish("control.restart", OnexEvent.create("ops-1", "TOOL_PROXY_INVOKE", null)).get();
        rando
            .publish("control.restart", OnexEvent.create("rando", "TOOL_PROXY_INVOKE", null))
            .get();
      }
      // A last trusted event: once the ui node has it, everything before it was decided.
      ops.publish("control.done", OnexEvent.create("ops-1", "TOOL_PROXY_INVOKE", null)).get();

      Awaitility.await().atMost(WAIT).until(() -> atWorker.size() == 11 && atUi.size() == 6);
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> atUi.get(atUi.size() - 1).topic().equals("control.done"));
      assertThat(atUi).extracting(ReceivedEvent::publisherNodeId).containsOnly("ops-1");
      assertThat(atWorker)
          .extracting(ReceivedEvent::publisherNodeId)
          .containsOnly("ops-1", "rando");
      Awaitility.await().atMost(WAIT).until(() -> broker.snapshot().policyDenied() == 5);
    }
  }

  private static BusClient client(Broker broker, String nodeId) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(nodeId).build());
  }
}
