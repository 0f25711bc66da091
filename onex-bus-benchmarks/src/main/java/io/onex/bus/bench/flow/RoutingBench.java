package io.onex.bus.bench.flow;

import io.onex.bus.bench.registry.CpuMeter;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The routing scenario: the cost of finding subscribers when topics and subscriptions are many. One
 * broker in this JVM, one publishing client and C receiving clients holding the 1,000 subscriptions
 * of {@link RoutingTopology} (round-robin, credit off, the bus's 10M queue bound). Two cells over
 * the same clients and subscriptions: {@code single-topic} publishes every event on one topic
 * (exactly 2 deliveries each), {@code many-topics} round-robin over 10,000 topics (about 2.03).
 * Each cell gets one warm-up run (half the events, at least one pass over every topic, not
 * recorded), then the cells alternate run by run so that both see the same machine; the medians are
 * reported. Harness thread only.
 */
public final class RoutingBench {
  /** The scenario's name in rows and on the command line. */
  public static final String SCENARIO = "routing";

  static final String SINGLE = "single-topic";
  static final String MANY = "many-topics";
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(3);

  private final RoutingBenchOptions options;
  private final BenchBus bus;
  private final BusClient publisher;
  private final List<Tally> tallies = new ArrayList<>();
  private final String[] topics = RoutingTopology.topics();
  private final PublishOptions[] tags = RoutingTopology.tags();
  private final byte[] payload;

  /** One run's outcome. */
  private record Run(
      int events,
      long received,
      long expected,
      long nanos,
      long dropped,
      CpuMeter.Usage cpu,
      double loopNanos) {
    double eventsPerS() {
      return events * 1e9 / nanos;
    }

    double loopNanosPerEvent() {
      return loopNanos / events;
    }
  }

  private RoutingBench(RoutingBenchOptions options, BenchBus bus, BusClient publisher) {
    this.options = options;
    this.bus = bus;
    this.publisher = publisher;
    this.payload = BenchBus.payload(options.size());
  }

  /** Runs both cells and returns their rows, single-topic first. */
  public static List<RoutingRow> run(RoutingBenchOptions options, Consumer<String> progress)
      throws Exception {
    List<BusClient> receivers = new ArrayList<>();
    try (BenchBus bus = new BenchBus();
        BusClient publisher = bus.client("bench-routing-pub")) {
      try {
        RoutingBench b = new RoutingBench(options, bus, publisher);
        b.subscribe(receivers, progress);
        return b.measure(progress);
      } finally {
        receivers.forEach(BusClient::close);
      }
    }
  }

  private void subscribe(List<BusClient> receivers, Consumer<String> progress) throws Exception {
    long start = System.nanoTime();
    for (int c = 0; c < options.clients(); c++) {
      receivers.add(bus.client("bench-routing-sub-" + c));
      tallies.add(new Tally());
    }
    List<Subscription> subs = new ArrayList<>();
    List<RoutingTopology.Sub> specs = RoutingTopology.subscriptions();
    for (int i = 0; i < specs.size(); i++) {
      int c = i % options.clients();
      Tally t = tallies.get(c);
      subs.add(receivers.get(c).subscribe(specs.get(i).options(), e -> t.received()));
    }
    for (Subscription s : subs) {
      s.ready().get(30, TimeUnit.SECONDS);
    }
    long elapsed = System.nanoTime() - start;
    LockSupport.parkNanos(BenchBus.SNAPSHOT_SETTLE_NANOS); // the snapshot is up to 100 ms old
    progress.accept(
        String.format(
            "%s: %d subscriptions on %d clients ready in %.1f s (broker: %d)",
            SCENARIO,
            subs.size(),
            options.clients(),
            elapsed / 1e9,
            bus.broker.snapshot().subscriptions()));
  }

  private List<RoutingRow> measure(Consumer<String> progress) throws Exception {
    int n = options.events();
    int warmUp = Math.max(n / 2, RoutingTopology.TOPICS);
    long[] expected = {
      RoutingTopology.expectedDeliveries(n, true), RoutingTopology.expectedDeliveries(n, false)
    };
    long[] lost = new long[2];
    long[] dropped = new long[2];
    for (int cell = 0; cell < 2; cell++) {
      Run w = once(cell == 0, warmUp, RoutingTopology.expectedDeliveries(warmUp, cell == 0));
      lost[cell] += w.expected() - w.received();
      dropped[cell] += w.dropped();
    }
    Run[][] runs = new Run[2][options.repetitions()];
    for (int r = 0; r < options.repetitions(); r++) {
      for (int cell = 0; cell < 2; cell++) {
        Run run = once(cell == 0, n, expected[cell]);
        runs[cell][r] = run;
        lost[cell] += run.expected() - run.received();
        dropped[cell] += run.dropped();
        progress.accept(
            String.format(
                "%s %s run %d: %.0f events/s, %.0f deliveries/s (lost %d)",
                SCENARIO,
                cell == 0 ? SINGLE : MANY,
                r + 1,
                run.eventsPerS(),
                run.received() * 1e9 / run.nanos(),
                run.expected() - run.received()));
      }
    }
    RoutingRow single = row(SINGLE, runs[0], expected[0], lost[0], dropped[0]);
    RoutingRow many = row(MANY, runs[1], expected[1], lost[1], dropped[1]);
    double[] singleRates = Arrays.stream(runs[0]).mapToDouble(Run::eventsPerS).toArray();
    double[] manyRates = Arrays.stream(runs[1]).mapToDouble(Run::eventsPerS).toArray();
    return List.of(
        single.withRatios(1.0, 1.0),
        many.withRatios(
            many.eventsPerS() / single.eventsPerS(), Medians.ofRatios(manyRates, singleRates)));
  }

  private RoutingRow row(String cell, Run[] runs, long expected, long lost, long dropped) {
    int n = options.events();
    Run[] sorted = runs.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(Run::eventsPerS));
    Run median = sorted[sorted.length / 2];
    return new RoutingRow(
        cell,
        cell.equals(SINGLE) ? 1 : RoutingTopology.TOPICS,
        RoutingTopology.SUBSCRIPTIONS,
        options.clients(),
        options.size(),
        n,
        expected,
        median.eventsPerS(),
        sorted[0].eventsPerS(),
        sorted[sorted.length - 1].eventsPerS(),
        median.received() * 1e9 / median.nanos(),
        lost,
        dropped,
        Double.NaN,
        Double.NaN,
        Medians.of(Arrays.stream(runs).mapToDouble(Run::loopNanosPerEvent).toArray()),
        median.cpu().loopCores(),
        median.cpu().processCores(),
        median.cpu().machineCores());
  }

  private Run once(boolean single, int count, long expected) {
    long before = Tally.sum(tallies);
    long dropsBefore = bus.broker.snapshot().dropped();
    CpuMeter cpu = new CpuMeter(BenchBus.LOOP_THREAD);
    long meterStart = System.nanoTime();
    cpu.start();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String topic = single ? RoutingTopology.SINGLE_TOPIC : topics[i % RoutingTopology.TOPICS];
      publisher.publishEncoded(topic, "BENCH", null, payload, tags[RoutingTopology.region(i)]);
    }
    long received = Tally.await(tallies, before, expected, STALL_NANOS);
    long nanos = Tally.lastReceipt(tallies) - start;
    CpuMeter.Usage usage = cpu.stop();
    double loopNanos = usage.loopCores() * (System.nanoTime() - meterStart);
    // The broker's snapshot is up to 100 ms old. Meanwhile, deliveries beyond the expected count
    // (a routing error) would still arrive: counted, lost (expected - received) turns negative.
    LockSupport.parkNanos(BenchBus.SNAPSHOT_SETTLE_NANOS);
    received = Tally.sum(tallies) - before;
    return new Run(
        count,
        received,
        expected,
        nanos,
        bus.broker.snapshot().dropped() - dropsBefore,
        usage,
        loopNanos);
  }
}
