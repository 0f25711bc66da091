package io.onex.bus.registry.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.onex.bus.config.BusMetadata;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.registry.Registry;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseManager;
import io.onex.bus.registry.lease.LeaseRequest;
import io.onex.bus.registry.ports.LocalPortPicker;
import io.onex.bus.registry.store.SqliteRegistryStore;
import io.onex.bus.registry.testkit.MutableClock;
import io.onex.bus.registry.testkit.RecordedEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes and buses through the registry's rules, on a real store with a clock the test moves:
 * registration, heartbeats, expiry (ephemeral vanish, durable go offline), leases returned, rejoin
 * with topics and affinity restored, and the refusals.
 */
class NodeLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final TopicScope TOPICS =
      new TopicScope(List.of("sensors.temp"), List.of("control.>"));
  private static final List<String> AFFINITY = List.of("telemetry.>", "sensors.*.temp");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final RecordedEvents events = new RecordedEvents(clock);
  private SqliteRegistryStore store;
  private Registry registry;

  @BeforeEach
  void open() {
    store = SqliteRegistryStore.open(dir.resolve("registry.db"));
    registry = registry();
  }

  private Registry registry() {
    RegistryConfig cfg = RegistryConfig.DEFAULT;
    return new Registry(
        new LeaseManager(store, new LocalPortPicker(11), cfg, clock, d -> {}, events.events()),
        new NodeRegistry(store, cfg.node(), clock, events.events()),
        new BusRegistry(store),
        clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static NodeRegistration node(String id, TopicScope topics, boolean durable) {
    return node(id, topics, null, durable);
  }

  private static NodeRegistration node(
      String id, TopicScope topics, List<String> affinity, boolean durable) {
    return new NodeRegistration(
        id,
        List.of("user"),
        topics,
        affinity,
        null,
        Map.of("type", "sensor"),
        Duration.ofSeconds(10),
        durable,
        null);
  }

  @Test
  void registrationIsStoredAndAnnounced() throws Exception {
    NodeRegistry.Registered r = registry.register(node("n1", TOPICS, false));

    assertThat(r.rejoined()).isFalse();
    assertThat(r.node().status()).isEqualTo(NodeStatus.ONLINE);
    assertThat(r.node().trust()).isEqualTo("unverified");
    assertThat(store.findNode("n1")).contains(r.node());
    assertThat(events.types()).containsExactly(BusEventType.NODE_REGISTERED);
  }

  @Test
  void heartbeatsKeepANodeOnlinePastItsTtl() throws Exception {
    registry.register(node("n1", TOPICS, false));
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(8));
      registry.heartbeat("n1", null);
      registry.reap();
    }

    assertThat(registry.nodes().find("n1").orElseThrow().status()).isEqualTo(NodeStatus.ONLINE);
    assertThat(store.findNode("n1").orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(40));
    assertThat(events.of(BusEventType.NODE_EXPIRED)).isEmpty();
  }

  @Test
  void anExpiredEphemeralNodeVanishesAndReturnsItsLeases() throws Exception {
    registry.register(node("n1", TOPICS, false));
    Lease l =
        registry
            .leases()
            .grant(
                new LeaseRequest("n1-http", "n1", "tcp", 0, Duration.ofHours(1), null, "", null));
    clock.advance(Duration.ofSeconds(11));

    registry.reap();

    assertThat(registry.nodes().find("n1")).isEmpty();
    assertThat(store.findNode("n1")).isEmpty();
    assertThat(store.isPortLeased("127.0.0.1", l.port())).isFalse();
    assertThat(events.of(BusEventType.NODE_EXPIRED).get(0).fields())
        .containsEntry("node_id", "n1")
        .containsEntry("durable", false);
    assertThat(events.of(BusEventType.LEASE_RELEASED)).hasSize(1);
    RegistryException e =
        catchThrowableOfType(RegistryException.class, () -> registry.heartbeat("n1", null));
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NODE);
  }

  @Test
  void anExpiredNodeThatComesBackRejoinsWithItsTopics() throws Exception {
    registry.register(node("n1", TOPICS, false));
    clock.advance(Duration.ofSeconds(11));
    registry.reap();

    NodeRegistry.Registered back = registry.register(node("n1", TopicScope.NONE, false));

    assertThat(back.rejoined()).isTrue();
    assertThat(back.node().topics()).isEqualTo(TOPICS);
    assertThat(events.of(BusEventType.NODE_REJOINED)).hasSize(1);
    assertThat(events.of(BusEventType.NODE_REJOINED).get(0).fields())
        .containsEntry("topics_restored", true);
  }

  @Test
  void aReconnectWhileOnlineIsARejoinThatKeepsTheFirstRegistrationTime() throws Exception {
    registry.register(node("n1", TOPICS, false));
    clock.advance(Duration.ofSeconds(3));

    NodeRegistry.Registered again = registry.register(node("n1", TopicScope.NONE, false));

    assertThat(again.rejoined()).isTrue();
    assertThat(again.node().registeredAt()).isEqualTo(T0);
    assertThat(again.node().topics()).isEqualTo(TOPICS);
  }

  @Test
  void aDurableNodeGoesOfflineOnExpiryAndAHeartbeatBringsItBack() throws Exception {
    registry.register(node("d1", TOPICS, true));
    clock.advance(Duration.ofSeconds(11));
    registry.reap();

    assertThat(registry.nodes().find("d1").orElseThrow().status()).isEqualTo(NodeStatus.OFFLINE);
    assertThat(store.findNode("d1").orElseThrow().status()).isEqualTo(NodeStatus.OFFLINE);

    registry.heartbeat("d1", null);

    assertThat(registry.nodes().find("d1").orElseThrow().status()).isEqualTo(NodeStatus.ONLINE);
    assertThat(events.of(BusEventType.NODE_REJOINED).get(0).fields())
        .containsEntry("was", "offline");
  }

  @Test
  void aBrokerTakesItsBusAlongWhenItGoes() throws Exception {
    var bus =
        new NodeRegistration.BusRegistration(
            "telemetry", "tcp://127.0.0.1:41000", "", BusMetadata.NONE);
    registry.register(
        new NodeRegistration(
            "broker.telemetry",
            List.of(),
            TopicScope.NONE,
            null,
            null,
            Map.of(),
            Duration.ofSeconds(10),
            false,
            bus));
    registry.heartbeat(
        "broker.telemetry",
        new Registry.BusReport(
            2, List.of(new BusConnection("n1", List.of("a.>", "b"))), Map.of("sessions", 1)));

    BusRecord b = registry.buses().find("telemetry").orElseThrow();
    assertThat(b.subscriberCount()).isEqualTo(2);
    assertThat(b.connections()).containsExactly(new BusConnection("n1", List.of("a.>", "b")));
    assertThat(registry.busStats("telemetry")).containsEntry("sessions", 1);

    clock.advance(Duration.ofSeconds(11));
    registry.reap();

    assertThat(registry.buses().find("telemetry")).isEmpty();
    assertThat(store.findBus("telemetry")).isEmpty();
  }

  @Test
  void aPlainNodeCannotReportABusAndTheRefusalIsNoHeartbeat() throws Exception {
    registry.register(node("n1", TOPICS, false));
    clock.advance(Duration.ofSeconds(5));

    RegistryException e =
        catchThrowableOfType(
            RegistryException.class,
            () -> registry.heartbeat("n1", new Registry.BusReport(0, List.of(), Map.of())));

    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_BUS);
    assertThat(registry.nodes().find("n1").orElseThrow().lastSeen()).isEqualTo(T0);
  }

  @Test
  void aBrokerKeepsItsOtherBusesAndItsReportCannotRewriteTheBusDocument() throws Exception {
    var bus =
        new NodeRegistration.BusRegistration("ev", "tcp://127.0.0.1:41000", "", BusMetadata.NONE);
    registry.register(
        new NodeRegistration(
            "broker.ev",
            List.of("other"),
            TopicScope.NONE,
            null,
            null,
            Map.of(),
            Duration.ofSeconds(10),
            false,
            bus));
    registry.heartbeat(
        "broker.ev",
        new Registry.BusReport(
            0, List.of(), Map.of("name", "hijack", "endpoint", "tcp://evil:1", "sessions", 2)));

    assertThat(registry.nodes().find("broker.ev").orElseThrow().buses())
        .containsExactly("other", "ev");
    var doc = new io.onex.bus.registry.api.RegistryViews(registry).bus("ev").orElseThrow();
    assertThat(doc.path("name").asText()).isEqualTo("ev");
    assertThat(doc.path("endpoint").asText()).isEqualTo("tcp://127.0.0.1:41000");
    assertThat(doc.path("sessions").asInt()).isEqualTo(2);
  }

  @Test
  void badNodeIdsAndTtlsAreRefused() {
    RegistryException id =
        catchThrowableOfType(
            RegistryException.class, () -> registry.register(node("bad id!", TOPICS, false)));
    RegistryException ttl =
        catchThrowableOfType(
            RegistryException.class,
            () ->
                registry.register(
                    new NodeRegistration(
                        "n2",
                        List.of(),
                        TOPICS,
                        null,
                        null,
                        Map.of(),
                        Duration.ofDays(400),
                        false,
                        null)));

    assertThat(id.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(id.offending()).isEqualTo("bad id!");
    assertThat(ttl.code()).isEqualTo(ErrorCode.INVALID_TTL);
    assertThat(registry.nodes().all()).isEmpty();
  }

  @Test
  void affinityIsRecordedStoredAndAbsentMeansNone() throws Exception {
    NodeRegistry.Registered r = registry.register(node("n1", TOPICS, AFFINITY, false));
    NodeRegistry.Registered plain = registry.register(node("n2", TOPICS, false));

    assertThat(r.node().affinity()).isEqualTo(AFFINITY);
    assertThat(store.findNode("n1").orElseThrow().affinity()).isEqualTo(AFFINITY);
    assertThat(plain.node().affinity()).isEmpty();
    assertThat(store.findNode("n2").orElseThrow().affinity()).isEmpty();
  }

  @Test
  void aReconnectWithoutAffinityKeepsItAndANewOneReplacesIt() throws Exception {
    registry.register(node("n1", TOPICS, AFFINITY, false));

    NodeRegistry.Registered same = registry.register(node("n1", TopicScope.NONE, null, false));
    assertThat(same.node().affinity()).isEqualTo(AFFINITY);
    assertThat(store.findNode("n1").orElseThrow().affinity()).isEqualTo(AFFINITY);

    NodeRegistry.Registered other =
        registry.register(node("n1", TopicScope.NONE, List.of("control.>"), false));
    assertThat(other.node().affinity()).containsExactly("control.>");

    NodeRegistry.Registered cleared =
        registry.register(node("n1", TopicScope.NONE, List.of(), false));
    assertThat(cleared.node().affinity()).isEmpty();
    assertThat(store.findNode("n1").orElseThrow().affinity()).isEmpty();
  }

  @Test
  void anExpiredEphemeralNodeRejoinsWithItsAffinity() throws Exception {
    registry.register(node("n1", TOPICS, AFFINITY, false));
    clock.advance(Duration.ofSeconds(11));
    registry.reap();
    assertThat(registry.nodes().find("n1")).isEmpty();

    NodeRegistry.Registered back = registry.register(node("n1", TopicScope.NONE, null, false));

    assertThat(back.rejoined()).isTrue();
    assertThat(back.node().topics()).isEqualTo(TOPICS);
    assertThat(back.node().affinity()).isEqualTo(AFFINITY);
    assertThat(store.findNode("n1").orElseThrow().affinity()).isEqualTo(AFFINITY);
  }

  @Test
  void anOfflineDurableNodeKeepsItsAffinityAcrossExpiryAndRejoin() throws Exception {
    registry.register(node("d1", TOPICS, AFFINITY, true));
    clock.advance(Duration.ofSeconds(11));
    registry.reap();

    assertThat(store.findNode("d1").orElseThrow().affinity()).isEqualTo(AFFINITY);
    NodeRegistry.Registered back = registry.register(node("d1", TopicScope.NONE, null, true));
    assertThat(back.node().affinity()).isEqualTo(AFFINITY);
  }

  @Test
  void affinitySurvivesARestartedRegistry() throws Exception {
    registry.register(node("d1", TOPICS, AFFINITY, true));
    registry.heartbeat("d1", null);
    registry.reap(); // flushes last_seen: the flush must not lose the affinity
    store.close();

    store = SqliteRegistryStore.open(dir.resolve("registry.db"));
    Registry restarted = registry();
    assertThat(restarted.nodes().find("d1").orElseThrow().affinity()).isEqualTo(AFFINITY);

    NodeRegistry.Registered back = restarted.register(node("d1", TopicScope.NONE, null, true));
    assertThat(back.node().affinity()).isEqualTo(AFFINITY);
  }

  @Test
  void badAffinityIsRefusedAndChangesNothing() throws Exception {
    registry.register(node("n1", TOPICS, AFFINITY, false));
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= NodeRegistry.MAX_AFFINITY; i++) {
      tooMany.add("family" + i + ".>");
    }

    RegistryException pattern =
        catchThrowableOfType(
            RegistryException.class,
            () -> registry.register(node("n1", TOPICS, List.of("ok.>", "a.>.b"), false)));
    RegistryException count =
        catchThrowableOfType(
            RegistryException.class, () -> registry.register(node("n2", TOPICS, tooMany, false)));

    assertThat(pattern.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(pattern.offending()).isEqualTo("a.>.b");
    assertThat(pattern.getMessage()).contains("affinity[1]");
    assertThat(count.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(count.offending()).isEqualTo(String.valueOf(NodeRegistry.MAX_AFFINITY + 1));
    assertThat(registry.nodes().find("n1").orElseThrow().affinity()).isEqualTo(AFFINITY);
    assertThat(registry.nodes().find("n2")).isEmpty();
    // Exactly the limit is fine.
    assertThat(
            registry
                .register(node("n3", TOPICS, tooMany.subList(0, NodeRegistry.MAX_AFFINITY), false))
                .node()
                .affinity())
        .hasSize(NodeRegistry.MAX_AFFINITY);
  }

  @Test
  void aRestartedRegistryFindsNodesAndContinuesExpiryFromStoredTimes() throws Exception {
    registry.register(node("n1", TOPICS, false));
    clock.advance(Duration.ofSeconds(5));
    registry.heartbeat("n1", null);
    registry.reap(); // flushes last_seen
    store.close();

    store = SqliteRegistryStore.open(dir.resolve("registry.db"));
    Registry restarted = registry();
    assertThat(restarted.nodes().find("n1").orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(5));

    clock.advance(Duration.ofSeconds(9));
    restarted.reap();
    assertThat(restarted.nodes().find("n1")).isPresent();
    clock.advance(Duration.ofSeconds(2));
    restarted.reap();
    assertThat(restarted.nodes().find("n1")).isEmpty();
  }
}
