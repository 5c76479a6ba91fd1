package dev.ferry.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Even ranges of an integer key as SQL conditions: what {@link Dialect#splitReads} cuts a table
 * into by default. The first range has no lower bound and the last no upper one, so every row
 * falls in exactly one.
 */
final class KeyRanges {
  /** Fewer keys than this per part are not worth a reader of their own. */
  static final long MIN_KEYS_PER_PART = 50_000;

  private KeyRanges() {}

  /** Up to {@code parts} conditions on the quoted key {@code k} spanning {@code lo..hi}. */
  static List<String> split(String k, long lo, long hi, int parts) {
    long span = hi - lo + 1;
    int n = (int) Math.min(parts, span / MIN_KEYS_PER_PART);
    if (n < 2 || span <= 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    long step = span / n;
    for (int i = 0; i < n; i++) {
      long from = lo + i * step;
      long to = lo + (i + 1) * step;
      if (i == 0) {
        out.add(k + " < " + to);
      } else if (i == n - 1) {
        out.add(k + " >= " + from);
      } else {
        out.add(k + " >= " + from + " AND " + k + " < " + to);
      }
    }
    return out;
  }
}
