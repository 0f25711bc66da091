package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The records guard themselves: a bad value built in code fails with the field named. */
class ConfigRecordsTest {
  private static final BusConfig SOLO = ConfigLoader.loadDefault().buses().get(0);

  private static Arguments row(Supplier<Object> build, String message) {
    return Arguments.of(build, message);
  }

  static Stream<Arguments> badRecords() {
    Duration s1 = Duration.ofSeconds(1);
    return Stream.of(
        row(() -> new QueueConfig(0, DropPolicy.OLDEST), "size must be >= 1 (was 0)"),
        row(() -> new QueueConfig(10_000_001, DropPolicy.OLDEST), "size must be <= 10000000"),
        row(() -> new QueueConfig(1, null), "drop"),
        row(
            () -> new LimitsConfig(1023, 1, 1, 1, 1, 1),
            "max_frame_bytes must be >= 1024 (was 1023)"),
        row(() -> new LimitsConfig(1024, 65536, 1, 1, 1, 1), "max_batch_events must be <= 65535"),
        row(
            () -> new LimitsConfig(1024, 1, 0, 1, 1, 1),
            "max_subscriptions_per_connection must be >= 1"),
        row(() -> new LimitsConfig(1024, 1, 1, 0, 1, 1), "send_hwm must be >= 1 (was 0)"),
        row(() -> new LimitsConfig(1024, 1, 1, 1, 0, 1), "recv_hwm must be >= 1 (was 0)"),
        row(() -> new LimitsConfig(1024, 1, 1, 1, 1, 0), "io_threads must be >= 1 (was 0)"),
        row(() -> new LimitsConfig(1024, 1, 1, 1, 1, 17), "io_threads must be <= 16 (was 17)"),
        row(() -> new HeartbeatConfig(Duration.ZERO, s1), "interval must be > 0 (was 0s)"),
        row(() -> new HeartbeatConfig(s1, null), "timeout must not be null"),
        row(
            () -> new HeartbeatConfig(s1, s1),
            "timeout must be longer than the heartbeat interval 1s"),
        row(
            () -> new ShutdownConfig(Duration.ofMillis(-1)),
            "drain_timeout must be > 0 (was -1ms)"),
        row(() -> new LoggingConfig("INFO", false), "level must be one of trace, debug, info"),
        row(() -> new HttpConfig("*", 0), "host must be a host name or IPv4 address; use 0.0.0.0"),
        row(() -> new HttpConfig("127.0.0.1", 65536), "port must be <= 65535"),
        row(() -> PortSpec.fixed(0), "port must be >= 1 (was 0)"),
        row(() -> PortSpec.range(10, 9), "port range must go from low to high (was 10-9)"),
        row(() -> new BusMetadata("", " ", false, Map.of()), "qos must not be empty"),
        row(
            () -> new BusMetadata("", "q", false, Map.of("k", new Object())),
            "extra.k must be a string, number"),
        row(() -> withName("Telemetry"), "name must match [a-z0-9][a-z0-9_-]{0,62}"),
        row(() -> withHost("two words"), "host must be a host name"),
        row(
            () -> new OnexConfig(null, null, new HttpConfig("127.0.0.1", 0), List.of(SOLO, SOLO)),
            "buses[1].name: duplicate bus name 'telemetry' (also buses[0])"),
        row(
            () -> new OnexConfig(null, null, new HttpConfig("127.0.0.1", 0), List.of()),
            "buses: must list at least one bus"));
  }

  private static BusConfig withName(String name) {
    return new BusConfig(
        name,
        SOLO.host(),
        SOLO.port(),
        SOLO.queue(),
        SOLO.limits(),
        SOLO.heartbeat(),
        SOLO.logging(),
        SOLO.shutdown(),
        SOLO.metadata());
  }

  private static BusConfig withHost(String host) {
    return new BusConfig(
        SOLO.name(),
        host,
        SOLO.port(),
        SOLO.queue(),
        SOLO.limits(),
        SOLO.heartbeat(),
        SOLO.logging(),
        SOLO.shutdown(),
        SOLO.metadata());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badRecords")
  void badValueNamesTheField(Supplier<Object> build, String message) {
    assertThatThrownBy(build::get)
        .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
        .hasMessageContaining(message);
  }

  @Test
  void dropPolicyWireCodesAndNames() {
    assertThat(DropPolicy.OLDEST.wireCode()).isEqualTo(1);
    assertThat(DropPolicy.NEWEST.wireCode()).isEqualTo(2);
    assertThat(DropPolicy.fromConfigName("newest")).contains(DropPolicy.NEWEST);
    assertThat(DropPolicy.fromConfigName("Newest")).isEmpty();
    assertThat(DropPolicy.OLDEST.configName()).isEqualTo("oldest");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, *",
    "*, 0, *",
    "5555, 5555, 5555",
    "40000-40999, 40000-40999, *",
    "' 7 - 9 ', 7-9, *",
  })
  void portSpecParsesItsTextForms(String text, String canonical, String bindPort) {
    PortSpec p = PortSpec.parse(text);

    assertThat(p.text()).isEqualTo(canonical);
    assertThat(p.bindPort()).isEqualTo(bindPort);
    assertThat(PortSpec.parse(p.text())).isEqualTo(p);
  }

  @Test
  void portSpecKindsAndContainment() {
    assertThat(PortSpec.parse("0")).isInstanceOf(PortSpec.Ephemeral.class);
    assertThat(PortSpec.parse("5555")).isEqualTo(new PortSpec.Fixed(5555));
    PortSpec.Range r = (PortSpec.Range) PortSpec.parse("40000-40999");
    assertThat(r.from()).isEqualTo(40000);
    assertThat(r.to()).isEqualTo(40999);
    assertThat(r.size()).isEqualTo(1000);
    assertThat(r.contains(40000)).isTrue();
    assertThat(r.contains(41000)).isFalse();
    assertThat(PortSpec.ephemeral().contains(0)).isFalse();
    assertThat(PortSpec.fixed(5).contains(5)).isTrue();
  }

  @Test
  void bindEndpointUsesStarForEphemeralAndRanges() {
    assertThat(withPort(PortSpec.ephemeral()).bindEndpoint()).isEqualTo("tcp://127.0.0.1:*");
    assertThat(withPort(PortSpec.fixed(5555)).bindEndpoint()).isEqualTo("tcp://127.0.0.1:5555");
    assertThat(withPort(PortSpec.range(40000, 40999)).bindEndpoint())
        .isEqualTo("tcp://127.0.0.1:*");
  }

  private static BusConfig withPort(PortSpec port) {
    return new BusConfig(
        SOLO.name(),
        "127.0.0.1",
        port,
        SOLO.queue(),
        SOLO.limits(),
        SOLO.heartbeat(),
        SOLO.logging(),
        SOLO.shutdown(),
        SOLO.metadata());
  }

  @Test
  void metadataExtrasAreDeepCopiedAndUnmodifiable() {
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> inner = new LinkedHashMap<>(Map.of("tags", tags));
    Map<String, Object> extra = new LinkedHashMap<>(Map.of("inner", inner));

    BusMetadata m = new BusMetadata("p", "q", false, extra);
    tags.add("b");
    inner.put("more", 1);

    assertThat(m.extra()).isEqualTo(Map.of("inner", Map.of("tags", List.of("a"))));
    assertThatThrownBy(() -> m.extra().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> copiedInner = (Map<String, Object>) m.extra().get("inner");
    assertThatThrownBy(() -> copiedInner.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void configListsAreImmutable() {
    OnexConfig c = ConfigLoader.loadDefault();

    assertThatThrownBy(() -> c.buses().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void validConfigBuiltInCodeIsAccepted() {
    OnexConfig c =
        new OnexConfig(
            null, Path.of("/tmp/onex"), new HttpConfig("localhost", 8080), List.of(SOLO));

    assertThat(c.bus("telemetry")).contains(SOLO);
  }

  @Test
  void busNameCheckIsPublic() {
    assertThat(BusConfig.isValidName("user_events-2")).isTrue();
    assertThat(BusConfig.isValidName("_x")).isFalse();
    assertThat(BusConfig.isValidName(null)).isFalse();
  }
}
