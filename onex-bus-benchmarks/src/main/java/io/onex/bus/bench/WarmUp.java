package io.onex.bus.bench;

/**
 * The warm-up rule of the throughput scenarios (1→1, 1→10, 10→1), the same for every system: one
 * run of half the events, then full runs until the last {@value #STEADY_RUNS} agree within {@value
 * #TOLERANCE} of the fastest of them, at least {@value #MIN_FULL_RUNS} and at most {@value
 * #MAX_FULL_RUNS} full runs. None is recorded.
 *
 * <p>Why a rule instead of a fixed count: on a 2-vCPU machine the JIT's C2 thread competes with the
 * system under test, and a JVM full of client and broker code keeps compiling for longer than one
 * with a thin client. With a fixed two full runs, onex's 1→1 runs at 256 B were still getting
 * faster in runs 3 to 6 of a throwaway driver (0.5M, 1.6M, 1.7M, 1.8M events/s; C2 spent 7.7 s
 * compiling over ten runs), so the recorded medians measured the JIT as much as the bus. Two runs
 * in a row that agree were not enough either: a 20-run driver went 1.82M, 1.89M, 1.76M, then 2.12M
 * and about 2.15M from then on. NATS and raw JeroMQ settle at once and stop after the minimum.
 * Harness thread only.
 */
public final class WarmUp {
  /** Consecutive full-size runs that must agree. */
  public static final int STEADY_RUNS = 3;

  /** Full-size runs always made after the half-size one. */
  public static final int MIN_FULL_RUNS = STEADY_RUNS;

  /** Full-size runs at most, steady or not. */
  public static final int MAX_FULL_RUNS = 14;

  /** How far apart the last runs may be, relative to the fastest of them, to count as steady. */
  public static final double TOLERANCE = 0.05;

  /** One warm-up run of {@code events} events; returns its rate in events/s. */
  @FunctionalInterface
  public interface Run {
    double rate(int events) throws Exception;
  }

  private WarmUp() {}

  /**
   * Warms {@code run} up for measured runs of {@code events} events; returns how many full-size
   * runs it took.
   */
  public static int run(Run run, int events) throws Exception {
    run.rate(Math.max(1, events / 2));
    double[] last = new double[STEADY_RUNS];
    int full = 0;
    while (full < MAX_FULL_RUNS) {
      last[full % STEADY_RUNS] = run.rate(events);
      full++;
      if (full >= MIN_FULL_RUNS && steady(last)) {
        break;
      }
    }
    return full;
  }

  /** Whether the rates are all within {@link #TOLERANCE} of the fastest of them. */
  static boolean steady(double... rates) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double r : rates) {
      if (Double.isNaN(r)) {
        return false;
      }
      max = Math.max(max, r);
      min = Math.min(min, r);
    }
    return max - min <= TOLERANCE * max;
  }
}
