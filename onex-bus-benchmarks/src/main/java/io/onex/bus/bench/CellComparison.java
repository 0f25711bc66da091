package io.onex.bus.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compares configurations of one system in one run: each cell is measured once to warm up (half the
 * events, not recorded), then every repetition measures every cell, starting from a different cell
 * each time so none always runs on the warmer (or busier) machine. The first cell is the baseline
 * the others are compared to, by the ratio of medians and by the median of same-repetition ratios
 * (the paired ratio, steadier on a shared machine). Harness thread only.
 */
public final class CellComparison {
  /** One configuration under test. */
  public interface Cell {
    /** Its name in rows. */
    String name();

    /** One 1→1 run of {@code events} events. */
    BenchSystem.Measurement run(int events) throws Exception;
  }

  /** Every cell's rates per repetition, and the events each lost over all its runs. */
  public record Result(List<String> names, double[][] rates, long[] lost) {
    /** Median events/s of cell {@code i} (the upper one of an even count). */
    public double median(int i) {
      return medianOf(rates[i]);
    }

    public double min(int i) {
      return Arrays.stream(rates[i]).min().orElse(0);
    }

    public double max(int i) {
      return Arrays.stream(rates[i]).max().orElse(0);
    }

    /** Cell {@code i}'s median over the baseline's. */
    public double ratioToBaseline(int i) {
      return median(i) / median(0);
    }

    /** The median over the repetitions of cell {@code i}'s rate over the baseline's. */
    public double pairedRatio(int i) {
      double[] r = new double[rates[i].length];
      for (int k = 0; k < r.length; k++) {
        r[k] = rates[i][k] / rates[0][k];
      }
      return medianOf(r);
    }
  }

  private CellComparison() {}

  /** A cell named {@code name} whose run is {@code run}. */
  public static Cell cell(
      String name, java.util.function.IntFunction<BenchSystem.Measurement> run) {
    return new Cell() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public BenchSystem.Measurement run(int events) {
        return run.apply(events);
      }
    };
  }

  /** Measures {@code cells} (the first is the baseline) as the class comment says. */
  public static Result run(
      String scenario, List<Cell> cells, int events, int repetitions, Consumer<String> progress)
      throws Exception {
    int n = cells.size();
    double[][] rates = new double[n][repetitions];
    long[] lost = new long[n];
    for (int i = 0; i < n; i++) {
      lost[i] += cells.get(i).run(Math.max(1, events / 2)).lost();
    }
    for (int r = 0; r < repetitions; r++) {
      StringBuilder line = new StringBuilder(scenario).append(" run ").append(r + 1).append(':');
      for (int k = 0; k < n; k++) {
        int i = (r + k) % n;
        BenchSystem.Measurement m = cells.get(i).run(events);
        rates[i][r] = m.eventsPerSecond();
        lost[i] += m.lost();
      }
      for (int i = 0; i < n; i++) {
        line.append(String.format(" %s %.0f events/s", cells.get(i).name(), rates[i][r]));
      }
      progress.accept(line.toString());
    }
    return new Result(cells.stream().map(Cell::name).toList(), rates, lost);
  }

  private static double medianOf(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
