package io.onex.bus.broker.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code onex.yaml}: the HTTP API address, the optional home directory and the buses.
 * Immutable; any thread.
 *
 * @param source the file read, or null for the embedded default
 */
public record OnexConfig(Path source, Path home, HttpConfig http, List<BusConfig> buses) {
  public OnexConfig {
    buses = List.copyOf(buses);
  }

  /** The file name, or "embedded default". */
  public String sourceName() {
    return source == null ? "embedded default" : source.toString();
  }

  public Optional<BusConfig> bus(String name) {
    return buses.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** SHA-256 (hex) of the whole resolved configuration. */
  public String digest() {
    return BusConfig.sha256(http + "|" + home + "|" + buses);
  }
}
