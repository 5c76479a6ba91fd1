package dev.ferry.migrate;

import dev.ferry.catalog.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so each comes after the tables its foreign keys reference (self-references and
 * cycles do not constrain it), as engines that check foreign keys while loading need.
 */
final class TableOrder {
  private TableOrder() {}

  /** {@code tables} with referenced tables first; otherwise in their given order. */
  static List<Snapshot.Table> parentsFirst(List<Snapshot.Table> tables) {
    Map<String, Snapshot.Table> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    List<Snapshot.Table> out = new ArrayList<>();
    for (Snapshot.Table t : tables) {
      visit(t, byName, done, visiting, out);
    }
    return out;
  }

  private static void visit(Snapshot.Table t, Map<String, Snapshot.Table> byName, Set<String> done,
      Set<String> visiting, List<Snapshot.Table> out) {
    if (done.contains(t.name()) || !visiting.add(t.name())) {
      return;
    }
    for (Snapshot.ForeignKey fk : t.foreignKeys()) {
      Snapshot.Table ref = byName.get(fk.refTable());
      if (ref != null && !ref.name().equals(t.name())) {
        visit(ref, byName, done, visiting, out);
      }
    }
    visiting.remove(t.name());
    if (done.add(t.name())) {
      out.add(t);
    }
  }
}
