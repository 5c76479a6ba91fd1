package dev.ferry.dialect.h2;

import dev.ferry.catalog.CatalogReader;
import dev.ferry.checksum.ChecksumSql;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.Dialect;
import dev.ferry.sink.BatchSink;
import dev.ferry.sink.BatchSql;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;
import dev.ferry.sink.ValueLimits;
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
 * H2 (2.x), embedded or over TCP: JDBC batches and {@code MERGE INTO … KEY}, its standard
 * {@code INFORMATION_SCHEMA} for keys and indexes, SHA-256 for checksums.
 *
 * <p>H2 builds a whole result in memory unless asked to run queries lazily, and counts string
 * lengths in UTF-16 units. Its merges lock key gaps, so upserts run one chunk at a time.
 */
public final class H2Dialect implements Dialect {
  private static final Capabilities CAPABILITIES = new Capabilities(Capabilities.BulkLoad.BATCH, false, true,
      false, Capabilities.Namespaces.SCHEMAS, Capabilities.IdentityModel.SEQUENCE, true);
  private static final ValueLimits LIMITS = new ValueLimits(true, true, Integer.MIN_VALUE,
      Integer.MAX_VALUE, false);
  private static final Ddl DDL = new H2Ddl();

  @Override public String driverClass() {
    return "org.h2.Driver";
  }

  @Override public String name() {
    return "h2";
  }

  @Override public Set<String> subprotocols() {
    return Set.of("h2");
  }

  @Override public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** The database file; an in-memory database by its URL. */
  @Override public String instanceIdentity(Connection c, DatabaseSpec spec) throws SQLException {
    String path = Jdbc.firstRow(c, "SELECT DATABASE_PATH()");
    return path == null || path.equals("null") ? Dialect.super.instanceIdentity(c, spec)
        : "h2:" + java.nio.file.Path.of(path).toAbsolutePath().normalize();
  }

  /** Without it, H2 builds the whole result in memory before the first row is read. */
  @Override public void driverProperties(DatabaseSpec spec, Properties p) {
    if (!spec.url().toUpperCase(Locale.ROOT).contains("LAZY_QUERY_EXECUTION")) {
      p.setProperty("LAZY_QUERY_EXECUTION", "TRUE");
    }
  }

  @Override public SqlDialect calciteDialect(DatabaseMetaData md) throws SQLException {
    return FerryH2SqlDialect.of(md);
  }

  @Override public CatalogReader catalogReader() {
    return new H2Catalog();
  }

  @Override public ValueLimits valueLimits() {
    return LIMITS;
  }

  @Override public Ddl ddl() {
    return DDL;
  }

  @Override public TableSink openSink(SinkContext ctx, Connection c) {
    return new BatchSink(ctx, c, BatchSql.STANDARD, ValueBinder.JDBC);
  }

  @Override public ChecksumSql checksumSql() {
    return new H2ChecksumSql();
  }

  /** {@code INFORMATION_SCHEMA.TABLES.ROW_COUNT_ESTIMATE}. */
  @Override public Map<String, Long> rowEstimates(Connection c, @Nullable String namespace)
      throws SQLException {
    return Jdbc.longsByName(c, "SELECT TABLE_NAME, ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE ROW_COUNT_ESTIMATE IS NOT NULL AND TABLE_SCHEMA = COALESCE(?, SCHEMA())", namespace);
  }
}
