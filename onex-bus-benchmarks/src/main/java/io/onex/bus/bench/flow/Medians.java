package io.onex.bus.bench.flow;

import java.util.Arrays;

/** Medians of the two scenarios' runs. Stateless. */
final class Medians {
  private Medians() {}

  /** The median (the upper one of an even count). */
  static double of(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  /** The median over i of {@code cell[i] / baseline[i]}. */
  static double ofRatios(double[] cell, double[] baseline) {
    double[] r = new double[cell.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = cell[i] / baseline[i];
    }
    return of(r);
  }
}
