package io.onex.bus.cli.deploy;

import java.nio.file.Path;

/**
 * Where a deployment keeps its state: {@code --home}, else {@code ONEX_HOME}, else the config's
 * {@code home}, else {@code ~/.onex}. The {@code run/} folder under it holds the files {@code onex
 * up} writes for other commands to find it. Immutable; any thread.
 */
public record OnexHome(Path dir) {
  /** Resolves the home from the flag, the environment and the config, in that order. */
  public static OnexHome resolve(Path flag, Path fromConfig) {
    if (flag != null) {
      return new OnexHome(flag.toAbsolutePath());
    }
    String env = System.getenv("ONEX_HOME");
    if (env != null && !env.isBlank()) {
      return new OnexHome(Path.of(env).toAbsolutePath());
    }
    if (fromConfig != null) {
      return new OnexHome(fromConfig.toAbsolutePath());
    }
    return new OnexHome(Path.of(System.getProperty("user.home"), ".onex"));
  }

  /** The folder of the running deployment's state files. */
  public Path runDir() {
    return dir.resolve("run");
  }

  /** The file holding the registry endpoint of the running deployment. */
  public Path registryEndpointFile() {
    return runDir().resolve("registry.endpoint");
  }

  /** The registry's SQLite store. */
  public Path registryStore() {
    return dir.resolve("registry.db");
  }

  /** The file holding the HTTP base URL of the running deployment. */
  public Path httpEndpointFile() {
    return runDir().resolve("http.endpoint");
  }
}
