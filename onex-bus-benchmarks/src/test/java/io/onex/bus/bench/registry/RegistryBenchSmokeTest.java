package io.onex.bus.bench.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry scenario end to end with tiny counts: every request of every run (warm-up included)
 * is answered OK, and the registry's own counters saw exactly the requests the clients sent. No
 * timing is asserted; numbers belong in docs/performance.md.
 */
class RegistryBenchSmokeTest {
  private static final int CLIENTS = 4;
  private static final int LEASE_OPS = 200;
  private static final int NODES = 100;
  private static final int HEARTBEATS = 300;
  private static final int REPETITIONS = 2;

  @Test
  void everyRequestIsAnsweredOkAndCountedByTheRegistry() throws Exception {
    List<String> progress = new ArrayList<>();
    List<RegistryRow> rows =
        RegistryBench.run(
            new RegistryBenchOptions(CLIENTS, LEASE_OPS, NODES, HEARTBEATS, REPETITIONS, 8),
            progress::add);

    assertThat(rows)
        .extracting(r -> r.operation() + "/" + r.mode())
        .containsExactly("lease/sync", "heartbeat/sync", "lease/pipelined", "heartbeat/pipelined");
    int runs = REPETITIONS + 1; // and the warm-up
    for (RegistryRow r : rows) {
      long perRun = r.operation().equals("lease") ? LEASE_OPS : HEARTBEATS;
      assertThat(r.operationsPerRun()).as(r.toString()).isEqualTo(perRun);
      assertThat(r.sent()).as(r.toString()).isEqualTo(perRun * runs);
      assertThat(r.answeredOk()).as(r.toString()).isEqualTo(r.sent());
      assertThat(r.errors()).as(r.toString()).isZero();
      assertThat(r.serverCounted()).as(r.toString()).isEqualTo(r.sent());
      assertThat(r.clients()).isEqualTo(CLIENTS);
      assertThat(r.window()).isEqualTo(r.mode().equals("sync") ? 1 : 8);
    }
    // One line per cell and one for the registration.
    assertThat(progress).hasSize(5);
    assertThat(progress).anyMatch(l -> l.contains("registered " + NODES + " nodes"));
  }

  @Test
  void aWindowOfOneSkipsThePipelinedVariant() throws Exception {
    List<RegistryRow> rows =
        RegistryBench.run(new RegistryBenchOptions(2, 20, 10, 20, 1, 1), line -> {});
    assertThat(rows).extracting(RegistryRow::mode).containsOnly("sync");
    assertThat(rows).allMatch(r -> r.errors() == 0 && r.answeredOk() == r.sent());
  }

  @Test
  void heartbeatsCoverTheNodesRoundRobin() {
    List<String> seen = new ArrayList<>();
    for (int client = 0; client < 3; client++) {
      HeartbeatScript s = new HeartbeatScript(client, 3, 7, 7);
      for (ClientScript.Call c = s.next(); c != null; c = s.next()) {
        seen.add(c.body().path("node_id").asText());
      }
    }
    assertThat(seen).hasSize(21);
    for (int i = 0; i < 7; i++) {
      assertThat(seen).filteredOn(RegisterScript.nodeId(i)::equals).hasSize(3);
    }
  }
}
