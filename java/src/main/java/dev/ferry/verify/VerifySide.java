package dev.ferry.verify;

import dev.ferry.checksum.CellKind;
import dev.ferry.types.ColumnSpec;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One side's table with the compared columns in the source's order and the key among them.
 *
 * <p>Both sides list the same columns in the same order (matched by name, ignoring case), so a
 * row hashes the same whichever side it is read from; keys are labelled with the source's column
 * names on both sides, so {@code id=5} of PostgreSQL meets {@code ID=5} of H2.
 */
record VerifySide(VerifyTable table, List<VerifyTable.Column> columns, List<Integer> key,
    List<String> keyLabels) {
  /** The compared columns as this database reads them: quoted names, or mapped expressions. */
  List<String> quotedColumns() {
    List<String> out = new ArrayList<>();
    columns.forEach(c -> out.add(c.sql(table)));
    return out;
  }

  /** The key columns, quoted for this database. */
  List<String> quotedKey() {
    List<String> out = new ArrayList<>();
    key.forEach(i -> out.add(table.quoted(columns.get(i).name())));
    return out;
  }

  /** The kinds of the compared columns. */
  List<CellKind> kinds() {
    List<CellKind> out = new ArrayList<>();
    columns.forEach(c -> out.add(c.kind()));
    return out;
  }

  /**
   * The compared columns as result columns, for an engine's bulk reader; null when one is an
   * expression (a mapping's), whose type the table's catalog does not give.
   */
  @Nullable List<ColumnSpec> specs() {
    List<ColumnSpec> out = new ArrayList<>();
    for (VerifyTable.Column c : columns) {
      if (c.expression() != null) {
        return null;
      }
      out.add(new ColumnSpec(c.name(), c.jdbcType(), c.typeName(), c.size(), c.digits(), true));
    }
    return out;
  }

  /** The kinds of the key columns. */
  List<CellKind> keyKinds() {
    List<CellKind> out = new ArrayList<>();
    key.forEach(i -> out.add(columns.get(i).kind()));
    return out;
  }

  /** Whether the table's cells carry no declared type (its engine enforces none: SQLite). */
  boolean untyped() {
    return !table.engine.capabilities().enforcesTypes();
  }

  /** A key as differing keys show it: {@code id=5}, {@code a=1, b=x}, {@code id=NULL}. */
  String keyText(List<? extends Object> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < key.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      Object v = cells.get(i);
      b.append(keyLabels.get(i)).append('=').append(v == null ? "NULL" : v);
    }
    return b.toString();
  }
}
