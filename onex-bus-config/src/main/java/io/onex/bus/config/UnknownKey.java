package io.onex.bus.config;

import java.util.List;

/**
 * The reason for an unknown key, with a "did you mean" when a known key is one or two edits away
 * (typos such as {@code sise} are the common case). Stateless; any thread.
 */
final class UnknownKey {
  private UnknownKey() {}

  static String reason(String key, List<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    String hint = best == null ? "" : "; did you mean '" + best + "'?";
    return "unknown key" + hint + " (known here: " + String.join(", ", known) + ")";
  }

  /** Levenshtein distance; keys are short, so the plain two-row version is plenty. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int swap = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + swap);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
