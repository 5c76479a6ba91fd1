package dev.ferry.dialect.mariadb;

import dev.ferry.ddl.AddedConstraint;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.ForeignKeyDef;
import dev.ferry.ddl.ReferentialAction;
import dev.ferry.ddl.TableDef;
import dev.ferry.types.TableName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB's (and MySQL's) spelling of the types Ferry creates.
 *
 * <p>Timestamps become DATETIME, whose range and zone handling match a plain TIMESTAMP; unsigned
 * integers stay unsigned; text and binary pick the smallest type that holds the length (a key
 * column must fit an index: 768 characters, 3072 bytes). Tables are utf8mb4 with a binary,
 * no-pad collation, so keys that differ only in case or trailing spaces stay distinct; TEXT and
 * BLOB columns are indexed by a prefix, as MariaDB requires.
 */
final class MariaDbDdl extends Ddl {
  @Override protected String integer(String sqlType) {
    return switch (sqlType) {
      case "UTINYINT" -> "TINYINT UNSIGNED";
      case "USMALLINT" -> "SMALLINT UNSIGNED";
      case "UINTEGER" -> "INT UNSIGNED";
      case "UBIGINT" -> "BIGINT UNSIGNED";
      default -> super.integer(sqlType);
    };
  }

  @Override protected String unboundedDecimal() {
    return "DECIMAL(65, 30)";
  }

  @Override protected String floating(boolean single) {
    return single ? "FLOAT" : "DOUBLE";
  }

  @Override protected String text(boolean fixed, @Nullable Integer length, boolean inKey) {
    if (length == null) {
      return inKey ? "VARCHAR(768)" : "LONGTEXT";
    }
    if (fixed && length <= 255) {
      return "CHAR(" + length + ")";
    }
    if (length <= (inKey ? 768 : 4096)) {
      return "VARCHAR(" + length + ")";
    }
    return length <= 16_383 ? "TEXT" : length <= 4_194_303 ? "MEDIUMTEXT" : "LONGTEXT";
  }

  @Override protected String binary(boolean fixed, @Nullable Integer length, boolean inKey) {
    if (length == null) {
      return inKey ? "VARBINARY(3072)" : "LONGBLOB";
    }
    if (fixed && length <= 255) {
      return "BINARY(" + length + ")";
    }
    return length <= (inKey ? 3072 : 8192) ? "VARBINARY(" + length + ")"
        : length <= 16_777_215 ? "MEDIUMBLOB" : "LONGBLOB";
  }

  @Override protected String timestamp(int fraction) {
    return "DATETIME(" + fraction + ")";
  }

  @Override protected String timestamptz(int fraction) {
    return "DATETIME(" + fraction + ")";
  }

  @Override public boolean indexNamesPerTable() {
    return true;
  }

  @Override public String tableOptions() {
    return " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin";
  }

  @Override protected String indexColumn(SqlDialect q, String column, String type) {
    // MariaDB indexes TEXT and BLOB columns by a prefix only.
    return q.quoteIdentifier(column) + (type.endsWith("TEXT") || type.endsWith("BLOB") ? "(255)" : "");
  }

  @Override public boolean zonedTimestamps() {
    return false;
  }

  @Override public @Nullable String identityType(String type, boolean soleKey) {
    return type + " AUTO_INCREMENT";
  }

  @Override public List<String> identityRestart(SqlDialect q, TableName table, String column, String next) {
    // InnoDB moves the counter past explicitly inserted ids itself; said anyway so a table
    // whose highest rows were deleted on the source still continues after them.
    return List.of("ALTER TABLE " + table.quoted(q) + " AUTO_INCREMENT = " + next);
  }

  @Override public @Nullable String enumColumnType(SqlDialect q, TableName name, List<String> values) {
    StringBuilder b = new StringBuilder("ENUM(");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(text(values.get(i)));
    }
    return b.append(')').toString();
  }

  @Override protected String inlineComment(String comment) {
    return " COMMENT " + text(comment);
  }

  @Override public List<String> commentStatements(SqlDialect q, TableName table, String column,
      String comment) {
    return List.of();
  }

  @Override public @Nullable String createNamespace(SqlDialect q, String name) {
    return "CREATE DATABASE IF NOT EXISTS " + q.quoteIdentifier(name);
  }

  /**
   * Added without InnoDB's own check ({@code SET STATEMENT foreign_key_checks=0}), which lets
   * MariaDB add the key in place instead of copying the whole table (minutes for a large one),
   * then checked by Ferry in one pass (each child row probes the parent's key): a row whose key
   * columns are all set and match no referenced row fails the step with SQLSTATE 23000, and the
   * key is dropped again. A MySQL server, which reads neither statement, gets the plain
   * validating {@code ADD CONSTRAINT}.
   */
  @Override public AddedConstraint addForeignKey(SqlDialect q, TableName table, ForeignKeyDef fk) {
    if (!(q instanceof MariaDbSqlDialect m && m.mariaDbServer())) {
      return super.addForeignKey(q, table, fk);
    }
    List<String> columns = fk.columns();
    List<String> refColumns = fk.refColumns();
    TableName ref = fk.ref();
    String named = fk.name() != null ? fk.name() : foreignKeyName(table.name(), columns);
    TableDef.Constraint c = new TableDef.Constraint(named, foreignKey(q, fk));
    List<String> set = new ArrayList<>();
    List<String> match = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      set.add("c." + q.quoteIdentifier(columns.get(i)) + " IS NOT NULL");
      match.add("p." + q.quoteIdentifier(refColumns.get(i)) + " = c." + q.quoteIdentifier(columns.get(i)));
    }
    // A LEFT JOIN, not NOT EXISTS: MariaDB turns NOT EXISTS into a materialized IN-subquery whose
    // temporary table spills to disk for a large parent (minutes on TPC-H's orders), while the
    // join probes the parent's key (eq_ref) for each child row, in the order of the key's index.
    String orphans = "SELECT 1 FROM " + table.quoted(q) + " c LEFT JOIN " + ref.quoted(q) + " p ON "
        + String.join(" AND ", match) + " WHERE " + String.join(" AND ", set) + " AND p."
        + q.quoteIdentifier(refColumns.get(0)) + " IS NULL";
    String message = plain("foreign key " + named + " fails: rows of " + table.name() + " ("
        + String.join(", ", columns) + ") are not in " + ref.name());
    return new AddedConstraint(List.of(
        "SET STATEMENT foreign_key_checks=0 FOR " + addConstraint(q, table, c),
        "BEGIN NOT ATOMIC IF EXISTS (" + orphans + ") THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = "
            + literal(message) + "; END IF; END"),
        List.of("ALTER TABLE " + table.quoted(q) + " DROP FOREIGN KEY " + q.quoteIdentifier(named)));
  }

  /** InnoDB parses ON DELETE/UPDATE SET DEFAULT but keeps it as RESTRICT. */
  @Override public Set<ReferentialAction> referentialActions() {
    return EnumSet.complementOf(EnumSet.of(ReferentialAction.SET_DEFAULT));
  }

  /** {@code table_col1_col2_fkey}, cut to MariaDB's 64-character identifiers. */
  private static String foreignKeyName(String table, List<String> columns) {
    String name = table + "_" + String.join("_", columns) + "_fkey";
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  /**
   * A string literal for places MariaDB takes no expression (ENUM values, COMMENT): its
   * backslashes doubled, as the default SQL mode reads them (a backslash escapes the next
   * character unless {@code NO_BACKSLASH_ESCAPES} is set).
   */
  private static String text(String s) {
    return literal(s.replace("\\", "\\\\"));
  }

  /**
   * Text safe inside a MariaDB string literal whatever the SQL mode (no quotes or backslashes),
   * cut to the 128 bytes a SIGNAL message may hold.
   */
  private static String plain(String text) {
    String s = text.replace('\'', ' ').replace('\\', ' ');
    while (s.getBytes(StandardCharsets.UTF_8).length > 128) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
