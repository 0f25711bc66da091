package io.onex.bus.cli.commands;

import io.onex.bus.cli.deploy.Deployment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command finds the deployment's registry: the flag, the environment, the state file. */
public final class RegistryOptions {
  @Option(
      names = "--registry",
      description = "registry endpoint tcp://HOST:PORT (default: $ONEX_REGISTRY or the state file)")
  String registry;

  @Option(
      names = "--home",
      description = "state directory of the deployment (default: $ONEX_HOME or ~/.onex)")
  Path home;

  /** The deployment; the caller closes it. */
  Deployment locate() {
    return Deployment.locate(registry, home);
  }
}
