package io.onex.bus.bench.flow;

import io.onex.bus.bench.NatsServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The latency scenario, onex, NATS and raw JeroMQ PUB→SUB (no broker: the floor of the transport
 * onex is built on) in the same run: one publishing and one subscribing connection per system.
 * First each system's 1→1 burst rate is measured (one warm-up burst, one measured); then at {@link
 * LatencyBenchOptions#FIXED_RATE} and at a second rate (given, or half the lowest burst rate) the
 * publisher paces its events (parking until an event is due, spinning the last few microseconds),
 * stamping each with {@code System.nanoTime()} just before publishing; the subscriber records
 * receipt time minus stamp in an HdrHistogram. Per rate, each system gets a warm-up run, then the
 * systems alternate run by run; percentiles are over all measured runs. Harness thread.
 */
public final class LatencyBench {
  /** The scenario's name in rows and on the command line. */
  public static final String SCENARIO = "latency";

  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(3);

  /** Below this much time to wait, spin rather than park (a park overshoots by tens of µs). */
  private static final long SPIN_NANOS = 20_000;

  private final LatencyBenchOptions options;
  private final byte[] template;

  private record Setup(FanSystem system, FanSystem.Sender sender, Tally tally, LatencySink sink) {}

  private record Run(long sent, long received, double achievedRate, LatencySink.Run histograms) {
    Histogram histogram() {
      return histograms.total();
    }
  }

  private LatencyBench(LatencyBenchOptions options) {
    this.options = options;
    this.template = BenchBus.payload(options.size());
  }

  /** Runs both rates; rows per rate, onex, NATS, then raw JeroMQ. */
  public static List<LatencyRow> run(LatencyBenchOptions o, Consumer<String> progress)
      throws Exception {
    LatencyBench b = new LatencyBench(o);
    try (NatsServer server = NatsServer.ensureRunning();
        FanSystem onex = FanSystem.onex();
        FanSystem nats = FanSystem.nats(server.url());
        FanSystem raw = FanSystem.rawJeromq()) {
      return b.measure(List.of(setup(onex), setup(nats), setup(raw)), progress);
    }
  }

  private static Setup setup(FanSystem s) throws Exception {
    Tally t = new Tally();
    LatencySink sink = new LatencySink();
    s.subscribe("bench-latency-sub", t, sink);
    return new Setup(s, s.sender("bench-latency-pub"), t, sink);
  }

  private List<LatencyRow> measure(List<Setup> setups, Consumer<String> progress) throws Exception {
    int second = options.rate();
    double lowestBurst = Double.MAX_VALUE;
    for (Setup s : setups) {
      burst(s, Math.max(1, options.burstEvents() / 2));
      double r = burst(s, options.burstEvents());
      lowestBurst = Math.min(lowestBurst, r);
      progress.accept(String.format("%s %s 1to1 burst: %.0f events/s", SCENARIO, name(s), r));
    }
    if (second == 0) {
      second = (int) Math.max(1, lowestBurst / 2);
      progress.accept(
          String.format("%s: second rate %d events/s (half the lowest)", SCENARIO, second));
    }
    List<LatencyRow> rows = new ArrayList<>();
    for (int rate : new int[] {LatencyBenchOptions.FIXED_RATE, second}) {
      long events = (long) rate * options.seconds();
      for (Setup s : setups) {
        paced(s, rate, Math.max(1, events / 2)); // warm-up
      }
      List<List<Run>> runs = new ArrayList<>();
      setups.forEach(s -> runs.add(new ArrayList<>()));
      for (int r = 0; r < options.repetitions(); r++) {
        for (int i = 0; i < setups.size(); i++) {
          Run run = paced(setups.get(i), rate, events);
          runs.get(i).add(run);
          Histogram h = run.histogram();
          progress.accept(
              String.format(
                  "%s %s %d/s run %d: reached %.0f/s, p50 %.1f us, p99 %.1f us, p99.9 %.1f us"
                      + " (lost %d)",
                  SCENARIO,
                  name(setups.get(i)),
                  rate,
                  r + 1,
                  run.achievedRate(),
                  h.getValueAtPercentile(50) / 1e3,
                  h.getValueAtPercentile(99) / 1e3,
                  h.getValueAtPercentile(99.9) / 1e3,
                  run.sent() - run.received()));
        }
      }
      for (int i = 0; i < setups.size(); i++) {
        rows.add(row(name(setups.get(i)), rate, runs.get(i)));
      }
    }
    return rows;
  }

  private static String name(Setup s) {
    return s.system().name();
  }

  private LatencyRow row(String system, int rate, List<Run> runs) {
    Histogram all = LatencySink.newHistogram();
    Histogram toBroker = LatencySink.newHistogram();
    Histogram fromBroker = LatencySink.newHistogram();
    long lost = 0;
    double[] achieved = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      all.add(runs.get(i).histograms().total());
      toBroker.add(runs.get(i).histograms().toBroker());
      fromBroker.add(runs.get(i).histograms().fromBroker());
      lost += runs.get(i).sent() - runs.get(i).received();
      achieved[i] = runs.get(i).achievedRate();
    }
    return new LatencyRow(
        system,
        options.size(),
        rate,
        Medians.of(achieved),
        all.getTotalCount(),
        lost,
        all.getValueAtPercentile(50) / 1e3,
        all.getValueAtPercentile(99) / 1e3,
        all.getValueAtPercentile(99.9) / 1e3,
        all.getMaxValue() / 1e3,
        new LatencyRow.Split(toBroker.getTotalCount(), micros(toBroker, 50), micros(toBroker, 99)),
        new LatencyRow.Split(
            fromBroker.getTotalCount(), micros(fromBroker, 50), micros(fromBroker, 99)));
  }

  /** A percentile in µs; NaN where nothing was recorded (no broker stamp: NATS). */
  private static double micros(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e3;
  }

  /** As fast as the publisher can; returns events/s from the first publish to the last receipt. */
  private double burst(Setup s, int count) throws Exception {
    s.sink().start(); // the stamps are real, the histogram is dropped
    long before = s.tally().count();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      byte[] p = template.clone();
      LatencySink.stamp(p, System.nanoTime());
      s.sender().send(p);
    }
    s.sender().flush();
    long received = Tally.await(List.of(s.tally()), before, count, STALL_NANOS);
    return received * 1e9 / (s.tally().lastReceiptNanos() - start);
  }

  private Run paced(Setup s, int rate, long count) throws Exception {
    LatencySink.Run h = s.sink().start();
    long before = s.tally().count();
    double interval = 1e9 / rate;
    long start = System.nanoTime();
    for (long i = 0; i < count; i++) {
      long due = start + (long) (i * interval);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        if (wait > SPIN_NANOS) {
          LockSupport.parkNanos(wait - SPIN_NANOS);
        } else {
          Thread.onSpinWait();
        }
      }
      byte[] p = template.clone(); // jnats may still hold the array it was given
      LatencySink.stamp(p, System.nanoTime());
      s.sender().send(p);
    }
    long sendNanos = System.nanoTime() - start;
    s.sender().flush();
    long received = Tally.await(List.of(s.tally()), before, count, STALL_NANOS);
    return new Run(count, received, count * 1e9 / sendNanos, h);
  }
}
