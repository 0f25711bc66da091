package io.onex.bus.cli.commands;

import io.onex.bus.cli.deploy.LocalRegistry;
import io.onex.bus.cli.deploy.OnexHome;
import io.onex.bus.cli.deploy.ProcessScheduling;
import io.onex.bus.config.OnexConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onex registry}: the registry node on its own. */
@Command(
    name = "registry",
    description = "The registry node.",
    subcommands = {RegistryCommand.Start.class})
public final class RegistryCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: start");
  }

  /**
   * {@code onex registry start}: the registry and its HTTP API alone, until SIGINT or SIGTERM. Its
   * events are logged; buses started with {@code onex bus start} register with it. Main thread.
   */
  @Command(name = "start", description = "Run the registry and its HTTP API until stopped.")
  public static final class Start implements Callable<Integer> {
    @Mixin ConfigOption config = new ConfigOption();

    @Option(names = "--home", description = "state directory (default: $ONEX_HOME or ~/.onex)")
    Path home;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      OnexConfig cfg = config.load();
      ProcessScheduling.applyFromEnvironment();
      LocalRegistry registry =
          LocalRegistry.start(cfg, OnexHome.resolve(home, cfg.home()), new ProcessMetrics());
      PrintWriter out = spec.commandLine().getOut();
      out.printf("registry %s%n", registry.endpoint());
      out.printf("http %s%n", registry.httpUrl());
      out.println("onex: ready");
      out.flush();
      return UntilStopped.await(registry::close, Duration.ZERO);
    }
  }
}
