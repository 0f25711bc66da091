package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One row per kind of bad input: the config is refused before anything binds, and the first problem
 * names the source, the key and the reason.
 */
class ConfigErrorsTest {

  /** A one-bus config named {@code a} with {@code lines} added to its entry. */
  private static String bus(String... lines) {
    StringBuilder y = new StringBuilder("buses:\n  - name: a\n");
    for (String l : lines) {
      y.append("    ").append(l).append('\n');
    }
    return y.toString();
  }

  private static Arguments row(String yaml, String key, String reason) {
    return Arguments.of(yaml, key, reason);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        // Unknown keys, anywhere.
        row(
            bus("queue:", "  sise: 5"),
            "buses[0].queue.sise",
            "unknown key; did you mean 'size'? (known here: size, drop)"),
        row("bus:\n  - name: a\n", "bus", "unknown key; did you mean 'buses'?"),
        row(bus("colour: red"), "buses[0].colour", "unknown key (known here: name, host, port,"),
        row("defaults:\n  metadata: {}\n" + bus(), "defaults.metadata", "unknown key"),
        row(bus("metadata: {owner: me}"), "buses[0].metadata.owner", "unknown key"),
        row("http: {hots: x}\n" + bus(), "http.hots", "unknown key; did you mean 'host'?"),
        // YAML structure the tree would otherwise swallow.
        row(bus("port: 1", "port: 2"), "buses[0].port", "duplicate key 'port' (line 4, column 5)"),
        row(
            "x: &p 5555\n" + bus("port: *p"),
            "buses[0].port",
            "is the alias *p; aliases are not supported"),
        row(bus() + "---\nbuses: []\n", "", "starts a second YAML document"),
        row("buses: [{name: a}\n", "buses[0]", "not valid YAML at line 2, column 1: expected ','"),
        // Wrong types.
        row(
            bus("port: abc"),
            "buses[0].port",
            "must be 0 or * (any free port), a port 1-65535, or a range like 40000-40999 (was 'abc')"),
        row(bus("port: 1.5"), "buses[0].port", "must be a port number, * or a range"),
        row(
            bus("queue: {size: lots}"),
            "buses[0].queue.size",
            "must be a whole number (was 'lots')"),
        row(bus("queue: {size: 1.5}"), "buses[0].queue.size", "must be a whole number (was 1.5)"),
        row(bus("queue: 5"), "buses[0].queue", "must be a mapping of keys to values (was 5)"),
        row(
            bus("logging: {debug: maybe}"),
            "buses[0].logging.debug",
            "must be true or false (was 'maybe')"),
        row(bus("host: 127"), "buses[0].host", "must be a string (was 127); quote it"),
        row(bus().replace("name: a", "name: 7"), "buses[0].name", "must be a string (was 7)"),
        row("buses: {a: 1}\n", "buses", "must be a list of buses (was a mapping)"),
        row("buses: [5]\n", "buses[0]", "must be a mapping with at least a name (was 5)"),
        row("- a\n- b\n", "", "must be a mapping of keys to values (was a list)"),
        row(bus("port:"), "buses[0].port", "has no value; give one or remove the key"),
        row(bus("metadata: {extra: 5}"), "buses[0].metadata.extra", "must be a mapping"),
        row(bus("metadata: {extra: {k: ~}}"), "buses[0].metadata.extra.k", "has no value"),
        // Top level.
        row(
            "version: 2\n" + bus(),
            "version",
            "must be 1, the only version this onex reads (was 2)"),
        row("home: ~bob/x\n" + bus(), "home", "only ~ and ~/... are expanded (was '~bob/x')"),
        row("home: ''\n" + bus(), "home", "has no value"),
        row("http: {port: 70000}\n" + bus(), "http.port", "must be <= 65535 (was 70000)"),
        row("http: {port: -1}\n" + bus(), "http.port", "must be >= 0 (was -1)"),
        row("http: {host: '*'}\n" + bus(), "http.host", "use 0.0.0.0, not *"),
        // Names and the bus list.
        row(
            bus().replace("name: a", "name: Bad Name"),
            "buses[0].name",
            "must match [a-z0-9][a-z0-9_-]{0,62}"),
        row(bus().replace("name: a", "name: -a"), "buses[0].name", "must match"),
        row(bus().replace("name: a", "name: " + "a".repeat(64)), "buses[0].name", "must match"),
        row("buses:\n  - port: 0\n", "buses[0].name", "is required"),
        row("buses: []\n", "buses", "must list at least one bus"),
        row("http: {port: 0}\n", "buses", "is required: list at least one bus"),
        row("", "buses", "is required: list at least one bus"),
        row(
            "buses:\n  - name: a\n  - name: a\n",
            "buses[1].name",
            "duplicate bus name 'a' (also buses[0])"),
        // Ports and endpoints.
        row(bus("port: 70000"), "buses[0].port", "must be <= 65535 (was 70000)"),
        row(bus("port: -1"), "buses[0].port", "must be >= 0 (was -1)"),
        row(
            bus("port: '500-400'"),
            "buses[0].port",
            "port range must go from low to high (was 500-400)"),
        row(bus("port: 0-100"), "buses[0].port", "port range must lie within 1-65535 (was 0-100)"),
        row(bus("port: 60000-70000"), "buses[0].port", "port range must lie within 1-65535"),
        row(bus("port: abc-def"), "buses[0].port", "(was 'abc-def')"),
        row(
            bus("host: 'bad host'"),
            "buses[0].host",
            "must be a host name or IPv4 address, or * for every interface (was 'bad host')"),
        row(bus("endpoint: 127.0.0.1:5555"), "buses[0].endpoint", "must look like tcp://HOST:PORT"),
        row(bus("endpoint: ipc:///tmp/bus"), "buses[0].endpoint", "must look like tcp://HOST:PORT"),
        row(
            bus("endpoint: tcp://127.0.0.1"),
            "buses[0].endpoint",
            "must look like tcp://HOST:PORT"),
        row(
            bus("endpoint: tcp://127.0.0.1:70000"),
            "buses[0].endpoint",
            "port must be <= 65535 (was 70000)"),
        row(
            bus("endpoint: tcp://127.0.0.1:abc"),
            "buses[0].endpoint",
            "port must be a number 0-65535 or * (was 'abc')"),
        row(
            bus("endpoint: tcp://127.0.0.1:40000-40999"),
            "buses[0].endpoint",
            "a port range needs the port key"),
        row(bus("endpoint: 'tcp://bad host:1'"), "buses[0].endpoint", "host must be a host name"),
        row(
            bus("endpoint: tcp://127.0.0.1:5555", "host: 127.0.0.1"),
            "buses[0].endpoint",
            "give either endpoint or host and port, not both"),
        row(bus("endpoint: tcp://127.0.0.1:5555", "port: 5555"), "buses[0].endpoint", "not both"),
        // Conflicts between buses.
        row(
            "buses:\n  - {name: a, port: 5555}\n  - {name: b, port: 5555}\n",
            "buses[1].port",
            "port 5555 is already used by bus 'a' (buses[0]) on 127.0.0.1"),
        row(
            "buses:\n  - {name: a, port: 5555}\n  - {name: b, endpoint: 'tcp://127.0.0.1:5555'}\n",
            "buses[1].endpoint",
            "port 5555 is already used by bus 'a'"),
        row(
            "buses:\n  - {name: a, host: '*', port: 5555}\n  - {name: b, host: 10.1.2.3, port: 5555}\n",
            "buses[1].port",
            "port 5555 is already used by bus 'a' (buses[0]) on *"),
        row(
            "buses:\n  - {name: a, port: 5000-5999}\n  - {name: b, port: 5555}\n",
            "buses[1].port",
            "port 5555 lies inside the port range 5000-5999 of bus 'a' (buses[0])"),
        row(
            "buses:\n  - {name: a, port: 5555}\n  - {name: b, port: 5000-5999}\n",
            "buses[1].port",
            "port range 5000-5999 contains port 5555 of bus 'a' (buses[0])"),
        row(
            "http: {port: 8080}\nbuses:\n  - {name: a, port: 8080}\n",
            "buses[0].port",
            "port 8080 is the HTTP API's port (http.port)"),
        row(
            "http: {port: 8080}\nbuses:\n  - {name: a, port: 8000-8999}\n",
            "buses[0].port",
            "port range 8000-8999 contains the HTTP API's port 8080 (http.port)"),
        // Queues.
        row(bus("queue: {size: 0}"), "buses[0].queue.size", "must be >= 1 (was 0)"),
        row(bus("queue: {size: -5}"), "buses[0].queue.size", "must be >= 1 (was -5)"),
        row(
            bus("queue: {size: 10000001}"),
            "buses[0].queue.size",
            "must be <= 10000000 (was 10000001)"),
        row(
            bus("queue: {size: 99999999999999999999}"),
            "buses[0].queue.size",
            "must be <= 10000000 (was 99999999999999999999)"),
        row(
            bus("queue: {drop: sideways}"),
            "buses[0].queue.drop",
            "must be oldest or newest (was 'sideways')"),
        row(
            bus("queue: {drop: OLDEST}"),
            "buses[0].queue.drop",
            "must be oldest or newest (was 'OLDEST')"),
        row(
            "defaults: {queue: {size: 0}}\n" + bus(),
            "defaults.queue.size",
            "must be >= 1 (was 0)"),
        // Durations.
        row(
            bus("heartbeat: {interval: 2 seconds}"),
            "buses[0].heartbeat.interval",
            "must be a duration like 500ms, 2s, 1m or 1h (was '2 seconds')"),
        row(
            bus("heartbeat: {interval: 2}"),
            "buses[0].heartbeat.interval",
            "must be a duration with a unit, like 500ms, 2s, 1m or 1h (was 2)"),
        row(
            bus("heartbeat: {interval: 1d}"),
            "buses[0].heartbeat.interval",
            "must be a duration like"),
        row(
            bus("heartbeat: {interval: 0s}"),
            "buses[0].heartbeat.interval",
            "must be > 0 (was 0s)"),
        row(
            bus("heartbeat: {interval: -2s}"),
            "buses[0].heartbeat.interval",
            "must be > 0 (was -2s)"),
        row(
            bus("heartbeat: {timeout: 25h}"),
            "buses[0].heartbeat.timeout",
            "must be <= 24h (was 25h)"),
        row(
            bus("heartbeat: {interval: 5s, timeout: 5s}"),
            "buses[0].heartbeat.timeout",
            "must be longer than the heartbeat interval 5s (was 5s)"),
        row(
            bus("heartbeat: {interval: 5s, timeout: 1s}"),
            "buses[0].heartbeat.timeout",
            "must be longer than the heartbeat interval 5s (was 1s)"),
        row(
            bus("heartbeat: {interval: 20s}"),
            "buses[0].heartbeat.timeout",
            "must be longer than the heartbeat interval 20s (was 10s)"),
        row(
            "defaults: {heartbeat: {timeout: 1s}}\n" + bus(),
            "defaults.heartbeat.timeout",
            "must be longer than the heartbeat interval 2s (was 1s)"),
        row(
            bus("shutdown: {drain_timeout: 0ms}"),
            "buses[0].shutdown.drain_timeout",
            "must be > 0 (was 0s)"),
        row(
            bus("shutdown: {drain_timeout: 5}"),
            "buses[0].shutdown.drain_timeout",
            "must be a duration with a unit"),
        // Limits.
        row(
            bus("limits: {max_frame_bytes: 100}"),
            "buses[0].limits.max_frame_bytes",
            "must be >= 1024 (was 100)"),
        row(
            bus("limits: {max_frame_bytes: 268435457}"),
            "buses[0].limits.max_frame_bytes",
            "must be <= 268435456 (was 268435457)"),
        row(
            bus("limits: {max_batch_events: 0}"),
            "buses[0].limits.max_batch_events",
            "must be >= 1 (was 0)"),
        row(
            bus("limits: {max_batch_events: 65536}"),
            "buses[0].limits.max_batch_events",
            "must be <= 65535 (was 65536)"),
        row(
            bus("limits: {max_subscriptions_per_connection: 0}"),
            "buses[0].limits.max_subscriptions_per_connection",
            "must be >= 1 (was 0)"),
        row(
            bus("limits: {max_subscriptions_per_connection: 1000001}"),
            "buses[0].limits.max_subscriptions_per_connection",
            "must be <= 1000000"),
        row(bus("limits: {send_hwm: 0}"), "buses[0].limits.send_hwm", "must be >= 1 (was 0)"),
        row(bus("limits: {recv_hwm: -1}"), "buses[0].limits.recv_hwm", "must be >= 1 (was -1)"),
        row(bus("limits: {recv_hwm: 10000001}"), "buses[0].limits.recv_hwm", "must be <= 10000000"),
        row(bus("limits: {io_threads: 0}"), "buses[0].limits.io_threads", "must be >= 1 (was 0)"),
        row(
            bus("limits: {io_threads: 17}"),
            "buses[0].limits.io_threads",
            "must be <= 16 (was 17)"),
        // Logging and metadata.
        row(
            bus("logging: {level: loud}"),
            "buses[0].logging.level",
            "must be one of trace, debug, info, warn, error (was 'loud')"),
        row(bus("metadata: {qos: ''}"), "buses[0].metadata.qos", "has no value"),
        row(bus("metadata: {purpose: ' '}"), "buses[0].metadata.purpose", "must not be empty"),
        row(
            bus("metadata: {debug: 1}"),
            "buses[0].metadata.debug",
            "must be true or false (was 1)"));
  }

  @ParameterizedTest(name = "[{index}] {1}: {2}")
  @MethodSource("badInputs")
  void badInputIsRefusedWithKeyAndReason(String yaml, String key, String reason) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "onex.yaml"));

    assertThat(e).as("config refused:%n%s", yaml).isNotNull();
    assertThat(e.source()).isEqualTo("onex.yaml");
    assertThat(e.key()).isEqualTo(key);
    assertThat(e.reason()).contains(reason);
    assertThat(e.getMessage())
        .startsWith("onex.yaml: " + (key.isEmpty() ? "" : key + ": ") + e.reason());
    assertThat(e.errors())
        .isNotEmpty()
        .first()
        .isEqualTo(new ConfigException.Problem(key, e.reason()));
  }

  /** A rejected value falls back to what it would inherit, so it causes no follow-up problems. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "buses: [5]\n",
        "buses:\n  - name: a\n    heartbeat: {interval: -2s}\n",
        "buses:\n  - name: a\n    port: 70000\n  - name: b\n    port: 5555\n",
        "buses:\n  - name: A\n    port: 5555\n  - name: b\n    port: 5556\n",
        "defaults: {host: 'a b'}\nbuses:\n  - name: a\n",
        "defaults: {heartbeat: {interval: 1m}}\nbuses:\n  - name: a\n  - name: b\n",
      })
  void oneMistakeGivesOneProblem(String yaml) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "onex.yaml"));

    assertThat(e.errors()).as(e.report()).hasSize(1);
  }
}
