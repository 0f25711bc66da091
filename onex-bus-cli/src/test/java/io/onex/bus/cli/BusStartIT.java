package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bus broker started as its own process ({@code onex bus start}) next to a running {@code onex
 * up}: it leases its port from the registry, registers, shows up in {@code onex buses}, and the
 * registry's events about it arrive on {@code $onex.registry.>} of the control bus; when it stops,
 * its lease is released and it leaves the registry.
 */
class BusStartIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void aSeparateBrokerLeasesRegistersAndLeavesAndTheRegistrySaysSo() throws Exception {
    Path upCfg = home.resolve("up.yaml");
    Files.writeString(upCfg, "buses:\n  - name: control\n");
    Path busCfg = home.resolve("extra.yaml");
    Files.writeString(
        busCfg,
        "registry:\n  ranges:\n    extra: 42500-42599\nbuses:\n  - name: extra\n    port: 42500-42599\n"
            + "    metadata: {purpose: side bus, qos: at-least-once}\n");
    try (OnexProcess up = OnexProcess.start(home, "up", "--config", upCfg.toString())) {
      up.awaitLine("onex: ready", START);
      OnexProcess events =
          OnexProcess.start(
              home,
              "subscribe",
              "--bus",
              "control",
              "--topic",
              "$onex.registry.>",
              "--count",
              "4",
              "--timeout",
              "60s",
              "--json");
      awaitSubscription(home, events);

      try (OnexProcess bus =
          OnexProcess.start(home, "bus", "start", "extra", "--config", busCfg.toString())) {
        bus.awaitLine("onex: ready", START);
        String endpoint = bus.lineValue("bus extra");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        assertThat(port).isBetween(42500, 42599);

        JsonNode extra = busNamed(home, "extra");
        assertThat(extra.path("endpoint").asText()).isEqualTo(endpoint);
        assertThat(extra.path("metadata").path("qos").asText()).isEqualTo("at-least-once");

        bus.terminate();
        assertThat(bus.waitFor(START)).as("bus stderr: %s", bus.err()).isZero();
      }

      assertThat(events.waitFor(START)).as("events stderr: %s", events.err()).isZero();
      List<String> types = new ArrayList<>();
      for (String line : events.out()) {
        JsonNode e = JSON.readTree(line);
        assertThat(e.path("topic").asText()).startsWith("$onex.registry.");
        types.add(e.path("event_type").asText());
      }
      // The lease, the broker's registration, then its goodbye: the lease returned, the node gone.
      assertThat(types)
          .containsExactly("LEASE_GRANTED", "NODE_REGISTERED", "LEASE_RELEASED", "NODE_REMOVED");
      events.close();
      Awaitility.await().atMost(START).until(() -> busNamedOrNull(home, "extra") == null);
    }
  }

  private static void awaitSubscription(Path home, OnexProcess subscriber) {
    Awaitility.await()
        .atMost(START)
        .failFast("subscriber exited: " + subscriber.err(), () -> !subscriber.isAlive())
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                busNamedOrNull(home, "control") != null
                    && busNamed(home, "control").path("subscriber_count").asInt() > 0);
  }

  private static JsonNode busNamed(Path home, String name) throws Exception {
    JsonNode b = busNamedOrNull(home, name);
    assertThat(b).as("bus %s listed", name).isNotNull();
    return b;
  }

  private static JsonNode busNamedOrNull(Path home, String name) throws Exception {
    return OnexProcess.bus(home, name);
  }
}
