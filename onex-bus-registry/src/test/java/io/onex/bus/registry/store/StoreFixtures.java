package io.onex.bus.registry.store;

import io.onex.bus.config.BusMetadata;
import io.onex.bus.registry.lease.AllocatedBy;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseStatus;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.node.NodeStatus;
import io.onex.bus.registry.node.TopicScope;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records for the store tests, with timestamps already at the store's microsecond precision. */
final class StoreFixtures {
  /** A time with microseconds, so that a store cutting to milliseconds would be caught. */
  static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

  private StoreFixtures() {}

  static Lease activeLease(String id, String host, int port, Instant expiresAt) {
    return new Lease(
        id,
        host,
        port,
        "tcp",
        "bus:events",
        new AllocatedBy("node-" + id, "requester-" + id),
        Duration.ofMillis(30_000),
        T0,
        T0.plusMillis(1),
        expiresAt,
        LeaseStatus.ACTIVE);
  }

  static Lease activeLease(String id, String host, int port) {
    return activeLease(id, host, port, T0.plusSeconds(30));
  }

  static NodeRecord node(String id) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("type", "worker");
    metadata.put("version", "1.2.3");
    metadata.put("host", "host-a");
    return new NodeRecord(
        id,
        List.of("events", "telemetry"),
        new TopicScope(List.of("orders.created"), List.of("orders.*", "payments.>")),
        List.of("orders.>", "payments.*.settled"),
        List.of("lease-1", "lease-2"),
        "unverified",
        metadata,
        T0,
        T0.plus(Duration.ofNanos(5_000)),
        Duration.ofSeconds(15),
        true,
        NodeStatus.ONLINE);
  }

  static BusRecord bus(String name) {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("depth", 2);
    nested.put("ratio", 0.25);
    nested.put("tags", List.of("x", "y"));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("owner", "team-a");
    extra.put("replicas", 3);
    extra.put("big", 10_000_000_000L);
    extra.put("huge", new BigInteger("123456789012345678901234567890"));
    extra.put("weight", 1.5);
    extra.put("enabled", true);
    extra.put("list", List.of(1, "two", false, List.of(3.5), Map.of("k", "v")));
    extra.put("nested", nested);
    return new BusRecord(
        name,
        "tcp://10.0.0.1:5555",
        "lease-" + name,
        new BusMetadata("orders flow", "at-least-once", true, extra),
        7,
        List.of(
            new BusConnection("node-1", List.of("orders.*")),
            new BusConnection("node-2", List.of())),
        T0,
        T0.plusSeconds(3));
  }
}
