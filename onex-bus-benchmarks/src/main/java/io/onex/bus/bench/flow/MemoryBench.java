package io.onex.bus.bench.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The memory scenario: what a server holds per subscription. For each system, {@code repetitions}
 * times: a fresh server, the client connections, a baseline reading with no subscription, then
 * subscriptions added (half literal, a quarter {@code *}, a quarter {@code >} patterns, round-robin
 * over the connections) up to each count, a reading at each. onex is a broker in this JVM read as
 * live heap after full GCs ({@link OnexMemory}); NATS a private {@code nats-server} read as its
 * process's resident set ({@link NatsMemory}). Rows give the medians of the growth over the
 * baseline. Harness thread only.
 */
public final class MemoryBench {
  /** The scenario's name in rows and on the command line. */
  public static final String SCENARIO = "memory";

  /** The systems, in the order they run. */
  public static final List<String> SYSTEMS = List.of("onex", "nats");

  private MemoryBench() {}

  /** Runs both systems; rows per system: the baseline (0), then each count. */
  public static List<MemoryRow> run(MemoryBenchOptions options, Consumer<String> progress)
      throws Exception {
    List<MemoryRow> rows = new ArrayList<>();
    for (String system : SYSTEMS) {
      rows.addAll(measure(system, options, progress));
    }
    return withRatios(rows);
  }

  private static List<MemoryRow> measure(
      String system, MemoryBenchOptions o, Consumer<String> progress) throws Exception {
    int points = o.subscriptions().size() + 1;
    long[][] bytes = new long[points][o.repetitions()];
    long[] counted = new long[points];
    String measure = "";
    for (int r = 0; r < o.repetitions(); r++) {
      try (MemorySystem s = open(system, o.clients())) {
        measure = s.measure();
        for (int p = 0; p < points; p++) {
          int subscriptions = p == 0 ? 0 : o.subscriptions().get(p - 1);
          s.subscribeUpTo(subscriptions);
          bytes[p][r] = s.bytes();
          counted[p] = s.serverSubscriptions();
          progress.accept(
              String.format(
                  "%s %s run %d: %d subscriptions, %s %,d bytes (+%,d)",
                  SCENARIO,
                  system,
                  r + 1,
                  subscriptions,
                  measure,
                  bytes[p][r],
                  bytes[p][r] - bytes[0][r]));
        }
      }
    }
    List<MemoryRow> rows = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      long[] delta = new long[o.repetitions()];
      for (int r = 0; r < delta.length; r++) {
        delta[r] = bytes[p][r] - bytes[0][r];
      }
      long[] sorted = delta.clone();
      Arrays.sort(sorted);
      rows.add(
          new MemoryRow(
              system,
              measure,
              o.clients(),
              p == 0 ? 0 : o.subscriptions().get(p - 1),
              median(bytes[p]),
              sorted[sorted.length / 2],
              sorted[0],
              sorted[sorted.length - 1],
              counted[p],
              Double.NaN));
    }
    return rows;
  }

  private static MemorySystem open(String system, int clients) throws Exception {
    return system.equals("onex") ? new OnexMemory(clients) : new NatsMemory(clients);
  }

  private static long median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static List<MemoryRow> withRatios(List<MemoryRow> rows) {
    List<MemoryRow> out = new ArrayList<>();
    for (MemoryRow r : rows) {
      double nats =
          rows.stream()
              .filter(x -> x.system().equals("nats") && x.subscriptions() == r.subscriptions())
              .mapToDouble(MemoryRow::bytesPerSubscription)
              .findFirst()
              .orElse(Double.NaN);
      out.add(r.withRatio(r.bytesPerSubscription() / nats));
    }
    return out;
  }
}
