package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.protocol.schema.SchemaHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onex schema} as an operator runs it: real processes against a registry started with {@code
 * onex registry start}, found through the home's state file. Registers a schema from a file, lists
 * and shows it, refuses an invalid one with the reason, deletes it.
 */
class SchemaCommandIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      """
      {
        "type": "object",
        "properties": {"celsius": {"type": "number"}},
        "required": ["celsius"]
      }
      """;

  @TempDir Path home;

  private OnexProcess run(String... args) {
    OnexProcess p = OnexProcess.start(home, args);
    p.waitFor(START);
    return p;
  }

  @Test
  void registerListShowRefuseAndDelete() throws Exception {
    Path file = home.resolve("temperature.json");
    Files.writeString(file, SCHEMA);
    Path bad = home.resolve("bad.json");
    Files.writeString(bad, "{\"type\": 12}");
    String hash = SchemaHash.of(JSON.readTree(SCHEMA));

    try (OnexProcess registry = OnexProcess.start(home, "registry", "start")) {
      registry.awaitLine("onex: ready", START);

      try (OnexProcess register =
          run(
              "schema",
              "register",
              "--bus",
              "telemetry",
              "--topic",
              "sensors.>",
              "--file",
              file.toString())) {
        assertThat(register.waitFor(START)).as("stderr: %s", register.err()).isZero();
        assertThat(register.out())
            .containsExactly("registered sensors.> on bus telemetry: version 1, hash " + hash);
      }

      try (OnexProcess list = run("schema", "list", "--json")) {
        assertThat(list.waitFor(START)).as("stderr: %s", list.err()).isZero();
        JsonNode reply = JSON.readTree(String.join("", list.out()));
        assertThat(reply.path("schemas")).hasSize(1);
        JsonNode s = reply.path("schemas").get(0);
        assertThat(s.path("bus").asText()).isEqualTo("telemetry");
        assertThat(s.path("topic").asText()).isEqualTo("sensors.>");
        assertThat(s.path("version").asInt()).isEqualTo(1);
        assertThat(s.path("hash").asText()).isEqualTo(hash);
        assertThat(s.path("registered_by").asText()).isEqualTo("cli");
        assertThat(reply.path("revisions").path("telemetry").asLong()).isEqualTo(1);
      }

      try (OnexProcess refused =
          run(
              "schema",
              "register",
              "--bus",
              "telemetry",
              "--topic",
              "sensors.>",
              "--file",
              bad.toString())) {
        assertThat(refused.waitFor(START)).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(String.join("\n", refused.err()))
            .startsWith("onex: the registry refused: INVALID_SCHEMA not a valid JSON Schema")
            .endsWith("(at /type)");
      }

      try (OnexProcess show =
          run("schema", "show", "--bus", "telemetry", "--topic", "sensors.>", "--json")) {
        assertThat(show.waitFor(START)).as("stderr: %s", show.err()).isZero();
        JsonNode s = JSON.readTree(String.join("", show.out()));
        assertThat(s.path("schema")).isEqualTo(JSON.readTree(SCHEMA));
        assertThat(s.path("version").asInt()).isEqualTo(1);
      }

      try (OnexProcess delete =
          run("schema", "delete", "--bus", "telemetry", "--topic", "sensors.>")) {
        assertThat(delete.waitFor(START)).as("stderr: %s", delete.err()).isZero();
        assertThat(delete.out())
            .isEqualTo(
                List.of(
                    "deleted the schema of sensors.> on bus telemetry (1 version kept as history)"));
      }

      try (OnexProcess gone = run("schema", "show", "--bus", "telemetry", "--topic", "sensors.>")) {
        assertThat(gone.waitFor(START)).isEqualTo(1);
        assertThat(String.join("\n", gone.err())).startsWith("onex: not found: sensors.>");
      }

      registry.terminate();
      assertThat(registry.waitFor(START)).isZero();
    }
  }

  @Test
  void aRunningStrictBusEnforcesARegisteredSchemaAndOnexPublishShowsWhy() throws Exception {
    Path file = home.resolve("order.json");
    Files.writeString(file, "{\"properties\": {\"qty\": {\"type\": \"integer\"}}}");
    String hash = SchemaHash.of(JSON.readTree(Files.readString(file)));

    try (OnexProcess up = OnexProcess.start(home, "up")) {
      up.awaitLine("onex: ready", START);
      try (OnexProcess register =
          run(
              "schema",
              "register",
              "--bus",
              "control",
              "--topic",
              "orders.>",
              "--file",
              file.toString())) {
        assertThat(register.waitFor(START)).as("stderr: %s", register.err()).isZero();
      }
      // The broker reports the schema revision it enforces once its next heartbeat saw it.
      Awaitility.await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(300))
          .until(() -> OnexProcess.bus(home, "control").path("schema_revision").asLong() == 1);

      try (OnexProcess bad = publishOrder("{\"qty\": \"two\"}")) {
        assertThat(bad.waitFor(START)).isEqualTo(1);
        assertThat(bad.out())
            .contains("sent 1, acked 0, rejected 1")
            .contains("      expected schema orders.> v1, hash " + hash)
            .anyMatch(l -> l.startsWith("      at /metadata/qty: "));
      }
      try (OnexProcess good = publishOrder("{\"qty\": 2}")) {
        assertThat(good.waitFor(START)).as("stderr: %s", good.err()).isZero();
      }
      up.terminate();
      assertThat(up.waitFor(START)).isZero();
    }
  }

  /** {@code onex publish} of one order with {@code metadata} on the strict control bus. */
  private OnexProcess publishOrder(String metadata) {
    return run(
        "publish",
        "--bus",
        "control",
        "--topic",
        "orders.eu",
        "--type",
        "TOOL_PROXY_INVOKE",
        "--data",
        metadata);
  }
}
