package dev.ferry.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Differing keys found while narrowing chunks: counts of each kind and the first few listed.
 *
 * <p>Keys within one narrowed batch are listed in key order (numerically when the key is one
 * number), so the same difference is always reported the same way.
 */
final class KeyDiff {
  /** Orders {@code id=9} before {@code id=10}; other keys by their text. */
  static final Comparator<String> KEY_ORDER = (a, b) -> {
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    return x != null && y != null ? x.compareTo(y) : a.compareTo(b);
  };

  private final int max;
  private final List<VerifyReport.Difference> listed = new ArrayList<>();
  private long missing;
  private long extra;
  private long changed;

  KeyDiff(int max) {
    this.max = max;
  }

  /** Diffs one batch: key → row hash of the source and of the target. */
  void add(Map<String, String> source, Map<String, String> target) {
    List<VerifyReport.Difference> found = new ArrayList<>();
    source.forEach((k, h) -> {
      String other = target.get(k);
      if (other == null) {
        missing++;
        found.add(new VerifyReport.Difference(DifferenceKind.MISSING, k));
      } else if (!other.equals(h)) {
        changed++;
        found.add(new VerifyReport.Difference(DifferenceKind.CHANGED, k));
      }
    });
    target.keySet().forEach(k -> {
      if (!source.containsKey(k)) {
        extra++;
        found.add(new VerifyReport.Difference(DifferenceKind.EXTRA, k));
      }
    });
    found.sort(Comparator.comparing(VerifyReport.Difference::key, KEY_ORDER));
    for (VerifyReport.Difference d : found) {
      if (listed.size() < max) {
        listed.add(d);
      }
    }
  }

  List<VerifyReport.Difference> listed() {
    return List.copyOf(listed);
  }

  List<String> keys() {
    List<String> out = new ArrayList<>();
    listed.forEach(d -> out.add(d.key()));
    return out;
  }

  long total() {
    return missing + extra + changed;
  }

  long missing() {
    return missing;
  }

  long extra() {
    return extra;
  }

  long changed() {
    return changed;
  }

  private static BigDecimal number(String key) {
    int eq = key.indexOf('=');
    if (eq < 0 || key.indexOf(", ") >= 0) {
      return null;
    }
    try {
      return new BigDecimal(key.substring(eq + 1));
    } catch (NumberFormatException notNumeric) {
      return null;
    }
  }
}
