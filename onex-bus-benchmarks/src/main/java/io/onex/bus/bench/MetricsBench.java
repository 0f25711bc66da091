package io.onex.bus.bench;

import io.onex.bus.broker.Broker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What metrics cost ({@code onex bench --scenario metrics}): 1→1 throughput through a broker with
 * per-topic counting on and its {@code /metrics} scraped once a second, against a broker with
 * {@code metrics.enabled: false} and no scraper, in one run. The two cells alternate in every
 * repetition (after one warm-up run each), so each pair saw about the same machine; the cost is one
 * minus the median of the pairs' ratios. Harness thread only; the scraper runs on its own thread.
 */
public final class MetricsBench {
  public static final String SCENARIO = "metrics";

  /** The metrics of a broker as a process serves them; the bench scrapes it once a second. */
  public interface Endpoint extends AutoCloseable {
    /** One scrape (e.g. an HTTP GET of {@code /metrics}), read to the end. */
    void scrape() throws Exception;

    @Override
    void close();
  }

  private MetricsBench() {}

  /**
   * Runs both cells.
   *
   * @param expose serves a broker's metrics as the process would (the CLI: {@code /metrics} over
   *     HTTP)
   */
  public static List<MetricsRow> run(
      MetricsBenchOptions o, Function<Broker, Endpoint> expose, Consumer<String> progress)
      throws Exception {
    double[] on = new double[o.repetitions()];
    double[] off = new double[o.repetitions()];
    long[] lost = new long[2];
    AtomicLong scrapes = new AtomicLong();
    AtomicLong scrapeErrors = new AtomicLong();
    ScheduledExecutorService scraper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "onex-bench-scraper");
              t.setDaemon(true);
              return t;
            });
    try (OnexSystem with = new OnexSystem();
        OnexSystem without = new OnexSystem("metrics: {enabled: false}");
        Endpoint endpoint = expose.apply(with.broker())) {
      scraper.scheduleAtFixedRate(
          () -> {
            try {
              endpoint.scrape();
              scrapes.incrementAndGet();
            } catch (Exception e) {
              scrapeErrors.incrementAndGet();
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
      int warmUp = Math.max(1, o.events() / 2);
      lost[0] += with.oneToOne(o.size(), warmUp).lost();
      lost[1] += without.oneToOne(o.size(), warmUp).lost();
      for (int i = 0; i < o.repetitions(); i++) {
        // Alternate which cell goes first, so neither always runs on the warmer machine.
        boolean onFirst = i % 2 == 0;
        BenchSystem.Measurement a = (onFirst ? with : without).oneToOne(o.size(), o.events());
        BenchSystem.Measurement b = (onFirst ? without : with).oneToOne(o.size(), o.events());
        BenchSystem.Measurement mOn = onFirst ? a : b;
        BenchSystem.Measurement mOff = onFirst ? b : a;
        on[i] = mOn.eventsPerSecond();
        off[i] = mOff.eventsPerSecond();
        lost[0] += mOn.lost();
        lost[1] += mOff.lost();
        progress.accept(
            String.format(
                "%s run %d: on %.0f events/s, off %.0f events/s (%.3f)",
                SCENARIO, i + 1, on[i], off[i], on[i] / off[i]));
      }
    } finally {
      scraper.shutdownNow();
      scraper.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (scrapeErrors.get() > 0) {
      progress.accept(SCENARIO + ": " + scrapeErrors.get() + " scrapes failed");
    }
    double[] pairs = new double[o.repetitions()];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = on[i] / off[i];
    }
    double paired = median(pairs);
    double ratio = median(on) / median(off);
    List<MetricsRow> rows = new ArrayList<>();
    rows.add(row("metrics-on", o, on, lost[0], scrapes.get(), ratio, paired));
    rows.add(row("metrics-off", o, off, lost[1], 0, 1.0, 1.0));
    return rows;
  }

  private static MetricsRow row(
      String cell,
      MetricsBenchOptions o,
      double[] rates,
      long lost,
      long scrapes,
      double ratio,
      double paired) {
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    return new MetricsRow(
        cell,
        o.size(),
        o.events(),
        median(rates),
        sorted[0],
        sorted[sorted.length - 1],
        lost,
        scrapes,
        ratio,
        paired);
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
