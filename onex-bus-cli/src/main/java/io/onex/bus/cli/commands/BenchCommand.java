package io.onex.bus.cli.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.bench.BenchHarness;
import io.onex.bus.bench.BenchOptions;
import io.onex.bus.bench.BenchRow;
import io.onex.bus.bench.MetricsBench;
import io.onex.bus.bench.MetricsBenchOptions;
import io.onex.bus.bench.MetricsRow;
import io.onex.bus.bench.flow.FanBench;
import io.onex.bus.bench.flow.FanBenchOptions;
import io.onex.bus.bench.flow.FanRow;
import io.onex.bus.bench.flow.LatencyBench;
import io.onex.bus.bench.flow.LatencyBenchOptions;
import io.onex.bus.bench.flow.LatencyRow;
import io.onex.bus.bench.flow.RoutingBench;
import io.onex.bus.bench.flow.RoutingBenchOptions;
import io.onex.bus.bench.flow.RoutingRow;
import io.onex.bus.bench.flow.StalledBench;
import io.onex.bus.bench.flow.StalledBenchOptions;
import io.onex.bus.bench.flow.StalledRow;
import io.onex.bus.bench.registry.RegistryBench;
import io.onex.bus.bench.registry.RegistryBenchOptions;
import io.onex.bus.bench.registry.RegistryRow;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onex bench}: onex-bus, NATS and raw JeroMQ measured in one run on this machine ({@code
 * --scenario 1to1}, the default), the registry's lease and heartbeat rates ({@code --scenario
 * registry}), routing over 10,000 topics and 1,000 subscriptions against one topic ({@code
 * --scenario routing}), a fast subscriber alone and next to a stalled one ({@code --scenario
 * stalled}), 1 → 10 and 10 → 1 throughput ({@code --scenario fanout}, {@code fanin}) or
 * publish-to-receive latency at a fixed rate ({@code --scenario latency}), the last three on onex
 * and NATS, or 1→1 with metrics on and off ({@code --scenario metrics}); as a table and optionally
 * as JSON rows. Main thread.
 */
@Command(
    name = "bench",
    description =
        "Benchmark onex-bus against NATS and raw JeroMQ, same run; or the registry (--scenario"
            + " registry), routing over many topics (--scenario routing), a stalled subscriber"
            + " (--scenario stalled), 1->10 and 10->1 (--scenario fanout, fanin), latency"
            + " percentiles (--scenario latency), the cost of metrics (--scenario metrics).")
public final class BenchCommand implements Callable<Integer> {
  static final String ONE_TO_ONE = "1to1";

  /** The logger the registry writes LEASE_*, NODE_* ... events to (RegistryEvents). */
  static final String REGISTRY_EVENT_LOG = "io.onex.bus.registry.events";

  @Option(
      names = "--scenario",
      defaultValue = ONE_TO_ONE,
      description =
          "1to1 (pub/sub throughput, default), registry (lease and heartbeat rates), routing"
              + " (10,000 topics and 1,000 subscriptions against one topic) or stalled (a fast"
              + " subscriber alone and next to one that grants no credit), fanout (1 -> 10), fanin"
              + " (10 -> 1) or latency (p50/p99/p99.9 at a fixed rate), the last three on onex and"
              + " NATS; metrics (1 -> 1 with per-topic metrics and a scraper, against metrics off)")
  String scenario;

  @Option(
      names = "--rate",
      description =
          "latency: the second rate in events/s (default: half the lower 1to1 burst rate of onex"
              + " and NATS, measured in the same run); the first is always 10,000")
  Integer rate;

  @Option(
      names = "--size",
      description = "fanout, fanin, latency, metrics: payload size in bytes (default 256)")
  Integer size;

  @Option(
      names = "--quick",
      description = "fewer events or operations and repetitions (well under a minute)")
  boolean quick;

  @Option(names = "--json", description = "also write the rows to this file as JSON")
  Path json;

  @Option(
      names = "--events",
      description = "1to1, routing, stalled: events per measured run (overrides the preset)")
  Integer events;

  @Option(names = "--repetitions", description = "measured runs per cell (median reported)")
  Integer repetitions;

  @Option(
      names = "--sizes",
      split = ",",
      description = "1to1: payload sizes in bytes, e.g. 16,256,1024")
  List<Integer> sizes;

  @Option(
      names = "--systems",
      split = ",",
      description = "1to1: onex,nats,jeromq-raw (default: all)")
  List<String> systems;

  @Option(
      names = "--clients",
      description =
          "registry: concurrent clients (default 8); routing: receiving clients (default 4)")
  Integer clients;

  @Option(
      names = "--operations",
      description =
          "registry: lease operations and heartbeats per measured run (overrides the preset)")
  Integer operations;

  @Option(
      names = "--nodes",
      description = "registry: nodes registered for heartbeats (default 10000)")
  Integer nodes;

  @Option(
      names = "--window",
      description = "registry: requests in flight per pipelined client (default 32; 1 skips it)")
  Integer window;

  @Option(
      names = "--log-events",
      description =
          "registry: keep the registry's per-event log lines (LEASE_GRANTED...) on while measuring")
  boolean logEvents;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    checkOptionsFor(scenario);
    return switch (scenario) {
      case ONE_TO_ONE -> oneToOne();
      case RegistryBench.SCENARIO -> registry();
      case RoutingBench.SCENARIO -> routing();
      case StalledBench.SCENARIO -> stalled();
      case FanBench.FANOUT, FanBench.FANIN -> fan();
      case LatencyBench.SCENARIO -> latency();
      case MetricsBench.SCENARIO -> metrics();
      default ->
          throw new CliException(
              OnexCommand.EXIT_USAGE,
              "unknown scenario "
                  + scenario
                  + "; known: "
                  + ONE_TO_ONE
                  + ", registry, routing, stalled, fanout, fanin, latency, metrics");
    };
  }

  /** The options each scenario takes beyond the common ones, which every scenario takes. */
  private static final Map<String, Set<String>> SCENARIO_OPTIONS =
      Map.of(
          ONE_TO_ONE,
          Set.of("--events", "--sizes", "--systems"),
          RegistryBench.SCENARIO,
          Set.of("--clients", "--operations", "--nodes", "--window", "--log-events"),
          RoutingBench.SCENARIO,
          Set.of("--events", "--clients"),
          StalledBench.SCENARIO,
          Set.of("--events"),
          FanBench.FANOUT,
          Set.of("--events", "--size"),
          FanBench.FANIN,
          Set.of("--events", "--size"),
          LatencyBench.SCENARIO,
          Set.of("--events", "--size", "--rate"),
          MetricsBench.SCENARIO,
          Set.of("--events", "--size"));

  private static final Set<String> COMMON_OPTIONS =
      Set.of("--scenario", "--quick", "--json", "--repetitions");

  /** Refuses, in one sentence, an option given that this scenario does not take. */
  private void checkOptionsFor(String name) {
    Set<String> allowed = SCENARIO_OPTIONS.getOrDefault(name, Set.of());
    for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
      String option = o.longestName();
      if (!COMMON_OPTIONS.contains(option) && !allowed.contains(option)) {
        throw new CliException(
            OnexCommand.EXIT_USAGE,
            option
                + " does not apply to --scenario "
                + name
                + "; it takes "
                + String.join(", ", new TreeSet<>(allowed))
                + (allowed.isEmpty() ? "" : ", ")
                + String.join(", ", new TreeSet<>(COMMON_OPTIONS)));
      }
    }
  }

  private Integer metrics() throws Exception {
    MetricsBenchOptions preset = quick ? MetricsBenchOptions.quick() : MetricsBenchOptions.full();
    MetricsBenchOptions options =
        usage(
            () ->
                new MetricsBenchOptions(
                    events != null ? events : preset.events(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    size != null ? size : preset.size()));
    List<MetricsRow> rows = MetricsScenario.run(options, spec.commandLine().getErr()::println);
    return report(
        spec.commandLine().getOut(), rows, MetricsScenario::printTable, MetricsScenario::write);
  }

  private Integer fan() throws Exception {
    FanBenchOptions preset =
        quick ? FanBenchOptions.quick(scenario) : FanBenchOptions.full(scenario);
    FanBenchOptions options =
        usage(
            () ->
                new FanBenchOptions(
                    events != null ? events : preset.events(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    size != null ? size : preset.size()));
    List<FanRow> rows = FanBench.run(scenario, options, spec.commandLine().getErr()::println);
    return report(
        spec.commandLine().getOut(), rows, BenchCommand::printFanTable, BenchCommand::writeFan);
  }

  private Integer latency() throws Exception {
    LatencyBenchOptions preset = quick ? LatencyBenchOptions.quick() : LatencyBenchOptions.full();
    LatencyBenchOptions options =
        usage(
            () ->
                new LatencyBenchOptions(
                    events != null ? events : preset.burstEvents(),
                    preset.seconds(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    size != null ? size : preset.size(),
                    rate != null ? rate : 0));
    List<LatencyRow> rows = LatencyBench.run(options, spec.commandLine().getErr()::println);
    return report(
        spec.commandLine().getOut(),
        rows,
        BenchCommand::printLatencyTable,
        BenchCommand::writeLatency);
  }

  private static void printFanTable(PrintWriter out, List<FanRow> rows) {
    out.printf(
        "%-8s %-6s %4s %4s %5s %12s %12s %12s %13s %6s %7s %8s %6s %-4s%n",
        "SCENARIO",
        "SYSTEM",
        "PUBS",
        "SUBS",
        "SIZE",
        "EVENTS/S",
        "MIN",
        "MAX",
        "DELIVERIES/S",
        "LOST",
        "x NATS",
        "x PAIRED",
        "TARGET",
        "MET");
    for (FanRow r : rows) {
      boolean nats = r.system().equals("nats");
      out.printf(
          "%-8s %-6s %4d %4d %5d %12.0f %12.0f %12.0f %13.0f %6d %7.2f %8.2f %6s %-4s%n",
          r.scenario(),
          r.system(),
          r.publishers(),
          r.subscribers(),
          r.size(),
          r.eventsPerS(),
          r.minEventsPerS(),
          r.maxEventsPerS(),
          r.deliveriesPerS(),
          r.lost(),
          r.ratioToNats(),
          r.pairedRatio(),
          nats ? "-" : String.valueOf(FanBenchOptions.TARGET_RATIO),
          nats ? "-" : r.targetMet() ? "pass" : "miss");
    }
    out.println(
        "EVENTS/S: events published per second, first publish to last delivery (median run)."
            + " x PAIRED: median of per-repetition ratios to NATS.");
    out.flush();
  }

  private static void writeFan(Path file, List<FanRow> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (FanRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("scenario", r.scenario());
      o.put("system", r.system());
      o.put("publishers", r.publishers());
      o.put("subscribers", r.subscribers());
      o.put("size", r.size());
      o.put("events_per_run", r.eventsPerRun());
      o.put("events_per_s", Math.round(r.eventsPerS()));
      o.put("min_events_per_s", Math.round(r.minEventsPerS()));
      o.put("max_events_per_s", Math.round(r.maxEventsPerS()));
      o.put("deliveries_per_s", Math.round(r.deliveriesPerS()));
      o.put("lost", r.lost());
      o.put("ratio_to_nats", twoDecimals(r.ratioToNats()));
      o.put("paired_ratio", twoDecimals(r.pairedRatio()));
      if (r.system().equals("nats")) {
        o.putNull("target_ratio");
        o.putNull("target_met");
      } else {
        o.put("target_ratio", FanBenchOptions.TARGET_RATIO);
        o.put("target_met", r.targetMet());
      }
    }
    writeJson(file, array);
  }

  private static void printLatencyTable(PrintWriter out, List<LatencyRow> rows) {
    out.printf(
        "%-8s %-6s %5s %10s %10s %8s %6s %9s %9s %9s %9s%n",
        "SCENARIO",
        "SYSTEM",
        "SIZE",
        "RATE",
        "ACHIEVED",
        "EVENTS",
        "LOST",
        "P50_US",
        "P99_US",
        "P99.9_US",
        "MAX_US");
    for (LatencyRow r : rows) {
      out.printf(
          "%-8s %-6s %5d %10d %10.0f %8d %6d %9.1f %9.1f %9.1f %9.1f%n",
          LatencyBench.SCENARIO,
          r.system(),
          r.size(),
          r.rate(),
          r.achievedRate(),
          r.recorded(),
          r.lost(),
          r.p50Micros(),
          r.p99Micros(),
          r.p999Micros(),
          r.maxMicros());
    }
    out.println(
        "Publish-to-receive, same JVM (System.nanoTime in the payload), over all measured runs."
            + " ACHIEVED: publish rate reached (median run).");
    out.flush();
  }

  private static void writeLatency(Path file, List<LatencyRow> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (LatencyRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("scenario", LatencyBench.SCENARIO);
      o.put("system", r.system());
      o.put("size", r.size());
      o.put("rate", r.rate());
      o.put("achieved_rate", Math.round(r.achievedRate()));
      o.put("recorded", r.recorded());
      o.put("lost", r.lost());
      o.put("p50_us", oneDecimal(r.p50Micros()));
      o.put("p99_us", oneDecimal(r.p99Micros()));
      o.put("p99_9_us", oneDecimal(r.p999Micros()));
      o.put("max_us", oneDecimal(r.maxMicros()));
    }
    writeJson(file, array);
  }

  private static double oneDecimal(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private Integer oneToOne() throws Exception {
    BenchOptions preset = quick ? BenchOptions.quick() : BenchOptions.full();
    BenchOptions options =
        usage(
            () ->
                new BenchOptions(
                    sizes != null ? sizes : preset.sizes(),
                    events != null ? events : preset.events(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    systems != null ? systems : preset.systems()));
    PrintWriter out = spec.commandLine().getOut();
    List<BenchRow> rows =
        BenchHarness.run(options, line -> spec.commandLine().getErr().println(line));
    return report(out, rows, BenchCommand::printTable, BenchCommand::write);
  }

  private Integer registry() throws Exception {
    RegistryBenchOptions preset =
        quick ? RegistryBenchOptions.quick() : RegistryBenchOptions.full();
    RegistryBenchOptions options =
        usage(
            () ->
                new RegistryBenchOptions(
                    clients != null ? clients : preset.clients(),
                    operations != null ? operations : preset.leaseOperations(),
                    nodes != null ? nodes : preset.nodes(),
                    operations != null ? operations : preset.heartbeats(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    window != null ? window : preset.window()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ch.qos.logback.classic.Logger eventLog = null;
    Level before = null;
    if (!logEvents && LoggerFactory.getILoggerFactory() instanceof LoggerContext lc) {
      // One INFO line per lease grant, release and registration would flood stderr and make the
      // numbers depend on where stderr goes; --log-events measures with them.
      eventLog = lc.getLogger(REGISTRY_EVENT_LOG);
      before = eventLog.getLevel();
      eventLog.setLevel(Level.WARN);
      err.println("registry: its per-event INFO log lines are off while measuring (--log-events)");
    }
    List<RegistryRow> rows;
    try {
      rows = RegistryBench.run(options, err::println);
    } finally {
      if (eventLog != null) {
        eventLog.setLevel(before);
      }
    }
    return report(out, rows, BenchCommand::printRegistryTable, BenchCommand::writeRegistry);
  }

  private Integer routing() throws Exception {
    RoutingBenchOptions preset = quick ? RoutingBenchOptions.quick() : RoutingBenchOptions.full();
    RoutingBenchOptions options =
        usage(
            () ->
                new RoutingBenchOptions(
                    events != null ? events : preset.events(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    clients != null ? clients : preset.clients(),
                    preset.size()));
    List<RoutingRow> rows = RoutingBench.run(options, spec.commandLine().getErr()::println);
    return report(
        spec.commandLine().getOut(),
        rows,
        BenchCommand::printRoutingTable,
        BenchCommand::writeRouting);
  }

  private Integer stalled() throws Exception {
    StalledBenchOptions preset = quick ? StalledBenchOptions.quick() : StalledBenchOptions.full();
    StalledBenchOptions options =
        usage(
            () ->
                new StalledBenchOptions(
                    events != null ? events : preset.events(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    preset.size()));
    List<StalledRow> rows = StalledBench.run(options, spec.commandLine().getErr()::println);
    return report(
        spec.commandLine().getOut(),
        rows,
        BenchCommand::printStalledTable,
        BenchCommand::writeStalled);
  }

  private static void printRoutingTable(PrintWriter out, List<RoutingRow> rows) {
    out.printf(
        "%-8s %-12s %6s %5s %7s %5s %12s %12s %12s %13s %7s %6s %7s %8s %8s %6s %-4s %8s %5s %5s"
            + " %5s%n",
        "SCENARIO",
        "CELL",
        "TOPICS",
        "SUBS",
        "CLIENTS",
        "SIZE",
        "EVENTS/S",
        "MIN",
        "MAX",
        "DELIVERIES/S",
        "DEL/EV",
        "LOST",
        "DROPPED",
        "x SINGLE",
        "x PAIRED",
        "TARGET",
        "MET",
        "LOOP_NS",
        "LOOP",
        "JVM",
        "HOST");
    for (RoutingRow r : rows) {
      boolean single = r.cell().equals("single-topic");
      out.printf(
          "%-8s %-12s %6d %5d %7d %5d %12.0f %12.0f %12.0f %13.0f %7.3f %6d %7d %8.2f %8.2f %6s"
              + " %-4s %8.0f %5.2f %5.2f %5.2f%n",
          RoutingBench.SCENARIO,
          r.cell(),
          r.topics(),
          r.subscriptions(),
          r.clients(),
          r.size(),
          r.eventsPerS(),
          r.minEventsPerS(),
          r.maxEventsPerS(),
          r.deliveriesPerS(),
          (double) r.deliveriesPerRun() / r.eventsPerRun(),
          r.lost(),
          r.dropped(),
          r.ratioToSingle(),
          r.pairedRatio(),
          single ? "-" : String.valueOf(RoutingBenchOptions.TARGET_RATIO),
          single ? "-" : r.targetMet() ? "pass" : "miss",
          r.loopNanosPerEvent(),
          r.loopCores(),
          r.processCores(),
          r.machineCores());
    }
    out.println(
        "x PAIRED: median of per-repetition ratios. LOOP_NS: broker loop CPU ns per event (median"
            + " over runs). LOOP, JVM, HOST: cores kept busy by the broker loop thread, this JVM,"
            + " the whole machine (median run).");
    out.flush();
  }

  private static void printStalledTable(PrintWriter out, List<StalledRow> rows) {
    out.printf(
        "%-8s %-12s %5s %12s %12s %12s %6s %15s %13s %7s %8s %6s %-4s %8s %5s %5s %5s%n",
        "SCENARIO",
        "CELL",
        "SIZE",
        "FAST EV/S",
        "MIN",
        "MAX",
        "LOST",
        "STALLED_DROPPED",
        "QUEUED_AT_END",
        "x ALONE",
        "x PAIRED",
        "TARGET",
        "MET",
        "LOOP_NS",
        "LOOP",
        "JVM",
        "HOST");
    for (StalledRow r : rows) {
      boolean alone = r.cell().equals("fast-alone");
      out.printf(
          "%-8s %-12s %5d %12.0f %12.0f %12.0f %6d %15d %13d %7.2f %8.2f %6s %-4s %8.0f %5.2f"
              + " %5.2f %5.2f%n",
          StalledBench.SCENARIO,
          r.cell(),
          r.size(),
          r.eventsPerS(),
          r.minEventsPerS(),
          r.maxEventsPerS(),
          r.lost(),
          r.stalledDropped(),
          r.queuedAtEnd(),
          r.ratioToAlone(),
          r.pairedRatio(),
          alone ? "-" : String.valueOf(StalledBenchOptions.TARGET_RATIO),
          alone ? "-" : r.targetMet() ? "pass" : "miss",
          r.loopNanosPerEvent(),
          r.loopCores(),
          r.processCores(),
          r.machineCores());
    }
    out.println(
        "x PAIRED: median of per-repetition ratios. LOOP_NS: broker loop CPU ns per event (median"
            + " over runs). LOOP, JVM, HOST: cores kept busy by the broker loop thread, this JVM,"
            + " the whole machine (median run).");
    out.flush();
  }

  private static void putCores(ObjectNode o, double loop, double jvm, double machine) {
    o.put("loop_cores", twoDecimals(loop));
    o.put("jvm_cores", twoDecimals(jvm));
    if (Double.isNaN(machine)) {
      o.putNull("machine_cores");
    } else {
      o.put("machine_cores", twoDecimals(machine));
    }
  }

  private static void writeRouting(Path file, List<RoutingRow> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (RoutingRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("scenario", RoutingBench.SCENARIO);
      o.put("cell", r.cell());
      o.put("topics", r.topics());
      o.put("subscriptions", r.subscriptions());
      o.put("clients", r.clients());
      o.put("size", r.size());
      o.put("events_per_run", r.eventsPerRun());
      o.put("deliveries_per_run", r.deliveriesPerRun());
      o.put("events_per_s", Math.round(r.eventsPerS()));
      o.put("min_events_per_s", Math.round(r.minEventsPerS()));
      o.put("max_events_per_s", Math.round(r.maxEventsPerS()));
      o.put("deliveries_per_s", Math.round(r.deliveriesPerS()));
      o.put("lost", r.lost());
      o.put("dropped", r.dropped());
      o.put("ratio_to_single", twoDecimals(r.ratioToSingle()));
      o.put("paired_ratio", twoDecimals(r.pairedRatio()));
      o.put("loop_ns_per_event", Math.round(r.loopNanosPerEvent()));
      if (r.cell().equals("single-topic")) {
        o.putNull("target_ratio");
        o.putNull("target_met");
      } else {
        o.put("target_ratio", RoutingBenchOptions.TARGET_RATIO);
        o.put("target_met", r.targetMet());
      }
      putCores(o, r.loopCores(), r.processCores(), r.machineCores());
    }
    writeJson(file, array);
  }

  private static void writeStalled(Path file, List<StalledRow> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (StalledRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("scenario", StalledBench.SCENARIO);
      o.put("cell", r.cell());
      o.put("size", r.size());
      o.put("events_per_run", r.eventsPerRun());
      o.put("fast_events_per_s", Math.round(r.eventsPerS()));
      o.put("min_fast_events_per_s", Math.round(r.minEventsPerS()));
      o.put("max_fast_events_per_s", Math.round(r.maxEventsPerS()));
      o.put("fast_lost", r.lost());
      o.put("stalled_dropped", r.stalledDropped());
      o.put("queued_at_end", r.queuedAtEnd());
      o.put("ratio_to_alone", twoDecimals(r.ratioToAlone()));
      o.put("paired_ratio", twoDecimals(r.pairedRatio()));
      o.put("loop_ns_per_event", Math.round(r.loopNanosPerEvent()));
      if (r.cell().equals("fast-alone")) {
        o.putNull("target_ratio");
        o.putNull("target_met");
      } else {
        o.put("target_ratio", StalledBenchOptions.TARGET_RATIO);
        o.put("target_met", r.targetMet());
      }
      putCores(o, r.loopCores(), r.processCores(), r.machineCores());
    }
    writeJson(file, array);
  }

  private static void printTable(PrintWriter out, List<BenchRow> rows) {
    out.printf(
        "%-8s %-11s %6s %14s %14s %14s %8s %9s%n",
        "SCENARIO", "SYSTEM", "SIZE", "EVENTS/S", "MIN", "MAX", "LOST", "x NATS");
    for (BenchRow r : rows) {
      out.printf(
          "%-8s %-11s %6d %14.0f %14.0f %14.0f %8d %9.2f%n",
          r.scenario(),
          r.system(),
          r.size(),
          r.eventsPerS(),
          r.minEventsPerS(),
          r.maxEventsPerS(),
          r.lost(),
          r.ratioToNats());
    }
    out.flush();
  }

  private static void printRegistryTable(PrintWriter out, List<RegistryRow> rows) {
    out.printf(
        "%-9s %-10s %-9s %7s %6s %10s %10s %10s %8s %8s %6s %8s %-4s %5s %5s %5s%n",
        "SCENARIO",
        "OPERATION",
        "MODE",
        "CLIENTS",
        "WINDOW",
        "OPS/S",
        "MIN",
        "MAX",
        "P50_US",
        "P99_US",
        "ERRORS",
        "TARGET",
        "MET",
        "LOOP",
        "JVM",
        "HOST");
    for (RegistryRow r : rows) {
      out.printf(
          "%-9s %-10s %-9s %7d %6d %10.0f %10.0f %10.0f %8.0f %8.0f %6d %8.0f %-4s %5.2f %5.2f"
              + " %5.2f%n",
          RegistryBench.SCENARIO,
          r.operation(),
          r.mode(),
          r.clients(),
          r.window(),
          r.opsPerS(),
          r.minOpsPerS(),
          r.maxOpsPerS(),
          r.p50Micros(),
          r.p99Micros(),
          r.errors(),
          r.targetOpsPerS(),
          r.targetMet() ? "pass" : "miss",
          r.loopCores(),
          r.processCores(),
          r.machineCores());
    }
    out.println(
        "LOOP, JVM, HOST: cores kept busy by the registry loop thread, this JVM, the whole machine.");
    out.flush();
  }

  private static double twoDecimals(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void writeRegistry(Path file, List<RegistryRow> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (RegistryRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("scenario", RegistryBench.SCENARIO);
      o.put("operation", r.operation());
      o.put("mode", r.mode());
      o.put("clients", r.clients());
      o.put("window", r.window());
      o.put("operations_per_run", r.operationsPerRun());
      o.put("ops_per_s", Math.round(r.opsPerS()));
      o.put("min_ops_per_s", Math.round(r.minOpsPerS()));
      o.put("max_ops_per_s", Math.round(r.maxOpsPerS()));
      o.put("p50_us", Math.round(r.p50Micros()));
      o.put("p99_us", Math.round(r.p99Micros()));
      o.put("sent", r.sent());
      o.put("answered_ok", r.answeredOk());
      o.put("errors", r.errors());
      o.put("server_counted", r.serverCounted());
      o.put("target_ops_per_s", Math.round(r.targetOpsPerS()));
      o.put("target_met", r.targetMet());
      o.put("loop_cores", twoDecimals(r.loopCores()));
      o.put("jvm_cores", twoDecimals(r.processCores()));
      if (Double.isNaN(r.machineCores())) {
        o.putNull("machine_cores");
      } else {
        o.put("machine_cores", twoDecimals(r.machineCores()));
      }
    }
    writeJson(file, array);
  }

  private static void write(Path file, List<BenchRow> rows) {
    ArrayNode array = OnexEventJson.mapper().createArrayNode();
    for (BenchRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("scenario", r.scenario());
      o.put("system", r.system());
      o.put("size", r.size());
      o.put("events_per_s", Math.round(r.eventsPerS()));
      o.put("min_events_per_s", Math.round(r.minEventsPerS()));
      o.put("max_events_per_s", Math.round(r.maxEventsPerS()));
      o.put("lost", r.lost());
      if (Double.isNaN(r.ratioToNats())) {
        o.putNull("ratio_to_nats");
      } else {
        o.put("ratio_to_nats", Math.round(r.ratioToNats() * 100) / 100.0);
      }
    }
    writeJson(file, array);
  }

  /** Options records check their values; a bad one is the user's mistake (exit 2). */
  private static <T> T usage(Supplier<T> options) {
    try {
      return options.get();
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, e.getMessage());
    }
  }

  /** Every scenario ends the same way: its table on stdout, and its rows as JSON on request. */
  private <R> Integer report(
      PrintWriter out,
      List<R> rows,
      BiConsumer<PrintWriter, List<R>> table,
      BiConsumer<Path, List<R>> jsonWriter) {
    table.accept(out, rows);
    if (json != null) {
      jsonWriter.accept(json, rows);
    }
    return 0;
  }

  static void writeJson(Path file, ArrayNode array) {
    try {
      Files.writeString(file, array.toPrettyString() + "\n");
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
