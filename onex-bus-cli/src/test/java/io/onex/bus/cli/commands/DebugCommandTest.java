package io.onex.bus.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.config.HttpConfig;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.debug.DebugSettings;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.http.RegistryHttpApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code onex debug on|off|show} in-process against a real registry and its HTTP API: the settings
 * the flags name are stored, shown and cleared; a bad pattern exits 2 and stores nothing.
 */
class DebugCommandTest {
  @TempDir Path dir;
  private RegistryNode registry;
  private RegistryHttpApi http;

  @BeforeEach
  void start() throws Exception {
    registry = RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("r.db"), Clock.systemUTC());
    http =
        RegistryHttpApi.start(
            new HttpConfig("127.0.0.1", 0),
            registry.views(),
            registry.schemas(),
            new ProcessMetrics(),
            registry.registry());
    try (RegistryClient client = RegistryClient.connect(registry.endpoint())) {
      client.register(
          (com.fasterxml.jackson.databind.node.ObjectNode)
              RegistryCodec.mapper()
                  .readTree(
                      "{\"node_id\":\"broker.user\",\"bus\":{\"name\":\"user\","
                          + "\"endpoint\":\"tcp://127.0.0.1:1\"}}"));
    }
  }

  @AfterEach
  void stop() {
    http.close();
    registry.close();
  }

  @Test
  void onShowOffRoundTripThroughTheHttpApi() {
    String on =
        run(
            "debug",
            "on",
            "--bus",
            "user",
            "--topic",
            "demo.>",
            "--topic",
            "x.*",
            "--max-payload",
            "100",
            "--redact",
            "token",
            "--http",
            http.url());

    assertThat(on).contains("debug on").contains("demo.>,x.*").contains("100").contains("token");
    assertThat(registry.registry().debug().find("user"))
        .contains(new DebugSettings(List.of("demo.>", "x.*"), 100, List.of("token")));
    assertThat(run("debug", "show", "--bus", "user", "--json", "--http", http.url()))
        .contains("\"enabled\":true");

    assertThat(run("debug", "off", "--bus", "user", "--http", http.url())).contains("debug off");
    assertThat(registry.registry().debug().find("user")).isEmpty();
  }

  @Test
  void aBadPatternExitsTwoAndStoresNothing() {
    int code =
        OnexCommand.execute(
            "debug", "on", "--bus", "user", "--topic", "a..b", "--http", http.url());

    assertThat(code).isEqualTo(OnexCommand.EXIT_USAGE);
    assertThat(registry.registry().debug().find("user")).isEmpty();
    assertThat(OnexCommand.execute("debug", "maybe", "--bus", "user", "--http", http.url()))
        .isEqualTo(OnexCommand.EXIT_USAGE);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new OnexCommand());
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute(args);
    assertThat(code).as("exit code of onex %s", String.join(" ", args)).isZero();
    return out.toString();
  }
}
