package io.onex.bus.bench.flow;

import io.onex.bus.bench.NatsServer;
import io.onex.bus.bench.WarmUp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fan-out (1 → 10) and fan-in (10 → 1) scenarios, onex and NATS in the same run. Fan-out: one
 * publishing connection sends N events as fast as it can on one topic, 10 subscribing connections
 * each receive all N. Fan-in: 10 publishing connections, each on a thread of its own, send N/10
 * each at once, one subscribing connection receives all N. A run's time goes from the first publish
 * to the last delivery. Each system gets warm-up runs by the same rule ({@link WarmUp}: half the
 * events, then full runs until three agree; not recorded), then the systems alternate run by run;
 * medians are reported. Harness thread, plus the fan-in publishing threads ({@code
 * bench-fanin-pub-i}) during a run.
 */
public final class FanBench {
  public static final String FANOUT = "fanout";
  public static final String FANIN = "fanin";

  /** Subscribers in fan-out, publishers in fan-in. */
  static final int FAN = 10;

  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(3);

  private final boolean out;
  private final FanBenchOptions options;
  private final byte[] payload;

  /** One system with its connections in place. */
  private record Setup(FanSystem system, List<FanSystem.Sender> senders, List<Tally> tallies) {}

  /** One run's outcome. */
  private record Run(int events, long received, long expected, long nanos) {
    double eventsPerS() {
      return events * 1e9 / nanos;
    }

    double deliveriesPerS() {
      return received * 1e9 / nanos;
    }
  }

  private FanBench(boolean out, FanBenchOptions options) {
    this.out = out;
    this.options = options;
    this.payload = BenchBus.payload(options.size());
  }

  /** Runs {@code scenario} ({@link #FANOUT} or {@link #FANIN}); rows onex first, then NATS. */
  public static List<FanRow> run(String scenario, FanBenchOptions o, Consumer<String> progress)
      throws Exception {
    if (!scenario.equals(FANOUT) && !scenario.equals(FANIN)) {
      throw new IllegalArgumentException("not a fan scenario: " + scenario);
    }
    FanBench b = new FanBench(scenario.equals(FANOUT), o);
    try (NatsServer server = NatsServer.ensureRunning();
        FanSystem onex = FanSystem.onex();
        FanSystem nats = FanSystem.nats(server.url())) {
      return b.measure(List.of(b.setup(onex), b.setup(nats)), progress);
    }
  }

  private String scenario() {
    return out ? FANOUT : FANIN;
  }

  private Setup setup(FanSystem s) throws Exception {
    List<FanSystem.Sender> senders = new ArrayList<>();
    List<Tally> tallies = new ArrayList<>();
    int publishers = out ? 1 : FAN;
    int subscribers = out ? FAN : 1;
    for (int i = 0; i < subscribers; i++) {
      Tally t = new Tally();
      tallies.add(t);
      s.subscribe("bench-" + scenario() + "-sub-" + i, t, null);
    }
    for (int i = 0; i < publishers; i++) {
      senders.add(s.sender("bench-" + scenario() + "-pub-" + i));
    }
    return new Setup(s, senders, tallies);
  }

  private List<FanRow> measure(List<Setup> setups, Consumer<String> progress) throws Exception {
    int n = options.events() / FAN * FAN; // fan-in splits evenly
    long[] lost = new long[setups.size()];
    for (int s = 0; s < setups.size(); s++) {
      Setup setup = setups.get(s);
      int system = s;
      WarmUp.run(
          events -> {
            Run w = once(setup, events / FAN * FAN);
            lost[system] += w.expected() - w.received();
            return w.eventsPerS();
          },
          n);
    }
    Run[][] runs = new Run[setups.size()][options.repetitions()];
    for (int r = 0; r < options.repetitions(); r++) {
      for (int s = 0; s < setups.size(); s++) {
        Run run = once(setups.get(s), n);
        runs[s][r] = run;
        lost[s] += run.expected() - run.received();
        progress.accept(
            String.format(
                "%s %s run %d: %.0f events/s, %.0f deliveries/s (lost %d)",
                scenario(),
                setups.get(s).system().name(),
                r + 1,
                run.eventsPerS(),
                run.deliveriesPerS(),
                run.expected() - run.received()));
      }
    }
    int natsIndex = setups.size() - 1;
    double[] natsRates = Arrays.stream(runs[natsIndex]).mapToDouble(Run::eventsPerS).toArray();
    double natsMedian = Medians.of(natsRates);
    List<FanRow> rows = new ArrayList<>();
    for (int s = 0; s < setups.size(); s++) {
      Run[] sorted = runs[s].clone();
      Arrays.sort(sorted, Comparator.comparingDouble(Run::eventsPerS));
      Run median = sorted[sorted.length / 2];
      double[] rates = Arrays.stream(runs[s]).mapToDouble(Run::eventsPerS).toArray();
      rows.add(
          new FanRow(
              scenario(),
              setups.get(s).system().name(),
              out ? 1 : FAN,
              out ? FAN : 1,
              options.size(),
              n,
              median.eventsPerS(),
              sorted[0].eventsPerS(),
              sorted[sorted.length - 1].eventsPerS(),
              median.deliveriesPerS(),
              lost[s],
              median.eventsPerS() / natsMedian,
              Medians.ofRatios(rates, natsRates)));
    }
    return rows;
  }

  private Run once(Setup setup, int count) throws Exception {
    long before = Tally.sum(setup.tallies());
    long expected = out ? (long) count * FAN : count;
    long start;
    if (out) {
      FanSystem.Sender sender = setup.senders().get(0);
      start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        sender.send(payload);
      }
      sender.flush();
    } else {
      start = publishConcurrently(setup.senders(), count / FAN);
    }
    long received = Tally.await(setup.tallies(), before, expected, STALL_NANOS);
    long nanos = Tally.lastReceipt(setup.tallies()) - start;
    return new Run(count, received, expected, nanos);
  }

  /** Starts one thread per sender, lets them all go at once; returns when they started. */
  private long publishConcurrently(List<FanSystem.Sender> senders, int each) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    Exception[] failure = new Exception[senders.size()];
    for (int t = 0; t < senders.size(); t++) {
      FanSystem.Sender sender = senders.get(t);
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                  for (int i = 0; i < each; i++) {
                    sender.send(payload);
                  }
                  sender.flush();
                } catch (Exception e) {
                  failure[index] = e;
                }
              },
              "bench-fanin-pub-" + t);
      thread.start();
      threads.add(thread);
    }
    long start = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    for (Exception e : failure) {
      if (e != null) {
        throw e;
      }
    }
    return start;
  }
}
