package dev.ferry.dialect.sqlite;

import dev.ferry.dialect.WideDecimals;
import dev.ferry.types.ExactText;
import dev.ferry.types.ExactTextDialect;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.SqliteSqlDialect;

/**
 * Calcite's SQLite dialect, without character sets in casts (Ferry runs Calcite with UTF-8 as its
 * character set, so every string type carries one, which SQLite rejects), and with the
 * right-hand side of a string comparison ({@link ExactText}) given an explicit collation, which
 * SQLite prefers to a column's own: {@code BINARY}, or {@code RTRIM} where CHAR(n) is compared
 * (trailing spaces do not count), so a column declared {@code COLLATE NOCASE} compares as
 * Ferry does. (LIKE ignores collations; {@code SqliteDialect.prepare} makes it
 * case-sensitive.)
 */
final class FerrySqliteSqlDialect extends SqliteSqlDialect implements ExactTextDialect {
  /**
   * The SQLite version the driver bundles (its version is SQLite's with a fourth number).
   * Calcite's dialect without a version assumes SQLite can run no join at all, so a join of two
   * tables of one SQLite file was read table by table and joined in Ferry (TPC-H Q11 read all
   * 800,000 rows of partsupp twice to keep 32,000).
   */
  private static final int[] LIBRARY = library();

  /** The one instance: SQLite needs nothing from a connection's metadata. */
  static final FerrySqliteSqlDialect INSTANCE = new FerrySqliteSqlDialect();

  private FerrySqliteSqlDialect() {
    super(WideDecimals.of(SqliteSqlDialect.DEFAULT_CONTEXT)
        .withDatabaseMajorVersion(LIBRARY[0]).withDatabaseMinorVersion(LIBRARY[1]));
  }

  private static int[] library() {
    try {
      return new int[] {org.sqlite.SQLiteJDBCLoader.getMajorVersion(),
          org.sqlite.SQLiteJDBCLoader.getMinorVersion()};
    } catch (RuntimeException | LinkageError e) {
      // Without the driver's version: every SQLite 3 runs inner and left joins.
      return new int[] {3, 0};
    }
  }

  @Override public boolean supportsCharSet() {
    return false;
  }

  /**
   * No SUM (nor AVG, which Calcite computes from SUM): SQLite adds DECIMAL values as doubles,
   * which keep 15 or 16 significant digits, while Calcite adds the exact values Ferry reads.
   */
  @Override public boolean supportsAggregateFunction(SqlKind kind) {
    return kind != SqlKind.SUM && kind != SqlKind.SUM0 && kind != SqlKind.AVG
        && super.supportsAggregateFunction(kind);
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    ExactText marker = ExactText.of(call);
    if (marker == null) {
      super.unparseCall(writer, call, leftPrec, rightPrec);
      return;
    }
    call.operand(0).unparse(writer, leftPrec, rightPrec);
    writer.keyword("COLLATE");
    writer.keyword(marker.padSpace() ? "RTRIM" : "BINARY");
  }
}
