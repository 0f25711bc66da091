package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bus's {@code schema} key: defaults per bus name, every field, and each mistake by key. */
class SchemaConfigTest {
  private static String bus(String name, String schemaYaml) {
    return "buses:\n  - name: " + name + "\n    schema:\n" + schemaYaml.indent(6);
  }

  @ParameterizedTest
  @CsvSource({
    "control,STRICT",
    "telemetry,PERMISSIVE",
    "user,PERMISSIVE",
    "test,PERMISSIVE",
    "orders,OFF"
  })
  void defaultsFollowTheBusName(String name, SchemaMode mode) throws ConfigException {
    BusConfig b = ConfigLoader.parse("buses:\n  - name: " + name + "\n", "t").buses().get(0);

    assertThat(b.schema().mode()).isEqualTo(mode);
    assertThat(b.schema().topics()).isEmpty();
    assertThat(b.schema().maxPayloadBytes()).isEqualTo(1 << 20);
    assertThat(b.schema().reportsPerSecond()).isEqualTo(100);
  }

  @Test
  void everyFieldIsRead() throws ConfigException {
    String yaml =
        bus(
            "user",
            """
            mode: strict
            topics:
              - {pattern: "telemetry.raw.>", mode: off}
              - {pattern: "orders.*", mode: permissive}
            max_payload_bytes: 65536
            reports_per_second: 5
            """);

    SchemaConfig s = ConfigLoader.parse(yaml, "t").buses().get(0).schema();

    assertThat(s)
        .isEqualTo(
            new SchemaConfig(
                SchemaMode.STRICT,
                List.of(
                    new SchemaConfig.TopicMode("telemetry.raw.>", SchemaMode.OFF),
                    new SchemaConfig.TopicMode("orders.*", SchemaMode.PERMISSIVE)),
                65536,
                5));
  }

  @Test
  void theSchemaSettingIsPartOfTheDigest() throws ConfigException {
    assertThat(ConfigLoader.parse("buses:\n  - name: user\n", "a").digest())
        .isNotEqualTo(ConfigLoader.parse(bus("user", "mode: strict"), "b").digest());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mode: loose|buses[0].schema.mode|must be strict, permissive or off",
        "topics: [{pattern: 'a..b', mode: strict}]|buses[0].schema.topics[0].pattern|empty token",
        "topics: [{pattern: 'a.>'}]|buses[0].schema.topics[0].mode|is required",
        "topics: {a: b}|buses[0].schema.topics|must be a list",
        "max_payload_bytes: 10|buses[0].schema.max_payload_bytes|must be >= 64",
        "reports_per_second: -1|buses[0].schema.reports_per_second|must be >= 0",
        "colour: red|buses[0].schema.colour|unknown key",
      })
  void mistakesAreNamedByKey(String line, String key, String reason) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.parse(bus("user", line), "t.yaml"));

    assertThat(e.errors().get(0).key()).isEqualTo(key);
    assertThat(e.errors().get(0).reason()).contains(reason);
  }
}
