package io.onex.bus.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.onex.bus.broker.registration.RegisteredBus;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.RegistryCallException;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.client.Subscription;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.testing.TestBuses;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker living in a real registry: it leases its port, registers its bus, reports its
 * subscribers and connections, a node finds the bus by name, and on close the lease is released and
 * the bus leaves.
 */
class RegisteredBusTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void aRegisteredBusIsFoundByNameReportsItsSubscribersAndLeavesCleanly() throws Exception {
    BusConfig config = TestBuses.config("user", "port: 0\n");
    try (RegistryNode registry =
            RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("r.db"), Clock.systemUTC());
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus bus =
          RegisteredBus.start(config, rc, RegistryConfig.DEFAULT.retry(), Duration.ofMillis(100));
      Lease lease = registry.registry().leases().find(bus.leaseId()).orElseThrow();
      assertThat(lease.port()).isEqualTo(bus.broker().port());
      assertThat(lease.purpose()).isEqualTo("user");
      assertThat(lease.allocatedBy().nodeId()).isEqualTo("broker.user");

      List<OnexEvent> got = new CopyOnWriteArrayList<>();
      try (BusClient node =
          BusClient.connect(rc, "user", BusClientOptions.builder().nodeId("sensor-7"))) {
        Subscription sub = node.subscribe("demo.>", e -> got.add(e.event()));
        sub.ready().get();
        PublishResult r =
            node.publish("demo.x", OnexEvent.create("sensor-7", "NODE_START", null)).get();
        assertThat(r.status()).isEqualTo(PublishResult.Status.ACCEPTED);
        Awaitility.await().atMost(WAIT).until(() -> got.size() == 1);

        Awaitility.await()
            .atMost(WAIT)
            .untilAsserted(
                () -> {
                  BusRecord b = registry.registry().buses().find("user").orElseThrow();
                  assertThat(b.subscriberCount()).isEqualTo(1);
                  assertThat(b.connections())
                      .contains(new BusConnection("sensor-7", List.of("demo.>")));
                  assertThat(registry.registry().busStats("user")).containsKey("events_published");
                });
      }

      bus.close();

      assertThat(registry.registry().buses().find("user")).isEmpty();
      assertThat(registry.registry().nodes().find("broker.user")).isEmpty();
      assertThat(registry.registry().leases().active())
          .extracting(Lease::leaseId)
          .doesNotContain(lease.leaseId());
      RegistryCallException gone =
          catchThrowableOfType(RegistryCallException.class, () -> rc.busEndpoint("user"));
      assertThat(gone.code()).isEqualTo(ErrorCode.UNKNOWN_BUS);
    }
  }

  @Test
  void aStalledSubscriptionsQueueDropsAndLagShowInTheRegistry() throws Exception {
    try (RegistryNode registry =
            RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("r.db"), Clock.systemUTC());
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus bus = TestBuses.registered("user", "", rc);
      try (io.onex.bus.testing.RawPeer stalled =
              new io.onex.bus.testing.RawPeer(bus.broker().endpoint());
          BusClient pub = BusClient.connect(rc, "user", BusClientOptions.builder().nodeId("pub"))) {
        stalled.hello("stalled-1");
        stalled.send(
            new io.onex.bus.protocol.codec.Frame.Subscribe(
                1, 2, "slow.>", 5, 1, 0, java.util.Map.of()));
        stalled.receive(WAIT);
        for (int i = 0; i < 12; i++) {
          pub.publish("slow.x", OnexEvent.create("pub", "TICK", null)).get();
        }

        var views = new io.onex.bus.registry.api.RegistryViews(registry.registry());
        Awaitility.await()
            .atMost(WAIT)
            .untilAsserted(
                () -> {
                  var topic = topic(views.topics(), "slow.>");
                  assertThat(topic.path("queued").asLong()).isEqualTo(5);
                  assertThat(topic.path("dropped").asLong()).isEqualTo(7);
                  assertThat(topic.path("behind").asLong()).isPositive();
                  assertThat(views.bus("user").orElseThrow().path("queued_events").asLong())
                      .isEqualTo(5);
                });
      } finally {
        bus.close();
      }
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode topic(
      com.fasterxml.jackson.databind.JsonNode topics, String name) {
    for (var t : topics) {
      if (t.path("topic").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no topic " + name + " in " + topics);
  }

  @Test
  void aFixedPortThatIsAlreadyLeasedStopsTheBusWithAClearError() throws Exception {
    try (RegistryNode registry =
            RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("r.db"), Clock.systemUTC());
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus first =
          RegisteredBus.start(
              TestBuses.config("a", "port: 0\n"),
              rc,
              RegistryConfig.DEFAULT.retry(),
              Duration.ofSeconds(1));
      int taken = first.broker().port();
      try {
        var e =
            catchThrowableOfType(
                io.onex.bus.broker.BrokerStartException.class,
                () ->
                    RegisteredBus.start(
                        TestBuses.config("b", "port: " + taken + "\n"),
                        rc,
                        RegistryConfig.DEFAULT.retry(),
                        Duration.ofSeconds(1)));
        assertThat(e.getMessage()).contains("already leased");
      } finally {
        first.close();
      }
    }
  }
}
