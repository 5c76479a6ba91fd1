package dev.ferry.copy;

import dev.ferry.catalog.Snapshot;
import dev.ferry.error.FerryFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which target columns a copy fills, and from what: a copy without a mapping writes every source
 * column into the target column of that name; with one, each column the target table has gets
 * its mapped expression (Calcite SQL over the source table's columns), else the source column of
 * its name, else its own default.
 *
 * @param targets the target columns written, in order
 * @param items the SELECT items (Calcite SQL) giving their values, in the same order
 * @param notes what the mapping leaves out, in words
 */
record ColumnMap(List<String> targets, List<String> items, List<String> notes) {

  /** Every source column into the target column of its name. */
  static ColumnMap byName(Snapshot.Table source) {
    List<String> names = source.columns().stream().map(Snapshot.Column::name).toList();
    return new ColumnMap(names, names.stream().map(ChunkPlanner::q).toList(), List.of());
  }

  /**
   * The target table's columns ({@code targetColumns}) filled through {@code mapping}; a mapped
   * column the target does not have, or an expression that does not parse, is refused.
   */
  static ColumnMap mapped(Snapshot.Table source, String target, List<String> targetColumns,
      Map<String, String> mapping) {
    for (String key : mapping.keySet()) {
      if (find(targetColumns, key) == null) {
        throw FerryFailure.of("USAGE", "the mapping of " + target + " names column '" + key
            + "', which target table " + target + " does not have; its columns: "
            + String.join(", ", targetColumns)).with("table", target).with("column", key);
      }
    }
    List<String> targets = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (String t : targetColumns) {
      String key = find(mapping.keySet(), t);
      Snapshot.Column same = CopyPlanner.column(source, t);
      if (key != null) {
        String expr = RowFilter.parsed(mapping.get(key), "the mapping of " + target + "." + t
            + " must be one SQL expression over the columns of " + source.name()
            + " (for example: first_name || ' ' || last_name)", "--map", target);
        items.add("(" + expr + ") AS " + ChunkPlanner.q(t));
      } else if (same != null) {
        items.add(ChunkPlanner.q(same.name()) + (same.name().equals(t) ? "" : " AS " + ChunkPlanner.q(t)));
        used.add(same.name());
      } else {
        defaults.add(t);
        continue;
      }
      targets.add(t);
    }
    if (targets.isEmpty()) {
      throw FerryFailure.of("USAGE", "no column of target table " + target + " is mapped or named"
          + " like a column of " + source.name() + "; map them with --map " + target + ".COLUMN=SQL")
          .with("table", target);
    }
    List<String> notes = new ArrayList<>();
    if (!defaults.isEmpty()) {
      notes.add(target + " columns " + String.join(", ", defaults) + " are not in the source or the"
          + " mapping: they take their defaults");
    }
    List<String> unused = source.columns().stream().map(Snapshot.Column::name)
        .filter(n -> !used.contains(n) && mapping.values().stream()
            .noneMatch(e -> e.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT))))
        .toList();
    if (!unused.isEmpty()) {
      notes.add(source.name() + " columns " + String.join(", ", unused) + " are not copied (the"
          + " target has no column of that name and no mapping uses them)");
    }
    return new ColumnMap(List.copyOf(targets), List.copyOf(items), List.copyOf(notes));
  }

  private static @Nullable String find(Iterable<String> names, String wanted) {
    String loose = null;
    for (String n : names) {
      if (n.equals(wanted)) {
        return n;
      }
      if (loose == null && n.equalsIgnoreCase(wanted)) {
        loose = n;
      }
    }
    return loose;
  }
}
