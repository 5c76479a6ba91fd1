package dev.ferry;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDialectFactoryImpl;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.SqliteSqlDialect;

/**
 * The SQL dialect Calcite writes for each database.
 *
 * <p>Calcite's factory does not recognise the product names SQLite's and MariaDB's drivers
 * report, and its generic fallback writes SQL both reject: {@code CHAR_LENGTH} (SQLite has
 * {@code LENGTH}) and {@code CAST(x AS VARCHAR CHARACTER SET "UTF-8")} (Ferry runs Calcite with
 * UTF-8 as its character set, so every string type carries it).
 */
final class Dialects {
  private Dialects() {}

  /** SQLite, without character sets in casts. */
  private static final SqlDialect SQLITE = new SqliteSqlDialect(SqliteSqlDialect.DEFAULT_CONTEXT) {
    @Override public boolean supportsCharSet() {
      return false;
    }
  };

  /** The dialect for the database behind {@code md}. */
  static SqlDialect forMetaData(DatabaseMetaData md) throws SQLException {
    String product = String.valueOf(md.getDatabaseProductName()).toLowerCase(Locale.ROOT);
    if (product.contains("sqlite")) {
      return SQLITE;
    }
    if (product.contains("mariadb")) {
      // MariaDB speaks MySQL's dialect: backticks, CHAR in casts, LIMIT.
      return new MysqlSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT
          .withDatabaseMajorVersion(md.getDatabaseMajorVersion())
          .withDatabaseMinorVersion(md.getDatabaseMinorVersion()));
    }
    return SqlDialectFactoryImpl.INSTANCE.create(md);
  }
}
