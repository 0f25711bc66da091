package io.onex.bus.broker.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree into an {@link OnexConfig}: built-in defaults, overridden by the {@code
 * defaults} section, overridden per bus. Collects every problem, then fails once. One thread.
 */
final class ConfigReader {
  static final int MAX_QUEUE = 10_000_000;
  private static final Pattern BUS_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  private static final Pattern ENDPOINT = Pattern.compile("tcp://([^:/\\s]+):(\\*|\\d{1,5})");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
  private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");
  private static final Set<String> TOP = Set.of("version", "home", "http", "defaults", "buses");
  private static final Set<String> HTTP = Set.of("host", "port");
  private static final Set<String> SETTINGS =
      Set.of("host", "queue", "limits", "heartbeat", "logging", "shutdown");
  private static final Set<String> BUS =
      Set.of(
          "name",
          "host",
          "port",
          "endpoint",
          "queue",
          "limits",
          "heartbeat",
          "logging",
          "shutdown",
          "metadata");
  private static final Set<String> QUEUE = Set.of("size", "drop");
  private static final Set<String> LIMITS =
      Set.of(
          "max_frame_bytes",
          "max_batch_events",
          "max_subscriptions_per_connection",
          "send_hwm",
          "recv_hwm");
  private static final Set<String> HEARTBEAT = Set.of("interval", "timeout");
  private static final Set<String> LOGGING = Set.of("level", "debug");
  private static final Set<String> SHUTDOWN = Set.of("drain_timeout");
  private static final Set<String> METADATA = Set.of("purpose", "qos", "debug", "extra");

  /** The built-in defaults every key falls back to. */
  record Base(
      String host,
      Settings.Queue queue,
      Settings.Limits limits,
      Settings.Heartbeat heartbeat,
      Settings.Logging logging,
      Settings.Shutdown shutdown) {
    static final Base BUILT_IN =
        new Base(
            "127.0.0.1",
            new Settings.Queue(1000, DropPolicy.OLDEST),
            new Settings.Limits(1 << 20, 1024, 10_000, 1000, 1000),
            new Settings.Heartbeat(Duration.ofSeconds(2), Duration.ofSeconds(10)),
            new Settings.Logging("info", false),
            new Settings.Shutdown(Duration.ofSeconds(5)));
  }

  private final String sourceName;
  private final Path source;
  private final List<ConfigException.Problem> problems = new ArrayList<>();

  ConfigReader(String sourceName, Path source) {
    this.sourceName = sourceName;
    this.source = source;
  }

  OnexConfig read(JsonNode root) throws ConfigException {
    Section top = new Section(root, "", TOP, problems);
    if (top.has("version")) {
      top.integer("version", 1, 1, 1);
    }
    String home = top.text("home", null);
    Section http = top.section("http", HTTP);
    HttpConfig httpConfig =
        new HttpConfig(http.text("host", "127.0.0.1"), http.integer("port", 0, 65535, 0));
    Base base = settings(top.section("defaults", SETTINGS), Base.BUILT_IN);
    List<BusConfig> buses = buses(top, base);
    new Conflicts(problems).check(buses, httpConfig);
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems);
    }
    return new OnexConfig(
        source, home == null ? null : Path.of(expandHome(home)), httpConfig, buses);
  }

  private List<BusConfig> buses(Section top, Base base) {
    JsonNode list = top.raw("buses");
    List<BusConfig> out = new ArrayList<>();
    if (!list.isArray() || list.isEmpty()) {
      top.problem("buses", "must be a non-empty list of buses");
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      out.add(bus(new Section(list.get(i), "buses[" + i + "]", BUS, problems), base));
    }
    return out;
  }

  private BusConfig bus(Section s, Base base) {
    String name = s.text("name", "");
    if (!BUS_NAME.matcher(name).matches()) {
      s.problem("name", "must match [a-z0-9][a-z0-9_-]{0,62}, was '" + name + "'");
    }
    Base merged = settings(s, base);
    String host = merged.host();
    PortSpec port = port(s);
    if (s.has("endpoint")) {
      if (s.has("host") || s.has("port")) {
        s.problem("endpoint", "give endpoint or host/port, not both");
      }
      var m = ENDPOINT.matcher(s.raw("endpoint").asText());
      if (!m.matches()) {
        s.problem(
            "endpoint", "must look like tcp://HOST:PORT, was '" + s.raw("endpoint").asText() + "'");
      } else {
        host = m.group(1);
        port = m.group(2).equals("*") ? PortSpec.EPHEMERAL : portNumber(s, "endpoint", m.group(2));
      }
    }
    return new BusConfig(
        name,
        host,
        port,
        merged.queue(),
        merged.limits(),
        merged.heartbeat(),
        merged.logging(),
        merged.shutdown(),
        metadata(s.section("metadata", METADATA)));
  }

  private PortSpec port(Section s) {
    if (!s.has("port")) {
      return PortSpec.EPHEMERAL;
    }
    JsonNode v = s.raw("port");
    if (v.isIntegralNumber()) {
      int p = s.integer("port", 0, 65535, 0);
      return p == 0 ? PortSpec.EPHEMERAL : PortSpec.fixed(p);
    }
    var m = RANGE.matcher(v.asText());
    if (!m.matches()) {
      s.problem(
          "port",
          "must be 0, a port 1-65535 or a range like 40000-40999, was '" + v.asText() + "'");
      return PortSpec.EPHEMERAL;
    }
    int from = Integer.parseInt(m.group(1));
    int to = Integer.parseInt(m.group(2));
    if (from < 1 || to > 65535 || from > to) {
      s.problem("port", "range must be within 1-65535 and low-high, was '" + v.asText() + "'");
      return PortSpec.EPHEMERAL;
    }
    return new PortSpec(from, to);
  }

  private static PortSpec portNumber(Section s, String key, String text) {
    int p = Integer.parseInt(text);
    if (p > 65535) {
      s.problem(key, "port must be at most 65535, was " + p);
      return PortSpec.EPHEMERAL;
    }
    return p == 0 ? PortSpec.EPHEMERAL : PortSpec.fixed(p);
  }

  private Base settings(Section s, Base d) {
    Section q = s.section("queue", QUEUE);
    Section l = s.section("limits", LIMITS);
    Section h = s.section("heartbeat", HEARTBEAT);
    Section g = s.section("logging", LOGGING);
    Section x = s.section("shutdown", SHUTDOWN);
    var heartbeat =
        new Settings.Heartbeat(
            h.duration("interval", d.heartbeat().interval()),
            h.duration("timeout", d.heartbeat().timeout()));
    if (heartbeat.timeout().compareTo(heartbeat.interval()) <= 0) {
      h.problem("timeout", "must be longer than the interval (" + heartbeat.interval() + ")");
    }
    String level = g.text("level", d.logging().level());
    if (!LEVELS.contains(level)) {
      g.problem("level", "must be one of " + LEVELS + ", was '" + level + "'");
    }
    return new Base(
        s.text("host", d.host()),
        new Settings.Queue(
            q.integer("size", 1, MAX_QUEUE, d.queue().size()), drop(q, d.queue().drop())),
        new Settings.Limits(
            l.integer("max_frame_bytes", 1024, 256 << 20, d.limits().maxFrameBytes()),
            l.integer("max_batch_events", 1, 0xFFFF, d.limits().maxBatchEvents()),
            l.integer(
                "max_subscriptions_per_connection",
                1,
                1_000_000,
                d.limits().maxSubscriptionsPerConnection()),
            l.integer("send_hwm", 1, 10_000_000, d.limits().sendHwm()),
            l.integer("recv_hwm", 1, 10_000_000, d.limits().recvHwm())),
        heartbeat,
        new Settings.Logging(level, g.bool("debug", d.logging().debug())),
        new Settings.Shutdown(x.duration("drain_timeout", d.shutdown().drainTimeout())));
  }

  private static DropPolicy drop(Section q, DropPolicy dflt) {
    String v = q.text("drop", dflt.name().toLowerCase(java.util.Locale.ROOT));
    return switch (v) {
      case "oldest" -> DropPolicy.OLDEST;
      case "newest" -> DropPolicy.NEWEST;
      default -> {
        q.problem("drop", "must be oldest or newest, was '" + v + "'");
        yield dflt;
      }
    };
  }

  private static Settings.Metadata metadata(Section m) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (m.has("extra")) {
      JsonNode e = m.raw("extra");
      if (!e.isObject()) {
        m.problem("extra", "must be a mapping");
      } else {
        extra =
            new ObjectMapper()
                .convertValue(e, new TypeReference<LinkedHashMap<String, Object>>() {});
      }
    }
    return new Settings.Metadata(
        m.text("purpose", ""),
        m.text("qos", "best-effort"),
        m.bool("debug", false),
        java.util.Collections.unmodifiableMap(extra));
  }

  private static String expandHome(String path) {
    return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
  }
}
