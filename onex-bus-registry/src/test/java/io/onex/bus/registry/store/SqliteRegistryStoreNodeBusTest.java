package io.onex.bus.registry.store;

import static io.onex.bus.registry.store.StoreFixtures.T0;
import static io.onex.bus.registry.store.StoreFixtures.bus;
import static io.onex.bus.registry.store.StoreFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.config.BusMetadata;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.node.NodeStatus;
import io.onex.bus.registry.node.TopicScope;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes and buses in a real SQLite file: round trips, heartbeats, removal, ordering. */
class SqliteRegistryStoreNodeBusTest {
  @TempDir Path dir;
  private SqliteRegistryStore store;

  @BeforeEach
  void open() {
    store = SqliteRegistryStore.open(dir.resolve("registry.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyFieldOfANodeComesBack() {
    NodeRecord node = node("n1");

    store.putNode(node);

    assertThat(store.findNode("n1")).contains(node);
    assertThat(store.findNode("n1").orElseThrow().metadata().keySet())
        .containsExactly("type", "version", "host");
    assertThat(store.findNode("n2")).isEmpty();
  }

  @Test
  void anEmptyOfflineEphemeralNodeComesBack() {
    NodeRecord node =
        new NodeRecord(
            "bare",
            List.of(),
            TopicScope.NONE,
            List.of(),
            List.of(),
            "",
            Map.of(),
            T0,
            T0,
            Duration.ZERO,
            false,
            NodeStatus.OFFLINE);

    store.putNode(node);

    assertThat(store.findNode("bare")).contains(node);
  }

  @Test
  void putNodeReplaces() {
    store.putNode(node("n1"));
    NodeRecord changed = node("n1").withLeases(List.of("lease-9")).withStatus(NodeStatus.OFFLINE);

    store.putNode(changed);

    assertThat(store.nodes()).containsExactly(changed);
  }

  @Test
  void touchNodesSetsLastSeenAndOnlineAndIgnoresUnknownIds() {
    store.putNode(node("a").withStatus(NodeStatus.OFFLINE));
    store.putNode(node("b").withStatus(NodeStatus.OFFLINE));
    store.putNode(node("c"));
    Instant seen = T0.plusSeconds(60).plusNanos(7_000);

    store.touchNodes(Map.of("a", seen, "c", seen.plusSeconds(1), "unknown", seen));

    assertThat(store.findNode("a")).contains(node("a").seenAt(seen));
    assertThat(store.findNode("b")).contains(node("b").withStatus(NodeStatus.OFFLINE));
    assertThat(store.findNode("c")).contains(node("c").seenAt(seen.plusSeconds(1)));
    assertThat(store.findNode("unknown")).isEmpty();
  }

  @Test
  void touchNodesWithNothingDoesNothing() {
    store.putNode(node("a"));

    store.touchNodes(Map.of());

    assertThat(store.nodes()).containsExactly(node("a"));
  }

  @Test
  void touchNodesHandlesThousandsOfNodesAtOnce() {
    Map<String, Instant> seen = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      String id = String.format("node-%05d", i);
      store.putNode(node(id).withStatus(NodeStatus.OFFLINE));
      seen.put(id, T0.plusMillis(i));
    }

    store.touchNodes(seen);

    List<NodeRecord> nodes = store.nodes();
    assertThat(nodes).hasSize(5_000);
    for (NodeRecord n : nodes) {
      assertThat(n.status()).isEqualTo(NodeStatus.ONLINE);
      assertThat(n.lastSeen()).isEqualTo(seen.get(n.nodeId()));
    }
  }

  @Test
  void removeNodeSaysWhetherThereWasOne() {
    store.putNode(node("n1"));

    assertThat(store.removeNode("n1")).isTrue();
    assertThat(store.removeNode("n1")).isFalse();
    assertThat(store.findNode("n1")).isEmpty();
  }

  @Test
  void nodesAreOrderedById() {
    for (String id : List.of("m", "b", "z", "a")) {
      store.putNode(node(id));
    }

    assertThat(store.nodes()).extracting(NodeRecord::nodeId).containsExactly("a", "b", "m", "z");
  }

  @Test
  void everyFieldOfABusComesBackIncludingNestedExtras() {
    BusRecord bus = bus("orders");

    store.putBus(bus);

    BusRecord back = store.findBus("orders").orElseThrow();
    assertThat(back).isEqualTo(bus);
    // Equal maps could still hold other number types; the store must keep the JSON kinds.
    Map<String, Object> extra = back.metadata().extra();
    assertThat(extra.keySet())
        .containsExactly("owner", "replicas", "big", "huge", "weight", "enabled", "list", "nested");
    assertThat(extra.get("replicas")).isInstanceOf(Integer.class);
    assertThat(extra.get("big")).isInstanceOf(Long.class);
    assertThat(extra.get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(extra.get("weight")).isInstanceOf(Double.class);
    assertThat(store.findBus("payments")).isEmpty();
  }

  @Test
  void aBusWithoutMetadataOrConnectionsComesBack() {
    BusRecord bus = new BusRecord("plain", "tcp://h:1", "", BusMetadata.NONE, 0, List.of(), T0, T0);

    store.putBus(bus);

    assertThat(store.findBus("plain")).contains(bus);
  }

  @Test
  void putBusReplaces() {
    store.putBus(bus("orders"));
    BusRecord changed =
        new BusRecord(
            "orders",
            "tcp://h:2",
            "lease-2",
            BusMetadata.NONE,
            1,
            List.of(),
            T0,
            T0.plusSeconds(9));

    store.putBus(changed);

    assertThat(store.buses()).containsExactly(changed);
  }

  @Test
  void removeBusSaysWhetherThereWasOne() {
    store.putBus(bus("orders"));

    assertThat(store.removeBus("orders")).isTrue();
    assertThat(store.removeBus("orders")).isFalse();
    assertThat(store.buses()).isEmpty();
  }

  @Test
  void busesAreOrderedByName() {
    for (String name : List.of("telemetry", "events", "orders")) {
      store.putBus(bus(name));
    }

    assertThat(store.buses())
        .extracting(BusRecord::name)
        .containsExactly("events", "orders", "telemetry");
  }
}
