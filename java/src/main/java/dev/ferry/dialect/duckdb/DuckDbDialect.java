package dev.ferry.dialect.duckdb;

import dev.ferry.catalog.CatalogReader;
import dev.ferry.checksum.ChecksumSql;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.Connector;
import dev.ferry.dialect.Dialect;
import dev.ferry.sink.BatchSink;
import dev.ferry.sink.BatchSql;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnTypes;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * DuckDB (embedded: {@code jdbc:duckdb:path/file.duckdb}, or {@code jdbc:duckdb:} in memory):
 * the appender for bulk loads, {@code duckdb_constraints()} and {@code duckdb_indexes()} for keys
 * and indexes, {@code hash()} for checksums.
 *
 * <p>What DuckDB does differently, and how this dialect meets it:
 * <ul>
 *   <li>The database lives in this process; every connection of a pool duplicates one
 *       ({@link DuckDbConnector}), and results stream only when asked to.
 *   <li>Its driver lists system and temp catalogs beside the database, so lookups name the
 *       database's own catalog.
 *   <li>Transactions are snapshots taken at their first statement, and a transaction that began
 *       before another committed cannot update a row that one changed: a copy's chunks, which
 *       each update the one checkpoint row, are written one at a time.
 *   <li>Calcite writes PostgreSQL's SQL for it, which DuckDB reads (Calcite's own DuckDB dialect
 *       adds character sets to casts, which DuckDB rejects).
 * </ul>
 */
public final class DuckDbDialect implements Dialect {
  private static final Capabilities CAPABILITIES = new Capabilities(
      Capabilities.BulkLoad.APPENDER, true, false, false, Capabilities.Namespaces.SCHEMAS,
      Capabilities.IdentityModel.SEQUENCE, true);
  private static final Ddl DDL = new DuckDbDdl();
  private static final SqlSpelling SPELLING = new DuckDbSqlSpelling();
  private static final ColumnTypes TYPES = new DuckDbColumnTypes();
  private static final ValueReaders READERS = new DuckDbValueReaders();
  private static final SqlDialect CALCITE = DuckDbSqlDialect.INSTANCE;

  /** Several rows to a statement (DuckDB runs a JDBC batch row by row); upserts as ON CONFLICT. */
  private static final BatchSql BATCH = BatchSql.onConflict(true);

  @Override public String name() {
    return "duckdb";
  }

  @Override public Set<String> subprotocols() {
    return Set.of("duckdb");
  }

  @Override public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** The database file; an in-memory database is its config entry's own instance. */
  @Override public String instanceIdentity(Connection c, DatabaseSpec spec) throws SQLException {
    String path = Jdbc.firstRow(c,
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()");
    return path == null || path.isEmpty() || path.equals("null") ? "duckdb:memory:" + spec.name()
        : "duckdb:" + java.nio.file.Path.of(path).toAbsolutePath().normalize();
  }

  /** {@code Duplicate key … violates primary key constraint} (no SQL state). */
  @Override public boolean isDuplicateKey(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("Duplicate key") || Dialect.super.isDuplicateKey(e);
  }

  @Override public Connector connector(DatabaseSpec spec) {
    return new DuckDbConnector();
  }

  /**
   * Results stream instead of being built whole in memory; a read-only database is opened
   * read-only. DuckDB refuses properties it does not know, and takes no user or password.
   */
  @Override public void driverProperties(DatabaseSpec spec, Properties p) {
    p.remove("user");
    p.remove("password");
    p.setProperty("jdbc_stream_results", "true");
    if (spec.readOnly() && !spec.url().toLowerCase(Locale.ROOT).contains("access_mode")) {
      p.setProperty("duckdb.read_only", "true");
    }
  }

  @Override public boolean catalogQualified() {
    return true;
  }

  @Override public boolean isSystemNamespace(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("information_schema") || n.equals("pg_catalog");
  }

  @Override public SqlDialect calciteDialect(DatabaseMetaData md) {
    return CALCITE;
  }

  @Override public ColumnTypes columnTypes() {
    return TYPES;
  }

  @Override public CatalogReader catalogReader() {
    return new DuckDbCatalog();
  }

  @Override public ValueReaders valueReaders() {
    return READERS;
  }

  @Override public SqlSpelling sqlSpelling() {
    return SPELLING;
  }

  @Override public Ddl ddl() {
    return DDL;
  }

  /** The appender for inserts into tables it can fill; multi-row statements otherwise. */
  @Override public TableSink openSink(SinkContext ctx, Connection c) {
    return ctx.options.mode() == TableSink.Mode.INSERT
        && DuckDbAppenderSink.appendable(ctx.targetColumns)
        ? new DuckDbAppenderSink(ctx, c) : new BatchSink(ctx, c, BATCH, ValueBinder.JDBC);
  }

  @Override public ChecksumSql checksumSql() {
    return new DuckDbChecksumSql();
  }

  /** {@code duckdb_tables().estimated_size}. */
  @Override public Map<String, Long> rowEstimates(Connection c, @Nullable String namespace)
      throws SQLException {
    return Jdbc.longsByName(c, "SELECT table_name, estimated_size FROM duckdb_tables()"
        + " WHERE estimated_size IS NOT NULL AND schema_name = COALESCE(?, current_schema())",
        namespace);
  }
}
