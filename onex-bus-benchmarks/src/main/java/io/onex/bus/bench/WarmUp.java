package io.onex.bus.bench;

/**
 * The warm-up rule of the throughput scenarios (1→1, 1→10, 10→1), the same for every system: one
 * run of half the events, then full runs until two in a row agree within {@value #TOLERANCE} of the
 * faster one, at least {@value #MIN_FULL_RUNS} and at most {@value #MAX_FULL_RUNS} of them. None is
 * recorded.
 *
 * <p>Why a rule instead of a fixed count: on a 2-vCPU machine the JIT's C2 thread competes with the
 * system under test, and a JVM full of client and broker code keeps compiling for longer than one
 * with a thin client. With a fixed two full runs, onex's 1→1 runs at 256 B were still getting
 * faster in runs 3 to 6 of a throwaway driver (0.5M, 1.6M, 1.7M, 1.8M events/s; C2 spent 7.7 s
 * compiling over ten runs), so the recorded medians measured the JIT as much as the bus. NATS and
 * raw JeroMQ settle at once and stop after the minimum. Harness thread only.
 */
public final class WarmUp {
  /** Full-size runs always made after the half-size one. */
  public static final int MIN_FULL_RUNS = 2;

  /** Full-size runs at most, steady or not. */
  public static final int MAX_FULL_RUNS = 10;

  /** How far apart two consecutive runs may be, relative to the faster, to count as steady. */
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
    double previous = Double.NaN;
    int full = 0;
    while (full < MAX_FULL_RUNS) {
      double rate = run.rate(events);
      full++;
      if (full >= MIN_FULL_RUNS && steady(previous, rate)) {
        break;
      }
      previous = rate;
    }
    return full;
  }

  /** Whether two consecutive rates are within {@link #TOLERANCE} of the faster one. */
  static boolean steady(double previous, double latest) {
    if (Double.isNaN(previous)) {
      return false;
    }
    return Math.abs(latest - previous) <= TOLERANCE * Math.max(previous, latest);
  }
}
