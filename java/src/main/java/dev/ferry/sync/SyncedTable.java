package dev.ferry.sync;

import dev.ferry.checksum.CellKind;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.sink.TargetColumns;
import dev.ferry.types.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One table a sync follows: the source table's name as change events carry it, the target
 * table, its columns and key, and how an event becomes a {@link Change} for it. An event whose
 * columns are not the target's (a column added to or dropped from the source) stops the sync
 * with {@code SYNC_SCHEMA_CHANGED} before anything of its batch is applied.
 */
final class SyncedTable {
  /** The source table as the job lists it. */
  final String source;
  /** The target table. */
  final TableName target;
  /** The target's columns, in table order. */
  final TargetColumns.Column[] columns;
  /** The indexes of the key columns in {@link #columns}. */
  final int[] key;
  /** How the target engine reads each column, which settles what a bit string becomes there. */
  private final CellKind[] kinds;
  private final TargetColumns catalog;

  /** {@code catalog}: the target table's columns, which {@code engine} (the target's) reads. */
  SyncedTable(String source, TableName target, TargetColumns catalog, Dialect engine,
      List<String> keyColumns) {
    this.source = source;
    this.target = target;
    this.catalog = catalog;
    List<TargetColumns.Column> cols = new ArrayList<>();
    for (String n : catalog.names()) {
      cols.add(catalog.get(n));
    }
    this.columns = cols.toArray(new TargetColumns.Column[0]);
    this.kinds = new CellKind[columns.length];
    for (int i = 0; i < columns.length; i++) {
      kinds[i] = engine.cellKind(columns[i].jdbcType(), columns[i].typeName(), columns[i].size());
    }
    int[] k = new int[keyColumns.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = index(keyColumns.get(i));
      if (k[i] < 0) {
        throw FerryFailure.of("SYNC_SETUP", "the target table " + target + " has no column '"
            + keyColumns.get(i) + "', part of the source table's key; the target must have the"
            + " source's columns (drop it and run ferry sync with --create, or add the column)");
      }
    }
    this.key = k;
  }

  /** The catalog of the target table, for sinks. */
  TargetColumns catalog() {
    return catalog;
  }

  /** The column names, in table order. */
  List<String> columnNames() {
    List<String> out = new ArrayList<>();
    for (TargetColumns.Column c : columns) {
      out.add(c.name());
    }
    return out;
  }

  /** The key column names. */
  List<String> keyNames() {
    List<String> out = new ArrayList<>();
    for (int k : key) {
      out.add(columns[k].name());
    }
    return out;
  }

  private int index(String name) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The change one event makes: {@code op} is Debezium's ({@code c}, {@code r}, {@code u},
   * {@code d}); {@code keyStruct} its key; {@code after} its new row (null for a delete).
   */
  Change change(String op, @Nullable Struct keyStruct, @Nullable Struct before,
      @Nullable Struct after) {
    if (op.equals("d")) {
      Struct from = keyStruct != null ? keyStruct : before;
      if (from == null) {
        throw FerryFailure.of("SYNC_SETUP", "a delete from " + source + " arrived without its key;"
            + " the table needs a primary key");
      }
      return new Change(Change.Kind.DELETE, keyOf(from), null, null);
    }
    if (after == null) {
      throw FerryFailure.of("SYNC_SETUP", "a change to " + source + " arrived without its row");
    }
    checkColumns(after);
    Object[] row = new Object[columns.length];
    boolean[] missing = null;
    for (int i = 0; i < columns.length; i++) {
      Field f = field(after, columns[i].name());
      Object raw = after.get(f);
      if (ChangeValues.unavailable(raw)) {
        if (missing == null) {
          missing = new boolean[columns.length];
        }
        missing[i] = true;
        continue;
      }
      row[i] = raw == null ? null : cell(f, raw, i);
    }
    Object[] keyValues = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      keyValues[i] = row[key[i]];
    }
    Change.Kind kind = op.equals("u") ? Change.Kind.UPDATE : Change.Kind.INSERT;
    return new Change(kind, List.of(keyValues), row, missing);
  }

  private List<Object> keyOf(Struct s) {
    Object[] out = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      Field f = field(s, columns[key[i]].name());
      Object raw = s.get(f);
      out[i] = raw == null ? null : cell(f, raw, key[i]);
    }
    return List.of(out);
  }

  /** The value {@code raw} of field {@code f} as column {@code i} of the target takes it. */
  private Object cell(Field f, Object raw, int i) {
    Object v = ChangeValues.read(raw, f.schema());
    return v instanceof ChangeBits.Unsigned || v instanceof ChangeBits.Text
        ? ChangeBits.forTarget(v, columns[i], kinds[i], source)
        : ChangeValues.forTarget(v, columns[i]);
  }

  private Field field(Struct s, String column) {
    Field f = s.schema().field(column);
    if (f == null) {
      for (Field g : s.schema().fields()) {
        if (g.name().equalsIgnoreCase(column)) {
          return g;
        }
      }
      throw schemaChanged(s);
    }
    return f;
  }

  private void checkColumns(Struct after) {
    if (after.schema().fields().size() != columns.length) {
      throw schemaChanged(after);
    }
  }

  private FerryFailure schemaChanged(Struct s) {
    Set<String> now = new TreeSet<>();
    for (Field f : s.schema().fields()) {
      now.add(f.name().toLowerCase(Locale.ROOT));
    }
    Set<String> had = new TreeSet<>();
    for (TargetColumns.Column c : columns) {
      had.add(c.name().toLowerCase(Locale.ROOT));
    }
    Set<String> added = new TreeSet<>(now);
    added.removeAll(had);
    Set<String> dropped = new TreeSet<>(had);
    dropped.removeAll(now);
    String what = (added.isEmpty() ? "" : "column(s) " + String.join(", ", added) + " added")
        + (added.isEmpty() || dropped.isEmpty() ? "" : "; ")
        + (dropped.isEmpty() ? "" : "column(s) " + String.join(", ", dropped) + " dropped");
    return FerryFailure.of("SYNC_SCHEMA_CHANGED", "the source table " + source + " changed: "
            + what + " (the target " + target + " has " + String.join(", ", columnNames())
            + "). The sync stopped before applying that change; its position is kept. Make the"
            + " target table match (e.g. ALTER TABLE on the target), then run ferry sync again")
        .with("table", this.source).with("added", String.join(",", added))
        .with("dropped", String.join(",", dropped));
  }
}
