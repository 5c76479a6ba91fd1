package dev.ferry.dialect.jdbc;

import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.MetadataCatalog;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.Dialect;
import dev.ferry.sink.BatchSink;
import dev.ferry.sink.BatchSql;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDialectFactoryImpl;

/**
 * Any engine without a dialect of its own (HSQLDB, Derby, drivers in {@code drivers:}): what
 * JDBC alone offers. Calcite picks its SQL dialect from the driver's product name, keys and
 * indexes come from per-table {@code DatabaseMetaData} calls, rows go in JDBC batches, upserts
 * as {@code MERGE INTO … KEY} (which HSQLDB and Derby read), and verification hashes rows in the
 * JVM.
 */
public final class JdbcDialect implements Dialect {
  private static final Capabilities CAPABILITIES = new Capabilities(Capabilities.BulkLoad.BATCH, false, true,
      false, Capabilities.Namespaces.SCHEMAS, Capabilities.IdentityModel.GENERIC, true);
  /** System schemas of HSQLDB, Derby and DB2-like engines. */
  private static final Set<String> SYSTEM = Set.of("information_schema", "system_lobs", "sqlj",
      "nullid", "syscat", "sysfun", "sysibm", "sysproc", "sysstat", "syscs_diag", "syscs_util",
      "sys");

  @Override public String name() {
    return "jdbc";
  }

  /** None: the registry falls back to this dialect for any URL no other one serves. */
  @Override public Set<String> subprotocols() {
    return Set.of();
  }

  @Override public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override public boolean isSystemNamespace(String name) {
    return SYSTEM.contains(name.toLowerCase(Locale.ROOT));
  }

  @Override public SqlDialect calciteDialect(DatabaseMetaData md) throws SQLException {
    return SqlDialectFactoryImpl.INSTANCE.create(md);
  }

  @Override public CatalogReader catalogReader() {
    return new MetadataCatalog();
  }

  @Override public TableSink openSink(SinkContext ctx, Connection c) {
    return new BatchSink(ctx, c, BatchSql.STANDARD, ValueBinder.JDBC);
  }
}
