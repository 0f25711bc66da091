package io.onex.bus.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.RegistryNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code onex nodes} and {@code onex describe} in-process against a real registry started by the
 * test: the affinity a node registered shows in the table, the JSON and the description.
 */
class NodesCommandTest {
  @TempDir Path dir;
  private RegistryNode registry;

  @BeforeEach
  void start() {
    registry =
        RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("registry.db"), Clock.systemUTC());
    try (RegistryClient client = RegistryClient.connect(registry.endpoint())) {
      client.register(
          json(
              "{\"node_id\":\"sensor-1\",\"buses\":[\"telemetry\"],"
                  + "\"topics\":{\"publish\":[\"sensors.a.temp\"]},"
                  + "\"affinity\":[\"telemetry.>\",\"sensors.*.temp\"]}"));
      client.register(json("{\"node_id\":\"plain-1\"}"));
    }
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void theTableHasAnAffinityColumnWithTheJoinedPatterns() {
    List<String> lines = run("nodes", "--registry", registry.endpoint()).lines().toList();

    assertThat(lines).hasSize(3);
    List<String> header = Arrays.asList(lines.get(0).split("\\s{2,}"));
    assertThat(header).contains("SUBSCRIBES", "AFFINITY");
    int from = lines.get(0).indexOf("AFFINITY");
    int to = lines.get(0).indexOf("TRUST");
    String sensor = lines.stream().filter(l -> l.startsWith("sensor-1")).findFirst().orElseThrow();
    String plain = lines.stream().filter(l -> l.startsWith("plain-1")).findFirst().orElseThrow();
    assertThat(sensor.substring(from, to).strip()).isEqualTo("telemetry.>,sensors.*.temp");
    assertThat(plain.substring(from, to)).isBlank();
  }

  @Test
  void theJsonAndTheDescriptionShowTheAffinity() throws Exception {
    JsonNode nodes =
        RegistryCodec.mapper().readTree(run("nodes", "--json", "--registry", registry.endpoint()));
    String described = run("describe", "sensor-1", "--registry", registry.endpoint());

    assertThat(nodes.get(1).path("node_id").asText()).isEqualTo("sensor-1");
    assertThat(nodes.get(1).path("affinity").toString())
        .isEqualTo("[\"telemetry.>\",\"sensors.*.temp\"]");
    assertThat(nodes.get(0).path("affinity").isArray()).isTrue();
    assertThat(nodes.get(0).path("affinity")).isEmpty();
    assertThat(described.lines()).contains("affinity: telemetry.>,sensors.*.temp");
  }

  /** Runs {@code onex args} in this process and returns what it printed; it must exit 0. */
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new OnexCommand());
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute(args);
    assertThat(code).as("exit code of onex %s", String.join(" ", args)).isZero();
    return out.toString();
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) RegistryCodec.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
