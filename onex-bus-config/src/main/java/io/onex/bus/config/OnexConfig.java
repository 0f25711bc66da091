package io.onex.bus.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code onex.yaml}: the HTTP API address, the optional home directory and the resolved
 * buses in the order written. Construction re-checks the cross-bus rules (unique names, no port
 * conflicts), so every instance is consistent. Immutable; any thread.
 *
 * @param source the file read, or null for the embedded default (and for parsed strings)
 * @param home the {@code home} key, {@code ~} expanded and made absolute against the file's
 *     directory; null when not given (the CLI then uses {@code --home}, {@code ONEX_HOME} or {@code
 *     ~/.onex})
 * @param http where the HTTP API listens
 * @param registry the registry node's settings
 * @param buses at least one bus, names unique
 */
public record OnexConfig(
    Path source, Path home, HttpConfig http, RegistryConfig registry, List<BusConfig> buses) {

  /** Copies the list and checks the cross-bus rules. */
  public OnexConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(registry, "registry");
    buses = List.copyOf(buses);
    var problems = ConfigValidator.check(http, buses);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).toString());
    }
  }

  /** A config with the default registry settings. */
  public OnexConfig(Path source, Path home, HttpConfig http, List<BusConfig> buses) {
    this(source, home, http, RegistryConfig.DEFAULT, buses);
  }

  /** The file's path as given, or {@code embedded default}. */
  public String sourceName() {
    return source == null ? ConfigLoader.EMBEDDED : source.toString();
  }

  /** The bus called {@code name}. */
  public Optional<BusConfig> bus(String name) {
    return buses.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /**
   * The whole resolved configuration (home, http, every bus in order) as canonical JSON. The source
   * path is left out: the same settings read from two places are the same config.
   */
  public String canonicalJson() {
    return Canonical.json(Canonical.of(this));
  }

  /** SHA-256 (lower-case hex) of {@link #canonicalJson()}; stable across loads and JVMs. */
  public String digest() {
    return Canonical.sha256(canonicalJson());
  }
}
