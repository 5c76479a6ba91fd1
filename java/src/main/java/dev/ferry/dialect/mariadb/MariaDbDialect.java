package dev.ferry.dialect.mariadb;

import dev.ferry.arrow.DriverCells;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.CodeObject;
import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.dialect.CopyTextLoader;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.ReadSnapshot;
import dev.ferry.sink.BatchSink;
import dev.ferry.sink.BatchSql;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;
import dev.ferry.sink.ValueLimits;
import dev.ferry.types.ColumnTypes;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB, and MySQL through MariaDB's driver: {@code LOAD DATA LOCAL} from a stream Ferry
 * writes, {@code information_schema} for keys and indexes, MD5 for checksums.
 *
 * <p>Namespaces are databases (JDBC catalogs). Merges lock key gaps, so upserts run one chunk at
 * a time; they use multi-row {@code INSERT … ON DUPLICATE KEY UPDATE}.
 */
public final class MariaDbDialect implements Dialect {
  private static final Capabilities CAPABILITIES = new Capabilities(Capabilities.BulkLoad.LOAD_DATA, false, true,
      false, Capabilities.Namespaces.CATALOGS, Capabilities.IdentityModel.AUTO_INCREMENT, true);
  /** DATE and DATETIME hold years 0 to 9999. */
  private static final ValueLimits LIMITS = ValueLimits.CHECKED.years(0, 9999).finiteFloatsOnly();
  private static final Ddl DDL = new MariaDbDdl();
  private static final DriverCells DRIVER_CELLS = new DriverCells(true, true);
  private static final SqlSpelling SPELLING = new MariaDbSqlSpelling();
  private static final ColumnTypes TYPES = new MariaDbColumnTypes();
  private static final ChangeCapture CAPTURE = new MariaDbChangeCapture();
  private static final Set<String> SYSTEM = Set.of("information_schema", "mysql",
      "performance_schema", "sys");

  /** Several rows to a statement; upserts as {@code ON DUPLICATE KEY UPDATE}. */
  private static final BatchSql BATCH = new BatchSql() {
    @Override public boolean multiRow() {
      return true;
    }

    @Override public String upsert(SinkContext ctx, String values) {
      String set = BatchSql.assignments(ctx, c -> "VALUES(" + c + ")");
      if (set.isEmpty()) {
        // Every column is part of the key: a no-op update keeps the existing row.
        String c = ctx.dialect.quoteIdentifier(ctx.columns.get(ctx.keyIndexes[0]));
        set = c + " = " + c;
      }
      return "INSERT INTO " + ctx.table.quoted(ctx.dialect) + " " + ctx.columnList() + " VALUES "
          + values + " ON DUPLICATE KEY UPDATE " + set;
    }
  };

  /** Instants as UTC wall-clock values: DATETIME has no zone. */
  private static final ValueBinder BINDER = new ValueBinder() {
    @Override public void bind(PreparedStatement ps, int p, @Nullable Object v, int nullType)
        throws SQLException {
      ValueBinder.super.bind(ps, p, v instanceof OffsetDateTime o
          ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : v, nullType);
    }
  };

  @Override public String driverClass() {
    return "org.mariadb.jdbc.Driver";
  }

  @Override public String name() {
    return "mariadb";
  }

  @Override public Set<String> subprotocols() {
    return Set.of("mariadb", "mysql");
  }

  @Override public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** The server (host, port, data directory); the database is the namespace. */
  @Override public String instanceIdentity(Connection c, DatabaseSpec spec) throws SQLException {
    return "mariadb:" + Jdbc.firstRow(c, "SELECT @@hostname, @@port, @@datadir");
  }

  /** A named lock ({@code GET_LOCK}); names are hashed to fit its 64 characters. */
  /** {@code KILL QUERY} on a connection of its own. */
  @Override public void cancelRunning(Connection c) throws SQLException {
    c.unwrap(org.mariadb.jdbc.Connection.class).cancelCurrentQuery();
  }

  @Override public Boolean tryLock(Connection c, String name) throws SQLException {
    return "1".equals(Jdbc.firstRow(c, "SELECT GET_LOCK(?, 0)", lockName(name)));
  }

  @Override public void unlock(Connection c, String name) throws SQLException {
    Jdbc.firstRow(c, "SELECT RELEASE_LOCK(?)", lockName(name));
  }

  private static String lockName(String name) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256")
          .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "ferry:" + java.util.HexFormat.of().formatHex(h, 0, 24);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Error 1062, {@code Duplicate entry … for key …}. */
  @Override public boolean isDuplicateKey(SQLException e) {
    return e.getErrorCode() == MariaDbLoadSink.DUPLICATE_ENTRY || Dialect.super.isDuplicateKey(e);
  }

  /**
   * Lets {@code ferry copy} load with LOAD DATA LOCAL from a stream Ferry itself writes; it never
   * names a file of the client machine. Not for read-only databases. Reads YEAR as the number it
   * holds: by default the driver hands it out as a DATE (2006 becomes 2006-01-01), which no SMALLINT
   * or YEAR column takes back.
   */
  @Override public void driverProperties(DatabaseSpec spec, Properties p) {
    String url = spec.url().toLowerCase(Locale.ROOT);
    if (!spec.readOnly() && !url.contains("allowlocalinfile")) {
      p.setProperty("allowLocalInfile", "true");
    }
    if (!url.contains("yearisdatetype")) {
      p.setProperty("yearIsDateType", "false");
    }
  }

  @Override public void prepareWriter(Connection c) throws SQLException {
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
  }

  @Override public boolean isSystemNamespace(String name) {
    return SYSTEM.contains(name.toLowerCase(Locale.ROOT));
  }

  /** MariaDB speaks MySQL's dialect: backticks, CHAR in casts, LIMIT. */
  @Override public SqlDialect calciteDialect(DatabaseMetaData md) throws SQLException {
    return new MariaDbSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT
        .withDatabaseProductName(md.getDatabaseProductName())
        .withDatabaseMajorVersion(md.getDatabaseMajorVersion())
        .withDatabaseMinorVersion(md.getDatabaseMinorVersion()));
  }

  @Override public ColumnTypes columnTypes() {
    return TYPES;
  }

  /** BIT(64) columns read unsigned ({@link MariaDbBitResults}); other results as they are. */
  @Override public ResultSet wrapResults(ResultSet rs, Statement owner) {
    return MariaDbBitResults.wrap(rs, owner);
  }

  /**
   * Connector/J sends every text cell as the connection's utf8mb4 bytes and every DATE as its
   * {@code yyyy-MM-dd} text (zero dates too, which the typed read then decides on).
   */
  @Override public DriverCells driverCells() {
    return DRIVER_CELLS;
  }

  /**
   * BIT(n > 1) is its unsigned integer ({@link CellKind#BIT_INTEGER}); BIT(1) a boolean, as is
   * TINYINT(1), which the driver reports as BIT under its own name.
   */
  @Override public CellKind cellKind(int jdbcType, String typeName, int size) {
    return jdbcType == Types.BIT && size > 1 && typeName.equalsIgnoreCase("BIT") ? CellKind.BIT_INTEGER
        : CellKind.of(jdbcType, typeName, size);
  }

  @Override public CatalogReader catalogReader() {
    return new MariaDbCatalog();
  }

  @Override public ValueLimits valueLimits() {
    return LIMITS;
  }

  @Override public ValueBinder binder() {
    return BINDER;
  }

  @Override public SqlSpelling sqlSpelling() {
    return SPELLING;
  }

  @Override public Ddl ddl() {
    return DDL;
  }

  /** LOAD DATA for plain inserts when the server allows it; multi-row INSERTs otherwise. */
  @Override public TableSink openSink(SinkContext ctx, Connection c) {
    return ctx.options.mode() == TableSink.Mode.INSERT && MariaDbLoadSink.available(c)
        ? new MariaDbLoadSink(ctx, c) : new BatchSink(ctx, c, BATCH, BINDER);
  }

  /** Data and index bytes of each table, as InnoDB estimates them. */
  @Override public Map<String, Long> tableBytes(Connection c, @Nullable String namespace)
      throws SQLException {
    return Jdbc.longsByName(c, "SELECT TABLE_NAME, COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0)"
        + " FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
        + " AND TABLE_SCHEMA = COALESCE(?, DATABASE())", namespace);
  }

  @Override public ReadSnapshot readSnapshot(ReadSnapshot.Opener open, int workers)
      throws SQLException {
    return MariaDbSnapshot.open(open, workers);
  }

  @Override public Map<String, Map<String, Long>> identityNext(Connection c, @Nullable String namespace)
      throws SQLException {
    return MariaDbSnapshot.identityNext(c, namespace);
  }

  /** Triggers, stored routines, events, and columns that set themselves ON UPDATE. */
  @Override public List<CodeObject> codeObjects(Connection c, @Nullable String namespace)
      throws SQLException {
    String[][] queries = {
      {"trigger", "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION)"
          + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = COALESCE(?, DATABASE()) ORDER BY 2, 1"},
      {null, "SELECT ROUTINE_NAME, NULL, LOWER(ROUTINE_TYPE) FROM information_schema.ROUTINES"
          + " WHERE ROUTINE_SCHEMA = COALESCE(?, DATABASE()) ORDER BY 1"},
      {"event", "SELECT EVENT_NAME, NULL, NULL FROM information_schema.EVENTS"
          + " WHERE EVENT_SCHEMA = COALESCE(?, DATABASE()) ORDER BY 1"},
      {"on update", "SELECT COLUMN_NAME, TABLE_NAME, EXTRA FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND LOWER(EXTRA) LIKE '%on update%' ORDER BY 2, 1"},
    };
    List<CodeObject> out = new ArrayList<>();
    for (String[] q : queries) {
      try (PreparedStatement ps = c.prepareStatement(q[1])) {
        ps.setString(1, namespace);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(q[0] == null ? new CodeObject(rs.getString(3), rs.getString(1), null, null)
                : new CodeObject(q[0], rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
      }
    }
    return out;
  }

  @Override public ChecksumSql checksumSql() {
    return new MariaDbChecksumSql();
  }

  /** The binlog through Debezium's MariaDB connector ({@link MariaDbChangeCapture}). */
  @Override public ChangeCapture changeCapture() {
    return CAPTURE;
  }

  @Override public CopyTextLoader copyTextLoader() {
    return new MariaDbLoadFromCopyText();
  }

  /** {@code information_schema.TABLES.TABLE_ROWS}: InnoDB's sampled estimate. */
  @Override public Map<String, Long> rowEstimates(Connection c, @Nullable String namespace)
      throws SQLException {
    return Jdbc.longsByName(c, "SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
        + " WHERE TABLE_ROWS IS NOT NULL AND TABLE_SCHEMA = COALESCE(?, DATABASE())", namespace);
  }
}
