package dev.ferry.catalog;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How one engine's catalog is read: primary and unique keys, foreign keys and indexes of the
 * tables in a namespace (all of them, or those {@link CatalogFacts#only} names).
 *
 * <p>Tables and columns come from {@code DatabaseMetaData} for every engine; JDBC has no bulk
 * call for keys and indexes, only per-table ones, so each engine's dialect answers from its own
 * catalog with one query per kind ({@link SqlCatalog}). Inspecting a database then costs the
 * same few round trips whether it has three tables or three thousand. {@link MetadataCatalog}
 * is the per-table fallback for engines without such queries. A reader may keep state while
 * one inspection runs, so each inspection asks its dialect for a new one.
 */
public interface CatalogReader {
  /**
   * Whether keys and indexes cost a fixed number of round trips per database (true) or a few
   * per table ({@link MetadataCatalog}).
   */
  boolean bulk();

  /**
   * Table types to ask {@code getTables} for: the engine's relations (tables and views of every
   * kind, never indexes or sequences), which inspection lists and which are the tables of the
   * federation's SQL namespace. Null asks for all and lets the caller sort them.
   */
  default String @Nullable [] tableTypes() {
    return null;
  }

  /** Whether a table the driver lists as an ordinary table is the engine's own bookkeeping. */
  default boolean isSystemTable(String name) {
    return false;
  }

  /** Adds every primary key and unique constraint in {@code scope}. */
  void keys(Connection c, Scope scope, CatalogFacts facts) throws SQLException;

  /** Adds every foreign key in {@code scope}. */
  void foreignKeys(Connection c, Scope scope, CatalogFacts facts) throws SQLException;

  /** Adds every index in {@code scope}, including those backing constraints. */
  void indexes(Connection c, Scope scope, CatalogFacts facts) throws SQLException;

  /** Corrects what the driver's column metadata gets wrong; runs after keys are known. */
  default void adjustColumns(CatalogFacts facts) {}

  /**
   * Reads what a migration needs beyond keys and indexes: CHECK constraints, enumerated and
   * domain types (a domain column's {@code typeName} becomes its base type), column comments,
   * view definitions and partitions. Nothing by default.
   */
  default void structure(Connection c, Scope scope, CatalogFacts facts) throws SQLException {}

  /** Reads one row of a catalog query. */
  @FunctionalInterface
  interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * {@link #query} for the tables being inspected: {@code sql}'s {@code {tables:…}} marker
   * rendered for {@link CatalogFacts#only} and their names bound to it.
   */
  static void read(Connection c, String what, String sql, Scope scope, CatalogFacts facts,
      Row row) throws SQLException {
    query(c, what, SqlCatalog.render(sql, facts.only()), scope, facts.only(), row);
  }

  /**
   * Runs one catalog query with the namespace bound to every {@code ?} and then each name of
   * {@code tables} (when the query was rendered for them), feeding each row to {@code row}; a
   * failure names what was being read.
   */
  static void query(Connection c, String what, String sql, Scope scope,
      @Nullable List<String> tables, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      // Counted here: getParameterMetaData() would cost pgjdbc a round trip of its own.
      long params = sql.chars().filter(ch -> ch == '?').count();
      int names = tables == null ? 0 : tables.size();
      for (int i = 1; i <= params - names; i++) {
        ps.setString(i, scope.namespace());
      }
      for (int i = 0; i < names; i++) {
        ps.setString((int) (params - names) + i + 1, tables.get(i));
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
