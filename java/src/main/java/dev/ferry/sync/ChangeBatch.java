package dev.ferry.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of one applied batch, per table and per key: only each key's last state is
 * applied (a row inserted, updated twice and deleted in one batch is one delete), which is what
 * applying every change in order would leave. Counts every change as it came, for progress.
 */
final class ChangeBatch {
  private final Map<SyncedTable, Map<List<Object>, Change>> byTable = new LinkedHashMap<>();
  private final Map<String, SyncState.Counts> counts = new LinkedHashMap<>();
  private long changes;

  /** Adds {@code change} to {@code table}, after the changes added before it. */
  void add(SyncedTable table, Change change) {
    Map<List<Object>, Change> rows = byTable.computeIfAbsent(table, t -> new LinkedHashMap<>());
    Change earlier = rows.remove(change.key());
    // Re-inserted at the end: keys keep the order of their last change.
    rows.put(change.key(), earlier == null ? change : change.after(earlier));
    SyncState.Counts c = counts.getOrDefault(table.source, new SyncState.Counts(0, 0, 0));
    counts.put(table.source, switch (change.kind()) {
      case INSERT -> new SyncState.Counts(c.inserts() + 1, c.updates(), c.deletes());
      case UPDATE -> new SyncState.Counts(c.inserts(), c.updates() + 1, c.deletes());
      case DELETE -> new SyncState.Counts(c.inserts(), c.updates(), c.deletes() + 1);
    });
    changes++;
  }

  /**
   * Adds an update that moved a row from one primary key to another, as Debezium sends it: the
   * delete of the old key, then the insert under the new one. Values the insert lacks (unchanged
   * TOASTed columns) come from the old key's last change in this batch, or else from the old
   * key's row in the target ({@link Change#fillFrom}), read before the batch changes it.
   */
  void addMove(SyncedTable table, Change delete, Change insert) {
    Change before = byTable.computeIfAbsent(table, t -> new LinkedHashMap<>()).get(delete.key());
    add(table, delete);
    Change moved = insert.missing() == null ? insert : new Change(insert.kind(), insert.key(),
        insert.row(), insert.missing(), delete.key());
    add(table, before == null ? moved : moved.after(before));
  }

  /** The tables and their keys' last changes, tables in order of their first change. */
  Map<SyncedTable, Map<List<Object>, Change>> byTable() {
    return byTable;
  }

  /** Changes per source table, as they came. */
  Map<String, SyncState.Counts> counts() {
    return counts;
  }

  /** How many changes were added. */
  long changes() {
    return changes;
  }

  /** Whether no change was added. */
  boolean isEmpty() {
    return changes == 0;
  }
}
