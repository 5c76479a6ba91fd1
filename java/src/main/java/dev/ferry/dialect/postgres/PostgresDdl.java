package dev.ferry.dialect.postgres;

import dev.ferry.ddl.AddedConstraint;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.ForeignKeyDef;
import dev.ferry.ddl.TableDef;
import dev.ferry.types.TableName;

import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/** PostgreSQL's spelling of the types Ferry creates: NUMERIC, TEXT, BYTEA, TIMESTAMPTZ. */
final class PostgresDdl extends Ddl {
  @Override protected String integer(String sqlType) {
    return sqlType.equals("TINYINT") ? "SMALLINT" : super.integer(sqlType);
  }

  @Override protected String decimal(int p, int s) {
    return "NUMERIC(" + p + ", " + s + ")";
  }

  @Override protected String unboundedDecimal() {
    return "NUMERIC";
  }

  @Override protected String text(boolean fixed, @Nullable Integer length, boolean inKey) {
    return length == null ? "TEXT" : super.text(fixed, length, inKey);
  }

  @Override protected String binary(boolean fixed, @Nullable Integer length, boolean inKey) {
    return "BYTEA";
  }

  @Override protected String time(int fraction, boolean zoned) {
    return (zoned ? "TIMETZ(" : "TIME(") + fraction + ")";
  }

  @Override protected String timestamptz(int fraction) {
    return "TIMESTAMPTZ(" + fraction + ")";
  }

  /**
   * {@code NOT VALID}, then {@code VALIDATE CONSTRAINT}: the check holds only a SHARE UPDATE
   * EXCLUSIVE lock on its table, so the foreign keys of different tables are checked side by
   * side. A failed check drops the constraint again. An unnamed key gets the name PostgreSQL
   * would give it, so it can be validated.
   */
  @Override public AddedConstraint addForeignKey(SqlDialect q, TableName table, ForeignKeyDef fk) {
    String named = fk.name() != null ? fk.name() : foreignKeyName(table.name(), fk.columns());
    String t = table.quoted(q);
    String n = q.quoteIdentifier(named);
    TableDef.Constraint c = new TableDef.Constraint(named, foreignKey(q, fk));
    return new AddedConstraint(
        List.of(addConstraint(q, table, c) + " NOT VALID", "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + n),
        List.of("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + n));
  }

  /** {@code table_col1_col2_fkey} as PostgreSQL names it, cut to its 63-byte identifiers. */
  private static String foreignKeyName(String table, List<String> columns) {
    String name = table + "_" + String.join("_", columns) + "_fkey";
    while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** Loading into a heap without its key index, then one sorted build, is how pg_restore loads too. */
  @Override public String addPrimaryKeyAfterLoad(SqlDialect q, TableName table, List<String> columns) {
    return "ALTER TABLE " + table.quoted(q) + " ADD PRIMARY KEY (" + quotedList(q, columns) + ")";
  }

  @Override public boolean buildsSideBySide() {
    return true;
  }

  @Override public List<String> createEnumType(SqlDialect q, TableName name, List<String> values) {
    // CREATE TYPE has no IF NOT EXISTS; a type an earlier (resumed) run made is kept.
    return List.of("DO $$ BEGIN CREATE TYPE " + name.quoted(q) + " AS ENUM (" + literals(values)
        + "); EXCEPTION WHEN duplicate_object THEN NULL; END $$");
  }

  @Override public @Nullable String enumColumnType(SqlDialect q, TableName name, List<String> values) {
    return name.quoted(q);
  }

  @Override public boolean partitions() {
    return true;
  }

  @Override public String json(boolean binary) {
    return binary ? "JSONB" : "JSON";
  }

  static String literals(List<String> values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      b.append(b.length() == 0 ? "" : ", ").append(literal(v));
    }
    return b.toString();
  }
}
