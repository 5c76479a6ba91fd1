package dev.ferry.federation;

import dev.ferry.error.FerryFailure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Adds what was searched to Calcite's "not found" messages: the tables and schemas under the
 * path Calcite looked in, closest to the missing name first, or the configured databases.
 */
public final class NameHints {
  private static final Pattern NOT_FOUND_WITHIN =
      Pattern.compile("Object '([^']*)' not found within '([^']*)'");
  private static final Pattern NOT_FOUND = Pattern.compile("Object '([^']*)' not found$");
  private static final Pattern COLUMN_NOT_FOUND =
      Pattern.compile("Column '([^']*)' not found in (any table|table '[^']*')");

  private NameHints() {}

  /**
   * {@code f} with a hint when it is a validation failure naming a missing object;
   * {@code namesUnder} lists what a dotted path holds (null when the path itself is unknown),
   * {@code kindOf} what the database under a path calls a name it holds but not as a table
   * ("sequence"; null when it has no such object).
   */
  static FerryFailure withHint(FerryFailure f, Collection<String> databases,
      Function<String, @Nullable List<String>> namesUnder,
      BiFunction<String, String, @Nullable String> kindOf) {
    if (!f.code().equals("SQL_VALIDATION")) {
      return f;
    }
    String msg = String.valueOf(f.getMessage());
    Matcher within = NOT_FOUND_WITHIN.matcher(msg);
    if (within.find()) {
      String name = within.group(1);
      String path = within.group(2);
      List<String> known = namesUnder.apply(path);
      String kind = known == null ? null : kindOf.apply(path, name);
      String what = kind == null ? "" : ": it is "
          + ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind
          + " there, and only tables and views are read";
      String hint = known == null ? ""
          : known.isEmpty() ? "; '" + path + "' has no tables or schemas"
          : "; " + didYouMean(known, name) + "searched '" + path + "', which has: "
              + closest(known, name);
      return FerryFailure.of("SQL_VALIDATION", "Table or schema '" + name + "' not found in '"
              + path + "'" + what + hint)
          .with("object", name).with("searched", path);
    }
    Matcher top = NOT_FOUND.matcher(msg);
    if (top.find()) {
      return FerryFailure.of("SQL_VALIDATION", "Database '" + top.group(1) + "' not found; "
              + didYouMean(new ArrayList<>(databases), top.group(1)) + "configured databases: "
              + String.join(", ", databases))
          .with("object", top.group(1));
    }
    return f;
  }

  /**
   * {@code f} with the closest columns when it says a column is not found; {@code columns} lists
   * the columns of the tables the query reads (asked only then; empty when unknown).
   */
  static FerryFailure withColumnHint(FerryFailure f, java.util.function.Supplier<List<String>> columns) {
    Matcher m = COLUMN_NOT_FOUND.matcher(String.valueOf(f.getMessage()));
    if (!f.code().equals("SQL_VALIDATION") || !m.find()) {
      return f;
    }
    List<String> known = columns.get();
    if (known.isEmpty()) {
      return f;
    }
    String name = m.group(1);
    return FerryFailure.of("SQL_VALIDATION", f.getMessage() + "; " + didYouMean(known, name)
            + "the tables read have: " + closest(known, name))
        .with("column", name);
  }

  /**
   * "did you mean 'x'? " when one of {@code names} is within a third of {@code wanted}'s length
   * (at least one edit) of it, else nothing: the same rule as the TypeScript side's didYouMean.
   */
  public static String didYouMean(List<String> names, String wanted) {
    String w = wanted.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names.stream().sorted().toList()) {
      int d = distance(n.toLowerCase(Locale.ROOT), w);
      if (d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(1, w.length() / 3)
        ? "did you mean '" + best + "'? " : "";
  }

  /** Up to 8 of {@code names}, the closest to {@code wanted} ({@link #distance}) first. */
  public static String closest(List<String> names, String wanted) {
    String w = wanted.toLowerCase(Locale.ROOT);
    List<String> sorted = new ArrayList<>(names);
    Collections.sort(sorted);
    sorted.sort((a, b) -> Integer.compare(distance(a.toLowerCase(Locale.ROOT), w),
        distance(b.toLowerCase(Locale.ROOT), w)));
    List<String> top = sorted.subList(0, Math.min(8, sorted.size()));
    return String.join(", ", top) + (sorted.size() > top.size() ? ", … (" + sorted.size() + " in all)" : "");
  }

  /**
   * Optimal-string-alignment distance between {@code a} and {@code b}: the fewest one-letter
   * insertions, deletions, substitutions and swaps of two adjacent letters (no letter edited
   * twice). A swap is the commonest typo ({@code nmae} for {@code name}); Levenshtein counts it
   * as two edits, more than a short name's share allows, so it went unsuggested.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
