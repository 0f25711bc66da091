package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.bench.BenchHarness;
import io.onex.bus.bench.BenchOptions;
import io.onex.bus.bench.BenchRow;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onex bench}: onex-bus, NATS and raw JeroMQ measured in one run on this machine, as a table
 * and optionally as JSON rows. Main thread.
 */
@Command(name = "bench", description = "Benchmark onex-bus against NATS and raw JeroMQ, same run.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "fewer events and repetitions (well under a minute)")
  boolean quick;

  @Option(names = "--json", description = "also write the rows to this file as JSON")
  Path json;

  @Option(names = "--events", description = "events per measured run (overrides the preset)")
  Integer events;

  @Option(names = "--repetitions", description = "measured runs per cell (median reported)")
  Integer repetitions;

  @Option(names = "--sizes", split = ",", description = "payload sizes in bytes, e.g. 16,256,1024")
  List<Integer> sizes;

  @Option(names = "--systems", split = ",", description = "onex,nats,jeromq-raw (default: all)")
  List<String> systems;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BenchOptions preset = quick ? BenchOptions.quick() : BenchOptions.full();
    BenchOptions options;
    try {
      options =
          new BenchOptions(
              sizes != null ? sizes : preset.sizes(),
              events != null ? events : preset.events(),
              repetitions != null ? repetitions : preset.repetitions(),
              systems != null ? systems : preset.systems());
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    List<BenchRow> rows =
        BenchHarness.run(options, line -> spec.commandLine().getErr().println(line));
    printTable(out, rows);
    if (json != null) {
      write(json, rows);
    }
    return 0;
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
    try {
      Files.writeString(file, array.toPrettyString() + "\n");
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
