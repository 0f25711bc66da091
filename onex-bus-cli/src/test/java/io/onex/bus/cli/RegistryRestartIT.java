package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.protocol.registry.RegistryCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry as a real process killed with SIGKILL and started again on the same home: every
 * lease and node is back, the reaper goes on from the stored timestamps, and no port is granted
 * twice across the restart.
 */
class RegistryRestartIT {
  private static final Duration START = Duration.ofSeconds(60);

  @TempDir Path home;

  @Test
  void leasesAndNodesSurviveSigkillAndReapingContinues() throws Exception {
    Path cfg = home.resolve("onex.yaml");
    Files.writeString(
        cfg,
        """
        registry:
          lease: {ttl: 30s, reap_interval: 100ms}
          node: {ttl: 30s, reap_interval: 100ms}
        buses:
          - name: user
        """);
    Set<Integer> portsBefore = new HashSet<>();
    String keptLease;
    int keptPort;
    String shortLease;
    try (OnexProcess first =
        OnexProcess.start(home, "registry", "start", "--config", cfg.toString())) {
      first.awaitLine("onex: ready", START);
      try (RegistryClient r = RegistryClient.connect(first.lineValue("registry"))) {
        r.register(node("keeper", 600));
        r.register(node("brief", 3));
        ObjectNode kept = r.requestLease(lease("keeper", 600));
        keptLease = kept.path("lease_id").asText();
        keptPort = kept.path("port").asInt();
        shortLease = r.requestLease(lease("brief", 3)).path("lease_id").asText();
        for (int i = 0; i < 50; i++) {
          portsBefore.add(r.requestLease(lease("keeper", 600)).path("port").asInt());
        }
        portsBefore.add(keptPort);
      }
      first.kill();
      first.waitFor(START);
    }

    try (OnexProcess second =
        OnexProcess.start(home, "registry", "start", "--config", cfg.toString())) {
      second.awaitLine("onex: ready", START);
      try (RegistryClient r = RegistryClient.connect(second.lineValue("registry"))) {
        JsonNode keeper = r.node("keeper");
        assertThat(keeper.path("status").asText()).isEqualTo("online");
        assertThat(keeper.path("leases"))
            .extracting(l -> l.path("lease_id").asText())
            .contains(keptLease);
        assertThat(activeLeaseIds(r)).contains(keptLease);

        // The short-lived node and lease were stored with a 3 s TTL: the restarted reaper
        // expires them from their stored timestamps, without any new heartbeat.
        Awaitility.await()
            .atMost(START)
            .until(() -> !activeLeaseIds(r).contains(shortLease) && !hasNode(r, "brief"));
        assertThat(activeLeaseIds(r)).contains(keptLease);

        Set<Integer> after = new HashSet<>();
        for (int i = 0; i < 100; i++) {
          after.add(r.requestLease(lease("late", 600)).path("port").asInt());
        }
        assertThat(after).hasSize(100).doesNotContainAnyElementsOf(portsBefore);
      }
      second.terminate();
      assertThat(second.waitFor(START)).isZero();
    }
  }

  private static ObjectNode node(String id, int ttlSeconds) {
    ObjectNode n = RegistryCodec.object();
    n.put("node_id", id);
    n.put("ttl", ttlSeconds);
    n.putObject("topics").putArray("publish").add("sensors." + id);
    return n;
  }

  private static ObjectNode lease(String nodeId, int ttlSeconds) {
    ObjectNode l = RegistryCodec.object();
    l.put("requester_id", nodeId + "-svc");
    l.put("node_id", nodeId);
    l.put("ttl", ttlSeconds);
    return l;
  }

  private static Set<String> activeLeaseIds(RegistryClient r) {
    Set<String> ids = new HashSet<>();
    r.query("leases").forEach(l -> ids.add(l.path("lease_id").asText()));
    return ids;
  }

  private static boolean hasNode(RegistryClient r, String id) {
    for (JsonNode n : r.query("nodes")) {
      if (n.path("node_id").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }
}
