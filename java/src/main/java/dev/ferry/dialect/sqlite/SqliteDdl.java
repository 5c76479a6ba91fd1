package dev.ferry.dialect.sqlite;

import dev.ferry.ddl.Ddl;
import dev.ferry.types.TableName;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQLite's spelling of the types Ferry creates.
 *
 * <p>SQLite has no exact decimal storage: DECIMAL columns of more than 15 digits are declared
 * {@code DECIMAL TEXT(p,s)} (text affinity, values kept as written; Ferry still reads them as
 * DECIMAL(p,s)). Dates and times are text, which Ferry writes in ISO form and reads back exactly;
 * timestamps with time zone are written in UTC.
 */
final class SqliteDdl extends Ddl {
  @Override protected String decimal(int p, int s) {
    return p > 15 ? "DECIMAL TEXT(" + p + ", " + s + ")" : super.decimal(p, s);
  }

  @Override protected String unboundedDecimal() {
    return "DECIMAL TEXT";
  }

  @Override protected String floating(boolean single) {
    return "REAL";
  }

  @Override protected String text(boolean fixed, @Nullable Integer length, boolean inKey) {
    return length == null ? "TEXT" : super.text(fixed, length, inKey);
  }

  @Override protected String binary(boolean fixed, @Nullable Integer length, boolean inKey) {
    return "BLOB";
  }

  @Override protected String time(int fraction, boolean zoned) {
    return "TIME";
  }

  @Override protected String timestamp(int fraction) {
    // SQLite keeps any text; the declared fraction tells readers how much of it counts.
    return "TIMESTAMP(" + fraction + ")";
  }

  /**
   * A timestamp column named for its zone: the values are UTC text, and a {@code TIMESTAMP…}
   * declaration makes Ferry (and Calcite) read them as timestamps, so they compare, sort and
   * verify as the source's timestamptz did rather than as strings.
   */
  @Override protected String timestamptz(int fraction) {
    return "TIMESTAMPTZ";
  }

  /**
   * Names starting with {@code sqlite_} are SQLite's own (a UNIQUE constraint's
   * {@code sqlite_autoindex_t_1}) and refused in CREATE INDEX: such an index is created under its
   * table's name instead.
   */
  @Override protected String indexName(SqlDialect q, TableName table, String name) {
    return q.quoteIdentifier(name.toLowerCase(Locale.ROOT).startsWith("sqlite_")
        ? table.name() + name.substring("sqlite".length()) : name);
  }
  @Override public boolean addsConstraints() {
    return false;
  }

  @Override public @Nullable String identityType(String type, boolean soleKey) {
    // Only an INTEGER primary key is the rowid, which SQLite fills in itself.
    return soleKey ? "INTEGER" : null;
  }

  @Override public List<String> identityRestart(SqlDialect q, TableName table, String column, String next) {
    return List.of();
  }

  @Override public String json(boolean binary) {
    return "TEXT";
  }

  @Override public List<String> commentStatements(SqlDialect q, TableName table, String column,
      String comment) {
    return List.of();
  }

  @Override public @Nullable String createNamespace(SqlDialect q, String name) {
    return null;
  }
}
