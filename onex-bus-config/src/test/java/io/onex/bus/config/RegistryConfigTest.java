package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code registry} key: defaults, every setting read, and each mistake named by key. */
class RegistryConfigTest {
  private static final String BUS = "buses:\n  - name: a\n";

  @Test
  void absentRegistryKeyGivesTheDefaults() throws ConfigException {
    OnexConfig c = ConfigLoader.parse(BUS, "t.yaml");

    assertThat(c.registry()).isEqualTo(RegistryConfig.DEFAULT);
    assertThat(c.registry().lease().ttl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.registry().rangeFor("telemetry")).isNull();
  }

  @Test
  void everySettingIsRead() throws ConfigException {
    String yaml =
        """
        registry:
          host: 0.0.0.0
          port: 7700
          portserver: "@portserver"
          lease: {ttl: 10s, max_ttl: 1h, reap_interval: 250ms}
          node: {ttl: 20s, max_ttl: 2h, reap_interval: 2s}
          retry: {attempts: 7, backoff: 5ms, max_backoff: 80ms}
          ranges:
            telemetry: 40000-40999
            control: 41000-41099
        """
            + BUS;

    RegistryConfig r = ConfigLoader.parse(yaml, "t.yaml").registry();

    assertThat(r.host()).isEqualTo("0.0.0.0");
    assertThat(r.port()).isEqualTo(7700);
    assertThat(r.portserver()).isEqualTo("@portserver");
    assertThat(r.lease())
        .isEqualTo(
            new RegistryConfig.Lifetimes(
                Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMillis(250)));
    assertThat(r.node().ttl()).isEqualTo(Duration.ofSeconds(20));
    assertThat(r.retry().attempts()).isEqualTo(7);
    assertThat(r.rangeFor("telemetry")).isEqualTo(PortSpec.range(40000, 40999));
    assertThat(r.ranges().keySet()).containsExactly("telemetry", "control");
  }

  @Test
  void backoffDoublesFromTheFirstRetryUpToTheCap() {
    var p = new RegistryConfig.RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(35));

    assertThat(p.backoffBefore(2)).isEqualTo(Duration.ofMillis(10));
    assertThat(p.backoffBefore(3)).isEqualTo(Duration.ofMillis(20));
    assertThat(p.backoffBefore(4)).isEqualTo(Duration.ofMillis(35));
    assertThat(p.backoffBefore(6)).isEqualTo(Duration.ofMillis(35));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "registry: {port: 70000}|registry.port|must be <= 65535",
        "registry: {hots: x}|registry.hots|unknown key; did you mean 'host'?",
        "registry: {lease: {ttl: 0s}}|registry.lease.ttl|must be > 0",
        "registry: {lease: {ttl: 2h, max_ttl: 1h}}|registry.lease.ttl|must be <= max_ttl",
        "registry: {node: {ttl: 10}}|registry.node.ttl|must be a duration with a unit",
        "registry: {retry: {attempts: 0}}|registry.retry.attempts|must be >= 1",
        "registry: {ranges: {telemetry: 5000}}|registry.ranges.telemetry|must be a port range like",
        "registry: {ranges: {telemetry: '5000'}}|registry.ranges.telemetry|must be a range FROM-TO",
        "registry: {ranges: {telemetry: 9-3}}|registry.ranges.telemetry|low to high",
        "registry: {ranges: [a]}|registry.ranges|must map a purpose to a port range",
      })
  void mistakesAreNamedByKey(String registryLine, String key, String reason) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.parse(registryLine + "\n" + BUS, "t.yaml"));

    assertThat(e.errors().get(0).key()).isEqualTo(key);
    assertThat(e.errors().get(0).reason()).contains(reason);
  }
}
