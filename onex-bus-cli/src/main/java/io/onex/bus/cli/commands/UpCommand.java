package io.onex.bus.cli.commands;

import ch.qos.logback.classic.LoggerContext;
import io.onex.bus.broker.Broker;
import io.onex.bus.broker.BrokerStartException;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.cli.deploy.OnexHome;
import io.onex.bus.cli.deploy.StateFiles;
import io.onex.bus.cli.http.HttpApi;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.ConfigException;
import io.onex.bus.config.ConfigLoader;
import io.onex.bus.config.OnexConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onex up}: validates the config, starts every configured bus and the HTTP API, prints the
 * endpoints and {@code onex: ready}, and runs until SIGINT or SIGTERM, when it stops every bus in
 * order (BUS_STOPPED, queues flushed) and exits 0. Runs on the main thread; the stop runs on the
 * JVM's shutdown-hook thread.
 */
@Command(name = "up", description = "Run the configured buses and the HTTP API until stopped.")
public final class UpCommand implements Callable<Integer> {
  @Option(names = "--config", description = "YAML config (default: the embedded four-bus config)")
  Path config;

  @Option(names = "--home", description = "state directory (default: $ONEX_HOME or ~/.onex)")
  Path home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    OnexConfig cfg = load();
    OnexHome onexHome = OnexHome.resolve(home, cfg.home());
    List<Broker> brokers = startBuses(cfg);
    HttpApi http;
    try {
      http = HttpApi.start(cfg.http(), brokers);
    } catch (RuntimeException e) {
      stopAll(brokers);
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot start the HTTP API: " + e.getMessage());
    }
    StateFiles.writeHttpEndpoint(onexHome, http.url());
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> awaitStop(stopRequested, stopped, cfg), "onex-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    for (Broker b : brokers) {
      out.printf("bus %-10s %s%n", b.name(), b.endpoint());
    }
    out.printf("http %s%n", http.url());
    out.println("onex: ready");
    out.flush();
    stopRequested.await();
    stop(brokers, http, onexHome);
    stopped.countDown();
    return 0;
  }

  /**
   * The JVM's shutdown hook (SIGINT/SIGTERM): hands the stop to the main thread, which runs it like
   * any other code, waits for it, then ends the process with 0. {@code halt} is needed because a
   * signalled JVM otherwise exits 143, and a supervisor must see a clean stop as 0.
   */
  private static void awaitStop(
      CountDownLatch stopRequested, CountDownLatch stopped, OnexConfig cfg) {
    stopRequested.countDown();
    long maxDrainMillis =
        cfg.buses().stream().mapToLong(b -> b.shutdown().drainTimeout().toMillis()).sum();
    try {
      stopped.await(maxDrainMillis + 15_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.flush();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext lc) {
      lc.stop();
    }
    System.err.flush();
    Runtime.getRuntime().halt(0);
  }

  private OnexConfig load() {
    try {
      return config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
    } catch (ConfigException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, "invalid config:\n" + e.report());
    }
  }

  private static List<Broker> startBuses(OnexConfig cfg) {
    List<Broker> started = new ArrayList<>();
    try {
      for (BusConfig bus : cfg.buses()) {
        started.add(Broker.start(bus));
      }
    } catch (BrokerStartException e) {
      stopAll(started);
      throw new CliException(OnexCommand.EXIT_FAILURE, e.getMessage());
    }
    return started;
  }

  private static void stopAll(List<Broker> brokers) {
    List<Broker> reversed = new ArrayList<>(brokers);
    Collections.reverse(reversed);
    reversed.forEach(Broker::close);
  }

  /** The orderly stop, on the main thread: buses first (BUS_STOPPED, drain, BYE), then HTTP. */
  private static void stop(List<Broker> brokers, HttpApi http, OnexHome home) {
    stopAll(brokers);
    http.close();
    StateFiles.remove(home);
  }
}
