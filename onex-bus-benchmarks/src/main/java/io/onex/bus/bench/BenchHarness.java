package io.onex.bus.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the scenarios on every system in one JVM run: per size, warm-up runs ({@link WarmUp}, not
 * recorded), then the repetitions, reporting the median, the spread and the ratio to NATS's median
 * at the same size. Only the 1→1 throughput scenario exists so far. Harness thread only.
 */
public final class BenchHarness {
  static final String ONE_TO_ONE = "1to1";

  private BenchHarness() {}

  /** Runs and returns the rows; {@code progress} hears one line per finished measurement. */
  public static List<BenchRow> run(BenchOptions options, Consumer<String> progress)
      throws Exception {
    List<BenchRow> rows = new ArrayList<>();
    for (String name : options.systems()) {
      try (NatsServer nats = name.equals("nats") ? NatsServer.ensureRunning() : null;
          BenchSystem system = open(name, nats)) {
        for (int size : options.sizes()) {
          BenchRow row = measure(system, size, options);
          rows.add(row);
          progress.accept(
              String.format(
                  "%s %s %d B: %.0f events/s (lost %d)",
                  ONE_TO_ONE, name, size, row.eventsPerS(), row.lost()));
        }
      }
    }
    return withRatios(rows);
  }

  private static BenchSystem open(String name, NatsServer nats) throws Exception {
    return switch (name) {
      case "onex" -> new OnexSystem();
      case "nats" -> new NatsSystem(nats.url());
      default -> new JeromqRawSystem();
    };
  }

  private static BenchRow measure(BenchSystem system, int size, BenchOptions o) throws Exception {
    // Warm-up, not recorded: JIT, pipes, buffers.
    WarmUp.run(n -> system.oneToOne(size, n).eventsPerSecond(), o.events());
    BenchSystem.Measurement[] runs = new BenchSystem.Measurement[o.repetitions()];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = system.oneToOne(size, o.events());
    }
    Arrays.sort(runs, (a, b) -> Double.compare(a.eventsPerSecond(), b.eventsPerSecond()));
    BenchSystem.Measurement median = runs[runs.length / 2];
    return new BenchRow(
        ONE_TO_ONE,
        system.name(),
        size,
        median.eventsPerSecond(),
        runs[0].eventsPerSecond(),
        runs[runs.length - 1].eventsPerSecond(),
        median.lost(),
        Double.NaN);
  }

  private static List<BenchRow> withRatios(List<BenchRow> rows) {
    List<BenchRow> out = new ArrayList<>();
    for (BenchRow r : rows) {
      double nats =
          rows.stream()
              .filter(
                  x ->
                      x.system().equals("nats")
                          && x.size() == r.size()
                          && x.scenario().equals(r.scenario()))
              .mapToDouble(BenchRow::eventsPerS)
              .findFirst()
              .orElse(Double.NaN);
      out.add(r.withRatio(r.eventsPerS() / nats));
    }
    return out;
  }
}
