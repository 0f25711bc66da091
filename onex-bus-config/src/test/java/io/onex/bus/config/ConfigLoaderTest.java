package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading valid configs: the embedded default, files, partial overrides, home and sources. */
class ConfigLoaderTest {

  static Path resource(String name) {
    try {
      return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void embeddedDefaultHasFourBusesEachConfiguredOnItsOwn() {
    OnexConfig c = ConfigLoader.loadDefault();

    assertThat(c.source()).isNull();
    assertThat(c.sourceName()).isEqualTo("embedded default");
    assertThat(c.home()).isNull();
    assertThat(c.http()).isEqualTo(new HttpConfig("127.0.0.1", 0));
    assertThat(c.buses())
        .extracting(BusConfig::name)
        .containsExactly("telemetry", "control", "user", "test");
    assertThat(c.buses())
        .allSatisfy(
            b -> {
              assertThat(b.host()).isEqualTo("127.0.0.1");
              assertThat(b.port()).isEqualTo(PortSpec.ephemeral());
              assertThat(b.bindEndpoint()).isEqualTo("tcp://127.0.0.1:*");
            });
    assertThat(c.buses())
        .extracting(b -> b.metadata().purpose(), b -> b.metadata().qos())
        .containsExactly(
            tuple("telemetry", "best-effort"),
            tuple("control", "at-least-once"),
            tuple("user events", "best-effort"),
            tuple("test", "best-effort"));
    assertThat(c.bus("telemetry").orElseThrow().queue())
        .isEqualTo(new QueueConfig(10_000, DropPolicy.OLDEST));
    assertThat(c.bus("control").orElseThrow().queue())
        .isEqualTo(new QueueConfig(1000, DropPolicy.NEWEST));
    assertThat(c.bus("test").orElseThrow().logging().level()).isEqualTo("debug");
    assertThat(c.bus("test").orElseThrow().metadata().extra()).containsEntry("ephemeral", true);
    assertThat(c.bus("user").orElseThrow().limits()).isEqualTo(BusDefaults.BUILT_IN.limits());
    assertThat(c.bus("nope")).isEmpty();
  }

  @Test
  void embeddedDefaultTextIsAvailable() {
    assertThat(ConfigLoader.defaultYaml()).contains("name: telemetry", "docs/config.md");
  }

  @Test
  void fileWithEveryKeyLoadsEveryValue() throws Exception {
    Path file = resource("full.yaml");
    OnexConfig c = ConfigLoader.load(file);

    assertThat(c.source()).isEqualTo(file);
    assertThat(c.sourceName()).isEqualTo(file.toString());
    assertThat(c.home()).isEqualTo(file.getParent().resolve("state"));
    assertThat(c.http()).isEqualTo(new HttpConfig("0.0.0.0", 8080));

    BusConfig t = c.bus("telemetry").orElseThrow();
    assertThat(t.host()).isEqualTo("*");
    assertThat(t.port()).isEqualTo(PortSpec.range(41000, 41999));
    assertThat(t.bindEndpoint()).isEqualTo("tcp://*:*");
    assertThat(t.queue()).isEqualTo(new QueueConfig(20_000, DropPolicy.OLDEST));
    assertThat(t.limits()).isEqualTo(new LimitsConfig(4096, 16, 5, 10, 20, 3));
    assertThat(t.heartbeat())
        .isEqualTo(new HeartbeatConfig(Duration.ofSeconds(1), Duration.ofHours(1)));
    assertThat(t.logging()).isEqualTo(new LoggingConfig("trace", false));
    assertThat(t.shutdown()).isEqualTo(new ShutdownConfig(Duration.ofMillis(250)));
    assertThat(t.metadata().purpose()).isEqualTo("sensor streams");
    assertThat(t.metadata().debug()).isTrue();
    assertThat(t.metadata().extra())
        .containsExactly(
            Map.entry("owner", "ops"),
            Map.entry("replicas", 3),
            Map.entry("ratio", 0.5),
            Map.entry("tags", List.of("a", "b")),
            Map.entry("nested", Map.of("deep", Map.of("er", true))));

    BusConfig control = c.bus("control").orElseThrow();
    assertThat(control.host()).isEqualTo("127.0.0.1");
    assertThat(control.port()).isEqualTo(PortSpec.fixed(5555));
    assertThat(control.bindEndpoint()).isEqualTo("tcp://127.0.0.1:5555");
    // A bus that overrides nothing gets the file's defaults, not the built-in ones.
    assertThat(control.queue()).isEqualTo(new QueueConfig(500, DropPolicy.NEWEST));
    assertThat(control.limits()).isEqualTo(new LimitsConfig(2 << 20, 512, 100, 2000, 3000, 2));
    assertThat(control.heartbeat())
        .isEqualTo(new HeartbeatConfig(Duration.ofMillis(500), Duration.ofSeconds(3)));
    assertThat(control.logging()).isEqualTo(new LoggingConfig("warn", true));
    assertThat(control.shutdown()).isEqualTo(new ShutdownConfig(Duration.ofMinutes(1)));
    assertThat(control.metadata()).isEqualTo(BusMetadata.NONE);

    assertThat(c.bus("user_1").orElseThrow().bindEndpoint()).isEqualTo("tcp://127.0.0.1:5556");
    assertThat(c.bus("test-2").orElseThrow().bindEndpoint()).isEqualTo("tcp://localhost:*");
  }

  @Test
  void partialOverridesMergeWithDefaults() throws Exception {
    OnexConfig c = ConfigLoader.load(resource("partial-overrides.yaml"));

    assertThat(c.bus("only-size").orElseThrow().queue())
        .isEqualTo(new QueueConfig(5, DropPolicy.NEWEST));
    assertThat(c.bus("only-drop").orElseThrow().queue())
        .isEqualTo(new QueueConfig(500, DropPolicy.OLDEST));
    assertThat(c.bus("only-timeout").orElseThrow().heartbeat())
        .isEqualTo(new HeartbeatConfig(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    assertThat(c.bus("only-frame").orElseThrow().limits())
        .isEqualTo(
            new LimitsConfig(
                4096,
                BusDefaults.BUILT_IN.limits().maxBatchEvents(),
                BusDefaults.BUILT_IN.limits().maxSubscriptionsPerConnection(),
                BusDefaults.BUILT_IN.limits().sendHwm(),
                BusDefaults.BUILT_IN.limits().recvHwm(),
                BusDefaults.BUILT_IN.limits().ioThreads()));
    BusConfig untouched = c.bus("untouched").orElseThrow();
    assertThat(untouched.queue()).isEqualTo(new QueueConfig(500, DropPolicy.NEWEST));
    assertThat(untouched.heartbeat())
        .isEqualTo(new HeartbeatConfig(Duration.ofSeconds(1), Duration.ofSeconds(10)));
    assertThat(untouched.logging()).isEqualTo(BusDefaults.BUILT_IN.logging());
    assertThat(untouched.shutdown()).isEqualTo(BusDefaults.BUILT_IN.shutdown());
    assertThat(untouched.host()).isEqualTo("127.0.0.1");
    assertThat(untouched.port()).isEqualTo(PortSpec.ephemeral());
  }

  @Test
  void minimalConfigNeedsOnlyABusName() throws Exception {
    OnexConfig c = ConfigLoader.parse("buses:\n  - name: solo\n", "min.yaml");

    assertThat(c.http()).isEqualTo(new HttpConfig("127.0.0.1", 0));
    BusConfig b = c.buses().get(0);
    assertThat(b)
        .isEqualTo(
            new BusConfig(
                "solo",
                BusDefaults.BUILT_IN.host(),
                PortSpec.ephemeral(),
                BusDefaults.BUILT_IN.queue(),
                BusDefaults.BUILT_IN.limits(),
                BusDefaults.BUILT_IN.heartbeat(),
                BusDefaults.BUILT_IN.logging(),
                BusDefaults.BUILT_IN.shutdown(),
                BusMetadata.NONE));
  }

  @Test
  void overlappingRangesShareAPool() throws Exception {
    OnexConfig c =
        ConfigLoader.parse(
            """
            buses:
              - {name: a, port: 40000-40999}
              - {name: b, port: 40500-41500}
              - {name: c, port: 40000-40999, host: 10.0.0.1}
            """,
            "ranges.yaml");

    assertThat(c.buses()).extracting(BusConfig::port).doesNotContainNull().hasSize(3);
  }

  @Test
  void samePortOnDifferentHostsIsFine() throws Exception {
    OnexConfig c =
        ConfigLoader.parse(
            """
            buses:
              - {name: a, host: 127.0.0.1, port: 5555}
              - {name: b, host: 10.0.0.1, port: 5555}
            """,
            "hosts.yaml");

    assertThat(c.buses()).hasSize(2);
  }

  @Test
  void homeExpandsTildeAndResolvesRelativeToTheFile(@TempDir Path dir) throws Exception {
    Path tilde = dir.resolve("tilde.yaml");
    Files.writeString(tilde, "home: ~/.onex-test\nbuses: [{name: a}]\n");
    Path relative = dir.resolve("relative.yaml");
    Files.writeString(relative, "home: ../state\nbuses: [{name: a}]\n");

    assertThat(ConfigLoader.load(tilde).home())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".onex-test"));
    assertThat(ConfigLoader.load(relative).home())
        .isEqualTo(dir.toAbsolutePath().getParent().resolve("state").normalize());
  }

  @Test
  void missingFileNamesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing));

    assertThat(e.source()).isEqualTo(missing.toString());
    assertThat(e.key()).isEmpty();
    assertThat(e.reason()).isEqualTo("no such file");
    assertThat(e).hasMessage(missing + ": no such file");
  }

  @Test
  void directoryIsNotAConfig(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void nonUtf8FileIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not UTF-8 text");
  }

  @Test
  void hugeFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.yaml");
    Files.writeString(file, "#".repeat((int) ConfigLoader.MAX_FILE_BYTES + 1));

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is larger than");
  }

  @Test
  void syntaxErrorInAFileNamesFileLineAndColumn() {
    Path file = resource("syntax-error.yaml");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.source()).isEqualTo(file.toString());
    assertThat(e.reason()).startsWith("not valid YAML at line 5, column 6: ");
    assertThat(e.errors()).hasSize(1);
    assertThat(e.getMessage()).startsWith(file + ": ");
  }

  @Test
  void everyProblemIsCollectedInDocumentOrder() {
    Path file = resource("many-errors.yaml");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.errors())
        .extracting(ConfigException.Problem::key)
        .containsExactly("http.port", "buses[0].queue.sise", "buses[1].queue.size");
    assertThat(e.key()).isEqualTo("http.port");
    assertThat(e.reason()).isEqualTo("must be <= 65535 (was 99999)");
    assertThat(e).hasMessage(file + ": http.port: must be <= 65535 (was 99999) (and 2 more)");
    assertThat(e.report())
        .isEqualTo(
            file
                + ": http.port: must be <= 65535 (was 99999)\n"
                + file
                + ": buses[0].queue.sise: unknown key; did you mean 'size'? (known here: size,"
                + " drop)\n"
                + file
                + ": buses[1].queue.size: must be >= 1 (was -5)");
  }

  @Test
  void messageHasFileKeyAndReason() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "buses:\n  - name: a\n  - name: b\n    queue: {size: -5}\n", "onex.yaml"));

    assertThat(e).hasMessage("onex.yaml: buses[1].queue.size: must be >= 1 (was -5)");
    assertThat(e.source()).isEqualTo("onex.yaml");
    assertThat(e.key()).isEqualTo("buses[1].queue.size");
    assertThat(e.reason()).isEqualTo("must be >= 1 (was -5)");
  }
}
