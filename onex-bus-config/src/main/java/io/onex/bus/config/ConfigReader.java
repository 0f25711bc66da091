package io.onex.bus.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed YAML tree into an {@link OnexConfig}: the top-level keys, the {@code defaults}
 * layer over the built-in values, every bus over those, then the cross-bus checks. It collects
 * every problem and fails once at the end, so a user fixes a file in one round. One instance per
 * load; one thread.
 */
final class ConfigReader {
  static final List<String> TOP =
      List.of("version", "home", "http", "registry", "defaults", "buses");
  static final List<String> HTTP = List.of("host", "port");
  static final List<String> DEFAULTS =
      List.of("host", "queue", "limits", "heartbeat", "logging", "shutdown");
  static final HttpConfig HTTP_DEFAULT = new HttpConfig("127.0.0.1", 0);

  private final String sourceName;
  private final Path file;
  private final List<ConfigException.Problem> problems = new ArrayList<>();

  /**
   * @param sourceName what error messages call the source
   * @param file the file read, or null; relative {@code home} paths resolve against its directory
   */
  ConfigReader(String sourceName, Path file) {
    this.sourceName = sourceName;
    this.file = file;
  }

  /**
   * @param root the document, or null for an empty one
   */
  OnexConfig read(JsonNode root) throws ConfigException {
    Section top = new Section(root, "", TOP, problems);
    version(top);
    Path home = home(top);
    HttpConfig http = http(top.section("http", HTTP));
    RegistryConfig registry = RegistryReader.read(top.section("registry", RegistryReader.KEYS));
    Section d = top.section("defaults", DEFAULTS);
    BusDefaults defaults =
        LayerReader.read(
            d, BusDefaults.BUILT_IN, d.host("host", BusDefaults.BUILT_IN.host(), true));

    List<BusConfig> buses = new ArrayList<>();
    List<ConfigValidator.Placement> placements = new ArrayList<>();
    JsonNode list = top.value("buses");
    if (list == null) {
      if (!top.has("buses")) {
        top.problem("buses", "is required: list at least one bus");
      }
    } else if (!list.isArray()) {
      top.problem("buses", "must be a list of buses (was " + Section.shown(list) + ")");
    } else if (list.isEmpty()) {
      problems.add(ConfigValidator.EMPTY);
    } else {
      for (int i = 0; i < list.size(); i++) {
        JsonNode entry = list.get(i);
        if (!entry.isObject()) {
          // Said once here: reading it as an empty bus would add a spurious missing name.
          top.problem(
              "buses[" + i + "]",
              "must be a mapping with at least a name (was " + Section.shown(entry) + ")");
          continue;
        }
        Section b = new Section(entry, "buses[" + i + "]", BusReader.KEYS, problems);
        BusReader.Result r = BusReader.read(b, i, defaults);
        buses.add(r.config());
        placements.add(r.placement());
      }
      problems.addAll(ConfigValidator.checkPlacements(http, placements));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems);
    }
    return new OnexConfig(file, home, http, registry, buses);
  }

  private static void version(Section top) {
    JsonNode v = top.value("version");
    if (v != null && !(v.isIntegralNumber() && v.canConvertToInt() && v.intValue() == 1)) {
      top.problem(
          "version", "must be 1, the only version this onex reads (was " + Section.shown(v) + ")");
    }
  }

  private static HttpConfig http(Section h) {
    return new HttpConfig(
        h.host("host", HTTP_DEFAULT.host(), false),
        h.integer(HttpConfig.PORT, HTTP_DEFAULT.port()));
  }

  /**
   * {@code ~} and {@code ~/...} expand to the user's home; a relative path is taken relative to the
   * file's directory, so a config and its state can move together.
   */
  private Path home(Section top) {
    String h = top.text("home", null);
    if (h == null) {
      return null;
    }
    String expanded = h;
    if (h.equals("~") || h.startsWith("~/")) {
      expanded = System.getProperty("user.home") + h.substring(1);
    } else if (h.startsWith("~")) {
      top.problem("home", "only ~ and ~/... are expanded (was '" + h + "')");
      return null;
    }
    try {
      Path p = Path.of(expanded);
      if (!p.isAbsolute() && file != null) {
        Path dir = file.toAbsolutePath().getParent();
        p = dir == null ? p.toAbsolutePath() : dir.resolve(p);
      }
      return p.normalize();
    } catch (InvalidPathException e) {
      top.problem("home", "is not a valid path (" + e.getMessage() + ")");
      return null;
    }
  }
}
