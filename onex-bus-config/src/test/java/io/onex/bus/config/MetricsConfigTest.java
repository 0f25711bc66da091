package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bus's {@code metrics} key: the default, both fields, each mistake by key, the digest. */
class MetricsConfigTest {
  private static String bus(String metricsYaml) {
    return "buses:\n  - name: telemetry\n    metrics:\n" + metricsYaml.indent(6);
  }

  @Test
  void aBusWithoutMetricsCountsTheFirstThousandTopics() throws ConfigException {
    BusConfig b = ConfigLoader.parse("buses:\n  - name: a\n", "t.yaml").buses().get(0);

    assertThat(b.metrics()).isEqualTo(new MetricsConfig(true, 1000));
  }

  @Test
  void bothKeysAreRead() throws ConfigException {
    BusConfig b =
        ConfigLoader.parse(bus("enabled: false\ntopic_cap: 7\n"), "t.yaml").buses().get(0);

    assertThat(b.metrics()).isEqualTo(new MetricsConfig(false, 7));
  }

  @Test
  void nonDefaultMetricsChangeTheDigestAndTheDefaultDoesNot() throws ConfigException {
    String plain = "buses:\n  - name: telemetry\n";

    assertThat(ConfigLoader.parse(plain, "a").digest())
        .isEqualTo(ConfigLoader.parse(bus("topic_cap: 1000\n"), "b").digest())
        .isNotEqualTo(ConfigLoader.parse(bus("topic_cap: 10\n"), "c").digest());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "topic_cap: -1|buses[0].metrics.topic_cap|must be >= 0",
        "topic_cap: 100001|buses[0].metrics.topic_cap|must be <= 100000",
        "topic_cap: many|buses[0].metrics.topic_cap|must be a whole number",
        "enabled: sometimes|buses[0].metrics.enabled|must be true or false",
        "colour: red|buses[0].metrics.colour|unknown key",
      })
  void mistakesAreNamedByKey(String line, String key, String reason) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(bus(line), "t.yaml"));

    assertThat(e.errors().get(0).key()).isEqualTo(key);
    assertThat(e.errors().get(0).reason()).contains(reason);
  }
}
