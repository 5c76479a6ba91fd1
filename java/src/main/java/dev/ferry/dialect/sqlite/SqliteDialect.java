package dev.ferry.dialect.sqlite;

import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.CodeObject;
import dev.ferry.checksum.CellKind;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.Dialect;
import dev.ferry.sink.BatchSink;
import dev.ferry.sink.BatchSql;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;
import dev.ferry.sink.ValueLimits;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnTypes;
import dev.ferry.util.Jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQLite (xerial's driver): an embedded file with one writer at a time and types as free text.
 *
 * <p>SQLite enforces no declared length or precision and keeps each value in whatever storage
 * class it was given, so values are written as text where exactness demands it (dates, times,
 * decimals) and read back by their column's declared type; its driver's own type codes are
 * guesses (DECIMAL as FLOAT), so declared names decide. It has no hash function, so verification
 * streams its rows into the JVM.
 */
public final class SqliteDialect implements Dialect {
  private static final Capabilities CAPABILITIES = new Capabilities(Capabilities.BulkLoad.BATCH, true, false,
      false, Capabilities.Namespaces.NONE, Capabilities.IdentityModel.ROWID, false);
  private static final Ddl DDL = new SqliteDdl();
  private static final SqlSpelling SPELLING = new SqliteSqlSpelling();
  private static final ColumnTypes TYPES = new SqliteColumnTypes();
  private static final ValueReaders READERS = new SqliteValueReaders();

  private static final SqlDialect CALCITE = FerrySqliteSqlDialect.INSTANCE;

  /** Upserts as {@code ON CONFLICT (key) DO UPDATE}, one row to a statement. */
  private static final BatchSql BATCH = BatchSql.onConflict(false);

  /**
   * No date, time or exact decimal storage: those values go as text (ISO dates,
   * {@code yyyy-MM-dd HH:mm:ss.ffffff}, plain decimals), which Ferry reads back exactly;
   * booleans as 0/1.
   */
  private static final ValueBinder BINDER = new ValueBinder() {
    @Override public void bind(PreparedStatement ps, int p, @Nullable Object v, int nullType)
        throws SQLException {
      if (v instanceof BigDecimal d) {
        ps.setString(p, d.toPlainString());
      } else if (v instanceof Boolean b) {
        ps.setInt(p, b ? 1 : 0);
      } else if (v instanceof LocalDate d) {
        ps.setString(p, d.toString());
      } else if (v instanceof LocalDateTime || v instanceof LocalTime || v instanceof OffsetDateTime) {
        ps.setString(p, SinkValues.text(v));
      } else {
        ValueBinder.super.bind(ps, p, v, nullType);
      }
    }
  };

  @Override public String driverClass() {
    return "org.sqlite.JDBC";
  }

  @Override public String name() {
    return "sqlite";
  }

  @Override public Set<String> subprotocols() {
    return Set.of("sqlite");
  }

  @Override public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** The database file; an in-memory database is its connection's own. */
  @Override public String instanceIdentity(Connection c, DatabaseSpec spec) throws SQLException {
    String file = Jdbc.firstRow(c, "SELECT file FROM pragma_database_list WHERE name = 'main'");
    return file == null || file.isEmpty() ? "sqlite:memory:" + System.identityHashCode(c)
        : "sqlite:" + java.nio.file.Path.of(file).toAbsolutePath().normalize();
  }

  /** {@code UNIQUE constraint failed: …} (SQLite reports no SQL state). */
  @Override public boolean isDuplicateKey(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("UNIQUE constraint failed") || m.contains("PRIMARY KEY must be unique");
  }

  @Override public void driverProperties(DatabaseSpec spec, Properties p) {
    if (spec.readOnly()) {
      p.setProperty("open_mode", "1");
    }
  }

  /** LIKE compares case as Ferry does everywhere (SQLite's own LIKE ignores ASCII case). */
  @Override public void prepare(Connection c, DatabaseSpec spec) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA case_sensitive_like = true");
    }
  }

  @Override public ResultSet wrapResults(ResultSet rs, Statement owner) {
    return SqliteResults.wrap(rs, owner);
  }

  /** The driver's own result set, each cell fetched from the native library once per row. */
  @Override public ResultSet driverResults(ResultSet rs) throws SQLException {
    return new SqliteCells(rs.unwrap(ResultSet.class));
  }

  /**
   * Each table's highest rowid, which for tables rows are appended to is about their row count
   * (found in the table's b-tree without a scan); a table without rowid is left out.
   */
  /**
   * Pages of each table and its indexes, from the {@code dbstat} virtual table; unknown (empty)
   * where the SQLite library was built without it.
   */
  @Override public Map<String, Long> tableBytes(Connection c, @Nullable String namespace) {
    try {
      return Jdbc.longsByName(c, "SELECT m.tbl_name, SUM(s.pgsize) FROM dbstat AS s"
          + " JOIN sqlite_master AS m ON m.name = s.name WHERE m.type IN ('table', 'index')"
          + " AND m.tbl_name NOT LIKE 'sqlite!_%' ESCAPE '!' GROUP BY m.tbl_name");
    } catch (SQLException noDbstat) {
      return Map.of();
    }
  }

  @Override public Map<String, Long> tableSizes(Connection c, @Nullable String namespace)
      throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM"
        + " sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    Map<String, Long> out = new HashMap<>();
    for (String t : tables) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT MAX(rowid) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
        if (rs.next()) {
          out.put(t, rs.getLong(1));
        }
      } catch (SQLException withoutRowid) {
        // Its size stays unknown.
      }
    }
    return out;
  }

  /** SQLite's triggers (it has no stored routines). */
  @Override public List<CodeObject> codeObjects(Connection c, @Nullable String namespace)
      throws SQLException {
    List<CodeObject> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY 2, 1")) {
      while (rs.next()) {
        out.add(new CodeObject("trigger", rs.getString(1), rs.getString(2), null));
      }
    }
    return out;
  }

  @Override public SqlDialect calciteDialect(DatabaseMetaData md) {
    return CALCITE;
  }

  @Override public ColumnTypes columnTypes() {
    return TYPES;
  }

  @Override public CatalogReader catalogReader() {
    return new SqliteCatalog();
  }

  @Override public ValueReaders valueReaders() {
    return READERS;
  }

  @Override public ValueLimits valueLimits() {
    return ValueLimits.UNCHECKED;
  }

  @Override public ValueBinder binder() {
    return BINDER;
  }

  /**
   * The kind of a column from its declared type: the driver reports DECIMAL as FLOAT and BLOB as
   * VARCHAR, so the name decides, in the spirit of SQLite's own affinity rules.
   */
  @Override public CellKind cellKind(int jdbcType, String typeName, int size) {
    String n = typeName.toUpperCase(Locale.ROOT);
    if (n.contains("INT")) {
      return CellKind.INTEGER;
    }
    if (n.contains("BOOL")) {
      return CellKind.BOOLEAN;
    }
    if (n.contains("DEC") || n.contains("NUMERIC")) {
      return CellKind.DECIMAL;
    }
    if (n.contains("REAL") || n.contains("FLOA") || n.contains("DOUB")) {
      return CellKind.DOUBLE;
    }
    if (n.contains("BLOB") || n.contains("BINARY") || n.contains("BYTEA")) {
      return CellKind.BINARY;
    }
    if (n.contains("TIMESTAMP") || n.contains("DATETIME")) {
      return CellKind.TIMESTAMP;
    }
    if (n.contains("DATE")) {
      return CellKind.DATE;
    }
    if (n.contains("TIME")) {
      return CellKind.TIME;
    }
    return CellKind.TEXT;
  }

  @Override public SqlSpelling sqlSpelling() {
    return SPELLING;
  }

  @Override public Ddl ddl() {
    return DDL;
  }

  @Override public TableSink openSink(SinkContext ctx, Connection c) {
    return new BatchSink(ctx, c, BATCH, BINDER);
  }

  /**
   * The row counts {@code ANALYZE} wrote to {@code sqlite_stat1} (the first number of each
   * entry); none for a database never analyzed.
   */
  @Override public Map<String, Long> rowEstimates(Connection c, @Nullable String namespace)
      throws SQLException {
    String schema = namespace == null ? "main" : namespace;
    String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
    if (Jdbc.longsByName(c, "SELECT name, 1 FROM " + quoted + ".sqlite_master WHERE name = 'sqlite_stat1'")
        .isEmpty()) {
      return Map.of();
    }
    return Jdbc.longsByName(c, "SELECT tbl, MAX(CAST(stat AS INTEGER)) FROM " + quoted
        + ".sqlite_stat1 GROUP BY tbl");
  }
}
