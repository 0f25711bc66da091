package io.onex.bus.bench.flow;

import io.onex.bus.bench.registry.CpuMeter;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.SubscribeOptions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The stalled-subscriber scenario: does a subscriber that never grants credit slow down a fast one
 * on the same topic? One broker in this JVM, one publishing client, one fast subscribing client
 * (default credit window, the bus's 10M queue bound). Cell {@code fast-alone}: just those. Cell
 * {@code fast+stalled}: the same plus a {@link StalledPeer} subscribed to the same topic with
 * initial credit 0 and its own 1,000-event drop-oldest queue, fresh for each run (so each run fills
 * its queue and then drops, about events - 1,000) and gone (BYE) before the next. Each cell gets
 * one warm-up run (half the events, not recorded), then the cells alternate run by run; the medians
 * are reported. Harness thread only.
 */
public final class StalledBench {
  /** The scenario's name in rows and on the command line. */
  public static final String SCENARIO = "stalled";

  static final String ALONE = "fast-alone";
  static final String WITH_STALLED = "fast+stalled";
  private static final String TOPIC = "bench.stalled";
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(3);

  private final StalledBenchOptions options;
  private final BenchBus bus;
  private final BusClient publisher;
  private final Tally fast = new Tally();
  private final byte[] payload;
  private int peers;

  /** One run's outcome. */
  private record Run(
      int events,
      long received,
      long nanos,
      long dropped,
      long queuedAtEnd,
      CpuMeter.Usage cpu,
      double loopNanos) {
    double eventsPerS() {
      return received * 1e9 / nanos;
    }

    double loopNanosPerEvent() {
      return loopNanos / events;
    }
  }

  private StalledBench(StalledBenchOptions options, BenchBus bus, BusClient publisher) {
    this.options = options;
    this.bus = bus;
    this.publisher = publisher;
    this.payload = BenchBus.payload(options.size());
  }

  /** Runs both cells and returns their rows, fast-alone first. */
  public static List<StalledRow> run(StalledBenchOptions options, Consumer<String> progress)
      throws Exception {
    try (BenchBus bus = new BenchBus();
        BusClient publisher = bus.client("bench-stalled-pub");
        BusClient subscriber = bus.client("bench-stalled-fast")) {
      StalledBench b = new StalledBench(options, bus, publisher);
      subscriber
          .subscribe(SubscribeOptions.builder().pattern(TOPIC).build(), e -> b.fast.received())
          .ready()
          .get(10, TimeUnit.SECONDS);
      return b.measure(progress);
    }
  }

  private List<StalledRow> measure(Consumer<String> progress) throws Exception {
    int n = options.events();
    long[] lost = new long[2];
    for (int cell = 0; cell < 2; cell++) {
      lost[cell] += Math.max(1, n / 2) - once(cell == 1, Math.max(1, n / 2)).received();
    }
    Run[][] runs = new Run[2][options.repetitions()];
    for (int r = 0; r < options.repetitions(); r++) {
      for (int cell = 0; cell < 2; cell++) {
        Run run = once(cell == 1, n);
        runs[cell][r] = run;
        lost[cell] += n - run.received();
        progress.accept(
            String.format(
                "%s %s run %d: fast subscriber %.0f events/s (lost %d), broker dropped %d,"
                    + " queued at end %d",
                SCENARIO,
                cell == 0 ? ALONE : WITH_STALLED,
                r + 1,
                run.eventsPerS(),
                n - run.received(),
                run.dropped(),
                run.queuedAtEnd()));
      }
    }
    StalledRow alone = row(ALONE, runs[0], lost[0]);
    StalledRow stalled = row(WITH_STALLED, runs[1], lost[1]);
    double[] aloneRates = Arrays.stream(runs[0]).mapToDouble(Run::eventsPerS).toArray();
    double[] stalledRates = Arrays.stream(runs[1]).mapToDouble(Run::eventsPerS).toArray();
    return List.of(
        alone.withRatios(1.0, 1.0),
        stalled.withRatios(
            stalled.eventsPerS() / alone.eventsPerS(), Medians.ofRatios(stalledRates, aloneRates)));
  }

  private StalledRow row(String cell, Run[] runs, long lost) {
    Run[] sorted = runs.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(Run::eventsPerS));
    Run median = sorted[sorted.length / 2];
    return new StalledRow(
        cell,
        options.size(),
        options.events(),
        median.eventsPerS(),
        sorted[0].eventsPerS(),
        sorted[sorted.length - 1].eventsPerS(),
        lost,
        median.dropped(),
        median.queuedAtEnd(),
        Double.NaN,
        Double.NaN,
        Medians.of(Arrays.stream(runs).mapToDouble(Run::loopNanosPerEvent).toArray()),
        median.cpu().loopCores(),
        median.cpu().processCores(),
        median.cpu().machineCores());
  }

  private Run once(boolean withStalled, int count) throws Exception {
    StalledPeer peer =
        withStalled
            ? StalledPeer.subscribe(
                bus.broker.endpoint(),
                "bench-stalled-peer-" + ++peers,
                TOPIC,
                StalledBenchOptions.STALLED_QUEUE)
            : null;
    try {
      long before = fast.count();
      long dropsBefore = bus.broker.snapshot().dropped();
      CpuMeter cpu = new CpuMeter(BenchBus.LOOP_THREAD);
      long meterStart = System.nanoTime();
      cpu.start();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        publisher.publishEncoded(TOPIC, "BENCH", null, payload, PublishOptions.NONE);
      }
      long received = Tally.await(List.of(fast), before, count, STALL_NANOS);
      long nanos = fast.lastReceiptNanos() - start;
      CpuMeter.Usage usage = cpu.stop();
      double loopNanos = usage.loopCores() * (System.nanoTime() - meterStart);
      LockSupport.parkNanos(BenchBus.SNAPSHOT_SETTLE_NANOS); // the snapshot is up to 100 ms old
      var snapshot = bus.broker.snapshot();
      return new Run(
          count,
          received,
          nanos,
          snapshot.dropped() - dropsBefore,
          snapshot.queuedEvents(),
          usage,
          loopNanos);
    } finally {
      if (peer != null) {
        peer.close();
        awaitQueuesEmpty();
      }
    }
  }

  /** After the stalled peer's BYE: until the broker freed its session and queue (at most 15 s). */
  private void awaitQueuesEmpty() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (bus.broker.snapshot().queuedEvents() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }
}
