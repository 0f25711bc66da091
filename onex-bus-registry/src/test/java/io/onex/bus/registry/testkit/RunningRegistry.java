package io.onex.bus.registry.testkit;

import io.onex.bus.config.RegistryConfig;
import io.onex.bus.registry.RegistryNode;
import java.nio.file.Path;
import java.time.Clock;

/** A real registry node on an ephemeral loopback port, with its store in a test folder. */
public final class RunningRegistry {
  private RunningRegistry() {}

  public static RegistryNode start(Path dir) {
    return start(dir, RegistryConfig.DEFAULT);
  }

  public static RegistryNode start(Path dir, RegistryConfig config) {
    return RegistryNode.start(config, dir.resolve("registry.db"), Clock.systemUTC());
  }
}
