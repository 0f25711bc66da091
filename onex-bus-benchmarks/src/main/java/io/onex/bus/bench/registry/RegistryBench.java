package io.onex.bus.bench.registry;

import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.registry.RegistryCommand;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.server.RegistryCounters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The registry scenario: starts a registry node in this JVM (default config, loopback, ephemeral
 * port, its SQLite store in a fresh temporary directory), then measures lease grant+release pairs
 * and, once {@code nodes} nodes are registered, heartbeats round-robin over them; each with the
 * real client library (one request in flight per client) and, when the window is above 1, with
 * pipelining raw DEALERs. Every cell is one warm-up run (not recorded) and R measured runs, whose
 * median is reported. Harness thread only; the clients run on threads of their own.
 */
public final class RegistryBench {
  /** The scenario's name in rows and on the command line. */
  public static final String SCENARIO = "registry";

  static final String LEASE = "lease";
  static final String HEARTBEAT = "heartbeat";
  static final String SYNC = "sync";
  static final String PIPELINED = "pipelined";

  private final RegistryBenchOptions options;
  private final Consumer<String> progress;
  private final RegistryNode node;

  private RegistryBench(
      RegistryBenchOptions options, Consumer<String> progress, RegistryNode node) {
    this.options = options;
    this.progress = progress;
    this.node = node;
  }

  /** Runs and returns the rows; {@code progress} hears one line per finished step. */
  public static List<RegistryRow> run(RegistryBenchOptions options, Consumer<String> progress)
      throws Exception {
    Path dir = Files.createTempDirectory("onex-bench-registry");
    try (RegistryNode node =
        RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("registry.db"), Clock.systemUTC())) {
      return new RegistryBench(options, progress, node).measureAll();
    } finally {
      deleteTree(dir);
    }
  }

  private List<RegistryRow> measureAll() throws Exception {
    List<RegistryRow> rows = new ArrayList<>();
    String endpoint = node.endpoint();
    int c = options.clients();
    int leaseOps = options.leaseOperations() / 2 * 2; // whole grant+release pairs
    IntFunction<ClientScript> leases =
        i -> new LeaseScript(i, share(options.leaseOperations() / 2, i));
    IntFunction<ClientScript> beats =
        i -> new HeartbeatScript(i, c, options.nodes(), share(options.heartbeats(), i));
    try (ClientPool sync = new ClientPool(c, SYNC, i -> new SyncDriver(endpoint))) {
      rows.add(measure(LEASE, SYNC, 1, sync, leases, leaseOps));
      register(sync);
      rows.add(measure(HEARTBEAT, SYNC, 1, sync, beats, options.heartbeats()));
    }
    if (options.window() > 1) {
      int w = options.window();
      try (ClientPool pipelined =
          new ClientPool(c, PIPELINED, i -> new PipelinedDriver(endpoint, i, w))) {
        rows.add(measure(LEASE, PIPELINED, w, pipelined, leases, leaseOps));
        rows.add(measure(HEARTBEAT, PIPELINED, w, pipelined, beats, options.heartbeats()));
      }
    }
    return rows;
  }

  /** Client {@code i}'s share of {@code total}: as even as it gets. */
  private int share(int total, int i) {
    int c = options.clients();
    return total / c + (i < total % c ? 1 : 0);
  }

  private void register(ClientPool clients) throws Exception {
    long start = System.nanoTime();
    RunResult r = clients.run(i -> new RegisterScript(i, options.clients(), options.nodes()));
    if (r.ok() != options.nodes() || r.errors() != 0) {
      throw new IllegalStateException(
          "registering "
              + options.nodes()
              + " nodes: "
              + r.ok()
              + " answered OK, "
              + r.errors()
              + " failed");
    }
    progress.accept(
        String.format(
            "registry: registered %d nodes in %.1f s (%d registry nodes in all)",
            r.ok(), (System.nanoTime() - start) / 1e9, node.registry().nodes().size()));
  }

  private RegistryRow measure(
      String operation,
      String mode,
      int window,
      ClientPool clients,
      IntFunction<ClientScript> scripts,
      int operationsPerRun)
      throws Exception {
    RegistryCounters counters = node.server().counters();
    long countedBefore = counted(counters, operation);
    RunResult warmUp = clients.run(scripts); // JIT, SQLite page cache, connections
    RunResult[] runs = new RunResult[options.repetitions()];
    CpuMeter cpu = new CpuMeter();
    cpu.start();
    for (int i = 0; i < runs.length; i++) {
      runs[i] = clients.run(scripts);
    }
    CpuMeter.Usage usage = cpu.stop();
    long serverCounted = counted(counters, operation) - countedBefore;
    Histogram latency = ClientTally.newHistogram();
    long sent = warmUp.sent();
    long ok = warmUp.ok();
    long errors = warmUp.errors();
    for (RunResult r : runs) {
      latency.add(r.latency());
      sent += r.sent();
      ok += r.ok();
      errors += r.errors();
    }
    RunResult[] sorted = runs.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(RunResult::opsPerSecond));
    double target =
        operation.equals(LEASE)
            ? RegistryBenchOptions.LEASE_TARGET
            : RegistryBenchOptions.HEARTBEAT_TARGET;
    RegistryRow row =
        new RegistryRow(
            operation,
            mode,
            options.clients(),
            window,
            operationsPerRun,
            sorted[sorted.length / 2].opsPerSecond(),
            sorted[0].opsPerSecond(),
            sorted[sorted.length - 1].opsPerSecond(),
            latency.getValueAtPercentile(50) / 1e3,
            latency.getValueAtPercentile(99) / 1e3,
            sent,
            ok,
            errors,
            serverCounted,
            target,
            usage.loopCores(),
            usage.processCores(),
            usage.machineCores());
    progress.accept(
        String.format(
            "%s %s %s: %.0f ops/s, p50 %.0f us, p99 %.0f us (errors %d)",
            SCENARIO, operation, mode, row.opsPerS(), row.p50Micros(), row.p99Micros(), errors));
    return row;
  }

  private static long counted(RegistryCounters counters, String operation) {
    if (operation.equals(LEASE)) {
      return counters.requests(RegistryCommand.LEASE_REQUEST)
          + counters.requests(RegistryCommand.LEASE_RELEASE);
    }
    return counters.requests(RegistryCommand.HEARTBEAT);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
