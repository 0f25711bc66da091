package io.onex.bus.cli.commands;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.config.ConfigException;
import io.onex.bus.config.ConfigLoader;
import io.onex.bus.config.OnexConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option and loading it: an invalid file fails fast with exit 2. */
final class ConfigOption {
  @Option(names = "--config", description = "YAML config (default: the embedded four-bus config)")
  Path config;

  OnexConfig load() {
    try {
      return config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
    } catch (ConfigException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, "invalid config:\n" + e.report());
    }
  }
}
