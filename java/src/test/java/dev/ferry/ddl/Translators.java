package dev.ferry.ddl;

import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.Dialects;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Translators between the engines by JDBC sub-protocol, for tests that need no server. */
public final class Translators {
  private Translators() {}

  /** The Calcite dialect each engine's {@code calciteDialect} gives, without metadata. */
  public static SqlDialect calcite(String engine) {
    return switch (engine) {
      case "postgresql" -> PostgresqlSqlDialect.DEFAULT;
      case "mariadb" -> new MysqlSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT);
      default -> {
        try {
          yield Dialects.forSubprotocol(engine).calciteDialect(null);
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** A translator from {@code from} to {@code to}, tables moved from {@code ns} to {@code targetNs}. */
  public static SqlTranslator of(String from, String to, @Nullable String ns, @Nullable String targetNs) {
    Dialect s = Dialects.forSubprotocol(from);
    Dialect t = Dialects.forSubprotocol(to);
    return new SqlTranslator(s.sqlSpelling(), t.sqlSpelling(), calcite(to), ns, targetNs);
  }
}
