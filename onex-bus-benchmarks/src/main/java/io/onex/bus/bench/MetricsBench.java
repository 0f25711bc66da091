package io.onex.bus.bench;

import io.onex.bus.broker.Broker;
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

  static final String ON = "metrics-on";
  static final String OFF = "metrics-off";

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
    AtomicLong scrapes = new AtomicLong();
    AtomicLong scrapeErrors = new AtomicLong();
    ScheduledExecutorService scraper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "onex-bench-scraper");
              t.setDaemon(true);
              return t;
            });
    CellComparison.Result result;
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
      result =
          CellComparison.run(
              SCENARIO,
              List.of(cell(OFF, without, o.size()), cell(ON, with, o.size())),
              o.events(),
              o.repetitions(),
              progress);
      // Stop scraping (letting a scrape under way finish) before the endpoint closes, or the last
      // scrape would count as failed.
      scraper.shutdown();
      scraper.awaitTermination(10, TimeUnit.SECONDS);
    } finally {
      scraper.shutdownNow();
      scraper.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (scrapeErrors.get() > 0) {
      progress.accept(SCENARIO + ": " + scrapeErrors.get() + " scrapes failed");
    }
    return List.of(row(ON, o, result, 1, scrapes.get()), row(OFF, o, result, 0, 0));
  }

  private static CellComparison.Cell cell(String name, OnexSystem system, int size) {
    return CellComparison.cell(name, events -> system.oneToOne(size, events));
  }

  private static MetricsRow row(
      String cell, MetricsBenchOptions o, CellComparison.Result r, int i, long scrapes) {
    return new MetricsRow(
        cell,
        o.size(),
        o.events(),
        r.median(i),
        r.min(i),
        r.max(i),
        r.lost()[i],
        scrapes,
        r.ratioToBaseline(i),
        r.pairedRatio(i));
  }
}
