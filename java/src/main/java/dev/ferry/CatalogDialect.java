package dev.ferry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How one engine's catalog is read: primary and unique keys, foreign keys and indexes of every
 * table in a namespace.
 *
 * <p>Tables and columns come from {@code DatabaseMetaData} for every engine (one call each with
 * a {@code "%"} pattern); JDBC has no such bulk call for keys and indexes, only per-table ones,
 * so each engine answers from its own catalog with one query per kind. Inspecting a database
 * then costs the same few round trips whether it has three tables or three thousand.
 * {@link GenericCatalog} is the per-table fallback for engines without such queries.
 */
interface CatalogDialect {
  /** The dialect for a product name as its driver reports it. */
  static CatalogDialect forProduct(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("postgresql")) {
      return new PostgresCatalog();
    }
    if (p.contains("mariadb") || p.contains("mysql")) {
      return new MariaDbCatalog();
    }
    if (p.equals("h2")) {
      return new H2Catalog();
    }
    if (p.contains("sqlite")) {
      return new SqliteCatalog();
    }
    return new GenericCatalog();
  }

  /**
   * Whether keys and indexes cost a fixed number of round trips per database (true) or a few
   * per table ({@link GenericCatalog}).
   */
  boolean bulk();

  /** Table types to ask {@code getTables} for; null asks for all and lets the caller sort them. */
  default String @Nullable [] tableTypes() {
    return null;
  }

  /** Whether a table the driver lists as an ordinary table is the engine's own bookkeeping. */
  default boolean isSystemTable(String name) {
    return false;
  }

  /** Adds every primary key and unique constraint in {@code scope}. */
  void keys(Connection c, Catalog.Scope scope, CatalogFacts facts) throws SQLException;

  /** Adds every foreign key in {@code scope}. */
  void foreignKeys(Connection c, Catalog.Scope scope, CatalogFacts facts) throws SQLException;

  /** Adds every index in {@code scope}, including those backing constraints. */
  void indexes(Connection c, Catalog.Scope scope, CatalogFacts facts) throws SQLException;

  /** Corrects what the driver's column metadata gets wrong; runs after keys are known. */
  default void adjustColumns(CatalogFacts facts) {}

  /** Reads one row of a catalog query. */
  @FunctionalInterface
  interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs one catalog query with the namespace bound to every {@code ?}, feeding each row to
   * {@code row}; a failure names what was being read.
   */
  static void query(Connection c, String what, String sql, Catalog.Scope scope, Row row)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      // Counted here: getParameterMetaData() would cost pgjdbc a round trip of its own.
      long params = sql.chars().filter(ch -> ch == '?').count();
      for (int i = 1; i <= params; i++) {
        ps.setString(i, scope.namespace());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new SQLException("reading " + what + " of " + scope + ": " + e.getMessage(),
          e.getSQLState(), e.getErrorCode(), e);
    }
  }
}
