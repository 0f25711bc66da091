/**
 * The named-bus configuration, {@code onex.yaml}: what {@code onex up} reads (or the embedded
 * four-bus default) before any socket binds. {@link io.onex.bus.config.ConfigLoader} parses and
 * validates a whole file and either returns an immutable {@link io.onex.bus.config.OnexConfig}
 * whose {@link io.onex.bus.config.BusConfig}s are fully resolved (defaults merged) or throws a
 * {@link io.onex.bus.config.ConfigException} naming the file, the key ({@code buses[2].queue.size})
 * and the reason. Every key is documented in {@code docs/config.md}.
 */
package io.onex.bus.config;
