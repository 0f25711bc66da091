package io.onex.bus.cli.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.onex.bus.bench.BenchHarness;
import io.onex.bus.bench.BenchOptions;
import io.onex.bus.bench.BenchRow;
import io.onex.bus.bench.MetricsBench;
import io.onex.bus.bench.MetricsBenchOptions;
import io.onex.bus.bench.MetricsRow;
import io.onex.bus.bench.SchemaBench;
import io.onex.bus.bench.SchemaBenchOptions;
import io.onex.bus.bench.SchemaRow;
import io.onex.bus.bench.flow.CellRow;
import io.onex.bus.bench.flow.FanBench;
import io.onex.bus.bench.flow.FanBenchOptions;
import io.onex.bus.bench.flow.FanRow;
import io.onex.bus.bench.flow.LatencyBench;
import io.onex.bus.bench.flow.LatencyBenchOptions;
import io.onex.bus.bench.flow.LatencyRow;
import io.onex.bus.bench.flow.MemoryBench;
import io.onex.bus.bench.flow.MemoryBenchOptions;
import io.onex.bus.bench.flow.MemoryRow;
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
import io.onex.bus.cli.deploy.ProcessScheduling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
 * and NATS (latency on raw JeroMQ PUB→SUB too), or the server memory that 1,000 and 10,000
 * subscriptions take ({@code --scenario memory}, onex and NATS), or one system's configurations
 * against each other: metrics on and off ({@code --scenario metrics}), schema checking off,
 * permissive and strict ({@code --scenario schema}); as a table and optionally as JSON rows. The
 * JMH micro-benchmarks are not here: {@code ./onex bench --jmh} runs their own jar. Main thread.
 */
@Command(
    name = "bench",
    description =
        "Benchmark onex-bus against NATS and raw JeroMQ, same run; or the registry (--scenario"
            + " registry), routing over many topics (--scenario routing), a stalled subscriber"
            + " (--scenario stalled), 1->10 and 10->1 (--scenario fanout, fanin), latency"
            + " percentiles (--scenario latency), memory per subscription (--scenario memory),"
            + " the cost of metrics (--scenario metrics) and of schema checks (--scenario schema).")
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
              + " NATS (latency also on raw JeroMQ PUB->SUB); memory (server memory per subscription, onex and NATS); metrics (1 -> 1 with"
              + " per-topic metrics and a scraper, against metrics off); schema (1 -> 1 with"
              + " schema checks off, permissive, strict)")
  String scenario;

  @Option(
      names = "--rate",
      description =
          "latency: the second rate in events/s (default: half the lowest 1to1 burst rate of"
              + " onex, NATS and raw JeroMQ, measured in the same run); the first is always 10,000")
  Integer rate;

  @Option(
      names = "--size",
      description = "fanout, fanin, latency: payload size in bytes (default 256)")
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
          "registry: concurrent clients (default 8); routing: receiving clients (default 4);"
              + " memory: connections the subscriptions are spread over (default 10)")
  Integer clients;

  @Option(
      names = "--subscriptions",
      split = ",",
      description = "memory: subscription counts to measure at, ascending (default 1000,10000)")
  List<Integer> subscriptions;

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
    ProcessScheduling.applyFromEnvironment();
    return switch (scenario) {
      case ONE_TO_ONE -> oneToOne();
      case RegistryBench.SCENARIO -> registry();
      case RoutingBench.SCENARIO -> routing();
      case StalledBench.SCENARIO -> stalled();
      case FanBench.FANOUT, FanBench.FANIN -> fan();
      case LatencyBench.SCENARIO -> latency();
      case MemoryBench.SCENARIO -> memory();
      case MetricsBench.SCENARIO -> metrics();
      case SchemaBench.SCENARIO -> schema();
      default ->
          throw new CliException(
              OnexCommand.EXIT_USAGE,
              "unknown scenario "
                  + scenario
                  + "; known: "
                  + ONE_TO_ONE
                  + ", registry, routing, stalled, fanout, fanin, latency, memory, metrics, schema");
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
          MemoryBench.SCENARIO,
          Set.of("--clients", "--subscriptions"),
          MetricsBench.SCENARIO,
          Set.of("--events", "--size"),
          SchemaBench.SCENARIO,
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
    return report(rows, FAN_TABLE, FAN_JSON);
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
    return report(rows, LATENCY_TABLE, LATENCY_JSON);
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
    List<BenchRow> rows =
        BenchHarness.run(options, line -> spec.commandLine().getErr().println(line));
    return report(rows, ONE_TO_ONE_TABLE, ONE_TO_ONE_JSON);
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
    return report(rows, REGISTRY_TABLE, REGISTRY_JSON);
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
    return report(rows, ROUTING_TABLE, ROUTING_JSON);
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
    return report(rows, STALLED_TABLE, STALLED_JSON);
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
    return report(rows, METRICS_TABLE, METRICS_JSON);
  }

  private Integer schema() throws Exception {
    SchemaBenchOptions preset = quick ? SchemaBenchOptions.quick() : SchemaBenchOptions.full();
    SchemaBenchOptions options =
        usage(
            () ->
                new SchemaBenchOptions(
                    events != null ? events : preset.events(),
                    repetitions != null ? repetitions : preset.repetitions(),
                    size != null ? size : preset.size()));
    List<SchemaRow> rows = SchemaBench.run(options, spec.commandLine().getErr()::println);
    return report(rows, SCHEMA_TABLE, SCHEMA_JSON);
  }

  private Integer memory() throws Exception {
    MemoryBenchOptions preset = quick ? MemoryBenchOptions.quick() : MemoryBenchOptions.full();
    MemoryBenchOptions options =
        usage(
            () ->
                new MemoryBenchOptions(
                    clients != null ? clients : preset.clients(),
                    subscriptions != null ? subscriptions : preset.subscriptions(),
                    repetitions != null ? repetitions : preset.repetitions()));
    List<MemoryRow> rows = MemoryBench.run(options, spec.commandLine().getErr()::println);
    return report(rows, MEMORY_TABLE, MEMORY_JSON);
  }

  /** "pass"/"miss" against a target, "-" for the row the others are measured against. */
  private static String met(boolean baseline, boolean met) {
    return baseline ? "-" : met ? "pass" : "miss";
  }

  /** The columns a two-cell scenario (routing, stalled) ends with: target, then where CPU went. */
  private static <R extends CellRow> void cellColumns(BenchTable<R> table, double target) {
    table
        .column("x PAIRED", "%8.2f", CellRow::pairedRatio)
        .column("TARGET", "%6s", r -> r.isBaseline() ? "-" : String.valueOf(target))
        .column("MET", "%-4s", r -> met(r.isBaseline(), r.targetMet()))
        .column("LOOP_NS", "%8.0f", CellRow::loopNanosPerEvent)
        .column("LOOP", "%5.2f", CellRow::loopCores)
        .column("JVM", "%5.2f", CellRow::processCores)
        .column("HOST", "%5.2f", CellRow::machineCores)
        .note(
            "x PAIRED: median of per-repetition ratios. LOOP_NS: broker loop CPU ns per event"
                + " (median over runs). LOOP, JVM, HOST: cores kept busy by the broker loop"
                + " thread, this JVM, the whole machine (median run).");
  }

  /** The JSON fields that match {@link #cellColumns}. */
  private static <R extends CellRow> void cellFields(JsonRows<R> rows, double target) {
    rows.twoDecimals("paired_ratio", CellRow::pairedRatio)
        .rounded("loop_ns_per_event", CellRow::loopNanosPerEvent)
        .field("target_ratio", r -> r.isBaseline() ? null : target)
        .field("target_met", r -> r.isBaseline() ? null : r.targetMet())
        .twoDecimals("loop_cores", CellRow::loopCores)
        .twoDecimals("jvm_cores", CellRow::processCores)
        .twoDecimals("machine_cores", CellRow::machineCores);
  }

  private static final BenchTable<BenchRow> ONE_TO_ONE_TABLE =
      new BenchTable<BenchRow>()
          .column("SCENARIO", "%-8s", BenchRow::scenario)
          .column("SYSTEM", "%-11s", BenchRow::system)
          .column("SIZE", "%6d", BenchRow::size)
          .column("EVENTS/S", "%14.0f", BenchRow::eventsPerS)
          .column("MIN", "%14.0f", BenchRow::minEventsPerS)
          .column("MAX", "%14.0f", BenchRow::maxEventsPerS)
          .column("LOST", "%8d", BenchRow::lost)
          .column("x NATS", "%9.2f", BenchRow::ratioToNats);

  private static final JsonRows<BenchRow> ONE_TO_ONE_JSON =
      new JsonRows<BenchRow>()
          .field("scenario", BenchRow::scenario)
          .field("system", BenchRow::system)
          .field("size", BenchRow::size)
          .rounded("events_per_s", BenchRow::eventsPerS)
          .rounded("min_events_per_s", BenchRow::minEventsPerS)
          .rounded("max_events_per_s", BenchRow::maxEventsPerS)
          .field("lost", BenchRow::lost)
          .twoDecimals("ratio_to_nats", BenchRow::ratioToNats);

  private static final BenchTable<FanRow> FAN_TABLE =
      new BenchTable<FanRow>()
          .column("SCENARIO", "%-8s", FanRow::scenario)
          .column("SYSTEM", "%-6s", FanRow::system)
          .column("PUBS", "%4d", FanRow::publishers)
          .column("SUBS", "%4d", FanRow::subscribers)
          .column("SIZE", "%5d", FanRow::size)
          .column("EVENTS/S", "%12.0f", FanRow::eventsPerS)
          .column("MIN", "%12.0f", FanRow::minEventsPerS)
          .column("MAX", "%12.0f", FanRow::maxEventsPerS)
          .column("DELIVERIES/S", "%13.0f", FanRow::deliveriesPerS)
          .column("LOST", "%6d", FanRow::lost)
          .column("x NATS", "%7.2f", FanRow::ratioToNats)
          .column("x PAIRED", "%8.2f", FanRow::pairedRatio)
          .column(
              "TARGET", "%6s", r -> isNats(r) ? "-" : String.valueOf(FanBenchOptions.TARGET_RATIO))
          .column("MET", "%-4s", r -> met(isNats(r), r.targetMet()))
          .note(
              "EVENTS/S: events published per second, first publish to last delivery (median"
                  + " run). x PAIRED: median of per-repetition ratios to NATS.");

  private static boolean isNats(FanRow r) {
    return r.system().equals("nats");
  }

  private static final JsonRows<FanRow> FAN_JSON =
      new JsonRows<FanRow>()
          .field("scenario", FanRow::scenario)
          .field("system", FanRow::system)
          .field("publishers", FanRow::publishers)
          .field("subscribers", FanRow::subscribers)
          .field("size", FanRow::size)
          .field("events_per_run", FanRow::eventsPerRun)
          .rounded("events_per_s", FanRow::eventsPerS)
          .rounded("min_events_per_s", FanRow::minEventsPerS)
          .rounded("max_events_per_s", FanRow::maxEventsPerS)
          .rounded("deliveries_per_s", FanRow::deliveriesPerS)
          .field("lost", FanRow::lost)
          .twoDecimals("ratio_to_nats", FanRow::ratioToNats)
          .twoDecimals("paired_ratio", FanRow::pairedRatio)
          .field("target_ratio", r -> isNats(r) ? null : FanBenchOptions.TARGET_RATIO)
          .field("target_met", r -> isNats(r) ? null : r.targetMet());

  private static final BenchTable<LatencyRow> LATENCY_TABLE =
      new BenchTable<LatencyRow>()
          .column("SCENARIO", "%-8s", r -> LatencyBench.SCENARIO)
          .column("SYSTEM", "%-10s", LatencyRow::system)
          .column("SIZE", "%5d", LatencyRow::size)
          .column("RATE", "%10d", LatencyRow::rate)
          .column("ACHIEVED", "%10.0f", LatencyRow::achievedRate)
          .column("EVENTS", "%8d", LatencyRow::recorded)
          .column("LOST", "%6d", LatencyRow::lost)
          .column("P50_US", "%9.1f", LatencyRow::p50Micros)
          .column("P99_US", "%9.1f", LatencyRow::p99Micros)
          .column("P99.9_US", "%9.1f", LatencyRow::p999Micros)
          .column("MAX_US", "%9.1f", LatencyRow::maxMicros)
          .column("TO_BRK_P50", "%10.1f", r -> r.toBroker().p50Micros())
          .column("TO_BRK_P99", "%10.1f", r -> r.toBroker().p99Micros())
          .column("FROM_BRK_P50", "%12.1f", r -> r.fromBroker().p50Micros())
          .column("FROM_BRK_P99", "%12.1f", r -> r.fromBroker().p99Micros())
          .note(
              "Publish-to-receive, same JVM (System.nanoTime in the payload), over all measured"
                  + " runs. ACHIEVED: publish rate reached (median run). TO_BRK / FROM_BRK: the"
                  + " same split at the broker's stamp (start of the loop pass that routed the"
                  + " event), publish to that pass and that pass to the handler; onex only."
                  + " jeromq-raw: PUB->SUB without a broker, the transport's own floor.");

  private static final JsonRows<LatencyRow> LATENCY_JSON =
      new JsonRows<LatencyRow>()
          .field("scenario", r -> LatencyBench.SCENARIO)
          .field("system", LatencyRow::system)
          .field("size", LatencyRow::size)
          .field("rate", LatencyRow::rate)
          .rounded("achieved_rate", LatencyRow::achievedRate)
          .field("recorded", LatencyRow::recorded)
          .field("lost", LatencyRow::lost)
          .oneDecimal("p50_us", LatencyRow::p50Micros)
          .oneDecimal("p99_us", LatencyRow::p99Micros)
          .oneDecimal("p99_9_us", LatencyRow::p999Micros)
          .oneDecimal("max_us", LatencyRow::maxMicros)
          .oneDecimal("to_broker_p50_us", r -> r.toBroker().p50Micros())
          .oneDecimal("to_broker_p99_us", r -> r.toBroker().p99Micros())
          .oneDecimal("from_broker_p50_us", r -> r.fromBroker().p50Micros())
          .oneDecimal("from_broker_p99_us", r -> r.fromBroker().p99Micros());

  private static final BenchTable<RoutingRow> ROUTING_TABLE =
      new BenchTable<RoutingRow>()
          .column("SCENARIO", "%-8s", r -> RoutingBench.SCENARIO)
          .column("CELL", "%-12s", RoutingRow::cell)
          .column("TOPICS", "%6d", RoutingRow::topics)
          .column("SUBS", "%5d", RoutingRow::subscriptions)
          .column("CLIENTS", "%7d", RoutingRow::clients)
          .column("SIZE", "%5d", RoutingRow::size)
          .column("EVENTS/S", "%12.0f", RoutingRow::eventsPerS)
          .column("MIN", "%12.0f", RoutingRow::minEventsPerS)
          .column("MAX", "%12.0f", RoutingRow::maxEventsPerS)
          .column("DELIVERIES/S", "%13.0f", RoutingRow::deliveriesPerS)
          .column("DEL/EV", "%7.3f", r -> (double) r.deliveriesPerRun() / r.eventsPerRun())
          .column("LOST", "%6d", RoutingRow::lost)
          .column("DROPPED", "%7d", RoutingRow::dropped)
          .column("x SINGLE", "%8.2f", RoutingRow::ratioToSingle);

  static {
    cellColumns(ROUTING_TABLE, RoutingBenchOptions.TARGET_RATIO);
  }

  private static final JsonRows<RoutingRow> ROUTING_JSON =
      new JsonRows<RoutingRow>()
          .field("scenario", r -> RoutingBench.SCENARIO)
          .field("cell", RoutingRow::cell)
          .field("topics", RoutingRow::topics)
          .field("subscriptions", RoutingRow::subscriptions)
          .field("clients", RoutingRow::clients)
          .field("size", RoutingRow::size)
          .field("events_per_run", RoutingRow::eventsPerRun)
          .field("deliveries_per_run", RoutingRow::deliveriesPerRun)
          .rounded("events_per_s", RoutingRow::eventsPerS)
          .rounded("min_events_per_s", RoutingRow::minEventsPerS)
          .rounded("max_events_per_s", RoutingRow::maxEventsPerS)
          .rounded("deliveries_per_s", RoutingRow::deliveriesPerS)
          .field("lost", RoutingRow::lost)
          .field("dropped", RoutingRow::dropped)
          .twoDecimals("ratio_to_single", RoutingRow::ratioToSingle);

  static {
    cellFields(ROUTING_JSON, RoutingBenchOptions.TARGET_RATIO);
  }

  private static final BenchTable<StalledRow> STALLED_TABLE =
      new BenchTable<StalledRow>()
          .column("SCENARIO", "%-8s", r -> StalledBench.SCENARIO)
          .column("CELL", "%-12s", StalledRow::cell)
          .column("SIZE", "%5d", StalledRow::size)
          .column("FAST EV/S", "%12.0f", StalledRow::eventsPerS)
          .column("MIN", "%12.0f", StalledRow::minEventsPerS)
          .column("MAX", "%12.0f", StalledRow::maxEventsPerS)
          .column("LOST", "%6d", StalledRow::lost)
          .column("STALLED_DROPPED", "%15d", StalledRow::stalledDropped)
          .column("QUEUED_AT_END", "%13d", StalledRow::queuedAtEnd)
          .column("x ALONE", "%7.2f", StalledRow::ratioToAlone);

  static {
    cellColumns(STALLED_TABLE, StalledBenchOptions.TARGET_RATIO);
  }

  private static final JsonRows<StalledRow> STALLED_JSON =
      new JsonRows<StalledRow>()
          .field("scenario", r -> StalledBench.SCENARIO)
          .field("cell", StalledRow::cell)
          .field("size", StalledRow::size)
          .field("events_per_run", StalledRow::eventsPerRun)
          .rounded("fast_events_per_s", StalledRow::eventsPerS)
          .rounded("min_fast_events_per_s", StalledRow::minEventsPerS)
          .rounded("max_fast_events_per_s", StalledRow::maxEventsPerS)
          .field("fast_lost", StalledRow::lost)
          .field("stalled_dropped", StalledRow::stalledDropped)
          .field("queued_at_end", StalledRow::queuedAtEnd)
          .twoDecimals("ratio_to_alone", StalledRow::ratioToAlone);

  static {
    cellFields(STALLED_JSON, StalledBenchOptions.TARGET_RATIO);
  }

  private static final BenchTable<MetricsRow> METRICS_TABLE =
      new BenchTable<MetricsRow>()
          .column("SCENARIO", "%-8s", r -> MetricsBench.SCENARIO)
          .column("CELL", "%-12s", MetricsRow::cell)
          .column("SIZE", "%5d", MetricsRow::size)
          .column("EVENTS/S", "%12.0f", MetricsRow::eventsPerS)
          .column("MIN", "%12.0f", MetricsRow::minEventsPerS)
          .column("MAX", "%12.0f", MetricsRow::maxEventsPerS)
          .column("LOST", "%6d", MetricsRow::lost)
          .column("SCRAPES", "%8d", MetricsRow::scrapes)
          .column("x OFF", "%7.3f", MetricsRow::ratioToOff)
          .column("x PAIRED", "%8.3f", MetricsRow::pairedRatio)
          .column(
              "COST", "%7s", r -> r.isBaseline() ? "-" : String.format("%.1f%%", r.cost() * 100))
          .column(
              "TARGET",
              "%6s",
              r ->
                  r.isBaseline()
                      ? "-"
                      : "<" + Math.round(MetricsBenchOptions.TARGET_COST * 100) + "%")
          .column("MET", "%-4s", r -> met(r.isBaseline(), r.targetMet()))
          .note("COST: 1 - x PAIRED (the median of per-repetition ratios).");

  private static final JsonRows<MetricsRow> METRICS_JSON =
      new JsonRows<MetricsRow>()
          .field("scenario", r -> MetricsBench.SCENARIO)
          .field("cell", MetricsRow::cell)
          .field("size", MetricsRow::size)
          .field("events_per_run", MetricsRow::eventsPerRun)
          .rounded("events_per_s", MetricsRow::eventsPerS)
          .rounded("min_events_per_s", MetricsRow::minEventsPerS)
          .rounded("max_events_per_s", MetricsRow::maxEventsPerS)
          .field("lost", MetricsRow::lost)
          .field("scrapes", MetricsRow::scrapes)
          .twoDecimals("ratio_to_off", MetricsRow::ratioToOff)
          .twoDecimals("paired_ratio", MetricsRow::pairedRatio)
          .field("cost", r -> r.isBaseline() ? null : Math.round(r.cost() * 1000) / 1000.0)
          .field("target_cost", r -> r.isBaseline() ? null : MetricsBenchOptions.TARGET_COST)
          .field("target_met", r -> r.isBaseline() ? null : r.targetMet());

  private static final BenchTable<SchemaRow> SCHEMA_TABLE =
      new BenchTable<SchemaRow>()
          .column("SCENARIO", "%-8s", r -> SchemaBench.SCENARIO)
          .column("CELL", "%-12s", SchemaRow::cell)
          .column("SIZE", "%5d", SchemaRow::size)
          .column("EVENTS/S", "%12.0f", SchemaRow::eventsPerS)
          .column("MIN", "%12.0f", SchemaRow::minEventsPerS)
          .column("MAX", "%12.0f", SchemaRow::maxEventsPerS)
          .column("LOST", "%6d", SchemaRow::lost)
          .column("INVALID", "%7d", SchemaRow::invalid)
          .column("x OFF", "%7.3f", SchemaRow::ratioToOff)
          .column("x PAIRED", "%8.3f", SchemaRow::pairedRatio)
          .column(
              "TARGET",
              "%6s",
              r -> r.cell().equals("strict") ? ">=" + SchemaBenchOptions.TARGET_RATIO : "-")
          .column("MET", "%-4s", r -> met(!r.cell().equals("strict"), r.targetMet()))
          .note(
              "x PAIRED: median of per-repetition ratios to schema-off. INVALID: events the"
                  + " broker found invalid (0: all checked and valid).");

  private static final JsonRows<SchemaRow> SCHEMA_JSON =
      new JsonRows<SchemaRow>()
          .field("scenario", r -> SchemaBench.SCENARIO)
          .field("cell", SchemaRow::cell)
          .field("size", SchemaRow::size)
          .field("events_per_run", SchemaRow::eventsPerRun)
          .rounded("events_per_s", SchemaRow::eventsPerS)
          .rounded("min_events_per_s", SchemaRow::minEventsPerS)
          .rounded("max_events_per_s", SchemaRow::maxEventsPerS)
          .field("lost", SchemaRow::lost)
          .field("invalid", SchemaRow::invalid)
          .twoDecimals("ratio_to_off", SchemaRow::ratioToOff)
          .twoDecimals("paired_ratio", SchemaRow::pairedRatio)
          .field(
              "target_ratio",
              r -> r.cell().equals("strict") ? SchemaBenchOptions.TARGET_RATIO : null)
          .field("target_met", r -> r.cell().equals("strict") ? r.targetMet() : null);

  private static final BenchTable<RegistryRow> REGISTRY_TABLE =
      new BenchTable<RegistryRow>()
          .column("SCENARIO", "%-9s", r -> RegistryBench.SCENARIO)
          .column("OPERATION", "%-10s", RegistryRow::operation)
          .column("MODE", "%-9s", RegistryRow::mode)
          .column("CLIENTS", "%7d", RegistryRow::clients)
          .column("WINDOW", "%6d", RegistryRow::window)
          .column("OPS/S", "%10.0f", RegistryRow::opsPerS)
          .column("MIN", "%10.0f", RegistryRow::minOpsPerS)
          .column("MAX", "%10.0f", RegistryRow::maxOpsPerS)
          .column("P50_US", "%8.0f", RegistryRow::p50Micros)
          .column("P99_US", "%8.0f", RegistryRow::p99Micros)
          .column("ERRORS", "%6d", RegistryRow::errors)
          .column("TARGET", "%8.0f", RegistryRow::targetOpsPerS)
          .column("MET", "%-4s", r -> met(false, r.targetMet()))
          .column("LOOP", "%5.2f", RegistryRow::loopCores)
          .column("JVM", "%5.2f", RegistryRow::processCores)
          .column("HOST", "%5.2f", RegistryRow::machineCores)
          .note(
              "LOOP, JVM, HOST: cores kept busy by the registry loop thread, this JVM, the whole"
                  + " machine.");

  private static final JsonRows<RegistryRow> REGISTRY_JSON =
      new JsonRows<RegistryRow>()
          .field("scenario", r -> RegistryBench.SCENARIO)
          .field("operation", RegistryRow::operation)
          .field("mode", RegistryRow::mode)
          .field("clients", RegistryRow::clients)
          .field("window", RegistryRow::window)
          .field("operations_per_run", RegistryRow::operationsPerRun)
          .rounded("ops_per_s", RegistryRow::opsPerS)
          .rounded("min_ops_per_s", RegistryRow::minOpsPerS)
          .rounded("max_ops_per_s", RegistryRow::maxOpsPerS)
          .rounded("p50_us", RegistryRow::p50Micros)
          .rounded("p99_us", RegistryRow::p99Micros)
          .field("sent", RegistryRow::sent)
          .field("answered_ok", RegistryRow::answeredOk)
          .field("errors", RegistryRow::errors)
          .field("server_counted", RegistryRow::serverCounted)
          .rounded("target_ops_per_s", RegistryRow::targetOpsPerS)
          .field("target_met", RegistryRow::targetMet)
          .twoDecimals("loop_cores", RegistryRow::loopCores)
          .twoDecimals("jvm_cores", RegistryRow::processCores)
          .twoDecimals("machine_cores", RegistryRow::machineCores);

  private static final BenchTable<MemoryRow> MEMORY_TABLE =
      new BenchTable<MemoryRow>()
          .column("SCENARIO", "%-8s", r -> MemoryBench.SCENARIO)
          .column("SYSTEM", "%-6s", MemoryRow::system)
          .column("MEASURE", "%-13s", MemoryRow::measure)
          .column("CLIENTS", "%7d", MemoryRow::clients)
          .column("SUBS", "%6d", MemoryRow::subscriptions)
          .column("COUNTED", "%7d", MemoryRow::serverSubscriptions)
          .column("BYTES", "%13d", MemoryRow::bytes)
          .column("DELTA", "%12d", MemoryRow::deltaBytes)
          .column("MIN", "%12d", MemoryRow::minDeltaBytes)
          .column("MAX", "%12d", MemoryRow::maxDeltaBytes)
          .column("B/SUB", "%8.0f", MemoryRow::bytesPerSubscription)
          .column("KiB/1000", "%9.1f", r -> r.bytesPerSubscription() * 1000 / 1024)
          .column("x NATS", "%7.2f", MemoryRow::ratioToNats)
          .note(
              "DELTA: growth over the same server with the same clients and no subscription"
                  + " (median of the repetitions). heap-after-gc: the broker's JVM after full GCs;"
                  + " rss: the nats-server process's resident set. COUNTED: subscriptions the"
                  + " server itself reports.");

  private static final JsonRows<MemoryRow> MEMORY_JSON =
      new JsonRows<MemoryRow>()
          .field("scenario", r -> MemoryBench.SCENARIO)
          .field("system", MemoryRow::system)
          .field("measure", MemoryRow::measure)
          .field("clients", MemoryRow::clients)
          .field("subscriptions", MemoryRow::subscriptions)
          .field("server_subscriptions", MemoryRow::serverSubscriptions)
          .field("bytes", MemoryRow::bytes)
          .field("delta_bytes", MemoryRow::deltaBytes)
          .field("min_delta_bytes", MemoryRow::minDeltaBytes)
          .field("max_delta_bytes", MemoryRow::maxDeltaBytes)
          .rounded("bytes_per_subscription", MemoryRow::bytesPerSubscription)
          .rounded("bytes_per_1000_subscriptions", r -> r.bytesPerSubscription() * 1000)
          .twoDecimals("ratio_to_nats", MemoryRow::ratioToNats);

  /** Options records check their values; a bad one is the user's mistake (exit 2). */
  private static <T> T usage(Supplier<T> options) {
    try {
      return options.get();
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, e.getMessage());
    }
  }

  /** Every scenario ends the same way: its table on stdout, and its rows as JSON on request. */
  private <R> Integer report(List<R> rows, BenchTable<R> table, JsonRows<R> jsonRows) {
    table.print(spec.commandLine().getOut(), rows);
    if (json != null) {
      jsonRows.write(json, rows);
    }
    return 0;
  }
}
