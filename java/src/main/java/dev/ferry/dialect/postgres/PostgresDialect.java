package dev.ferry.dialect.postgres;

import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.CodeObject;
import dev.ferry.checksum.ChecksumSql;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.dialect.ArrowLoader;
import dev.ferry.dialect.BatchReader;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.dialect.CopyTextLoader;
import dev.ferry.dialect.CopyTextSource;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.ReadSnapshot;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.SourceText;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;
import dev.ferry.sink.ValueLimits;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.ColumnTypes;
import dev.ferry.types.TableName;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL: {@code COPY} both ways, {@code pg_catalog} for keys and indexes,
 * {@code hashtextextended} for checksums.
 *
 * <p>pgjdbc only streams a result inside a transaction, so every connection runs with autocommit
 * off. Rows from a PostgreSQL source into a PostgreSQL target travel as the source's own text
 * (never decoded), or as COPY text end to end ({@link CopyRelay}) when the column types match.
 */
public final class PostgresDialect implements Dialect {
  private static final Capabilities CAPABILITIES = new Capabilities(Capabilities.BulkLoad.COPY, true, true, true,
      Capabilities.Namespaces.SCHEMAS, Capabilities.IdentityModel.SEQUENCE, true);
  /** Dates from 4713 BC (year -4712) to 294276 AD; {@code infinity} is none of them. */
  private static final ValueLimits LIMITS = ValueLimits.CHECKED.years(-4712, 294276);
  private static final Ddl DDL = new PostgresDdl();
  private static final ColumnTypes TYPES = new PostgresColumnTypes();
  private static final SqlSpelling SPELLING = new PostgresSqlSpelling();
  /** The first key of Ferry's advisory locks ("Fery" in ASCII), apart from the application's. */
  private static final int LOCK_CLASS = 0x46657279;
  /**
   * Text for a column pgjdbc reports as BIT or OTHER (a bit string's {@code '00101'} for
   * {@code bit(n)} or {@code varbit}) goes as an untyped parameter, which the server reads as the
   * column's type: a varchar parameter has no cast to those types.
   */
  private static final ValueBinder BINDER = new ValueBinder() {
    @Override public void bind(PreparedStatement ps, int p, @Nullable Object v, int nullType)
        throws SQLException {
      if (v instanceof String s && (nullType == Types.BIT || nullType == Types.OTHER)) {
        ps.setObject(p, s, Types.OTHER);
      } else {
        ValueBinder.super.bind(ps, p, v, nullType);
      }
    }
  };

  @Override public String driverClass() {
    return "org.postgresql.Driver";
  }

  @Override public String name() {
    return "postgresql";
  }

  @Override public Set<String> subprotocols() {
    return Set.of("postgresql");
  }

  @Override public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** The server (its start time and port) and the database. */
  @Override public String instanceIdentity(Connection c, DatabaseSpec spec) throws SQLException {
    return "postgresql:" + Jdbc.firstRow(c, "SELECT extract(epoch FROM pg_postmaster_start_time()),"
        + " current_setting('port'), current_database()");
  }

  /** A session-level advisory lock in Ferry's own class of lock ids. */
  @Override public Boolean tryLock(Connection c, String name) throws SQLException {
    return "t".equals(Jdbc.firstRow(c, "SELECT pg_try_advisory_lock(" + LOCK_CLASS + ", hashtext(?))",
        name));
  }

  @Override public void unlock(Connection c, String name) throws SQLException {
    Jdbc.firstRow(c, "SELECT pg_advisory_unlock(" + LOCK_CLASS + ", hashtext(?))", name);
  }

  @Override public void prepare(Connection c, DatabaseSpec spec) throws SQLException {
    c.setAutoCommit(false);
  }

  /** A cancel request on a connection of its own, as {@code Ctrl-C} in psql sends. */
  @Override public void cancelRunning(Connection c) throws SQLException {
    c.unwrap(org.postgresql.core.BaseConnection.class).cancelQuery();
  }

  /** When PostgreSQL expects few rows of an aggregate or a limit ({@link PostgresWholeRead}). */
  @Override public boolean readWhole(Connection c, String sql) throws SQLException {
    return PostgresWholeRead.wanted(c, sql);
  }

  @Override public void prepareWriter(Connection c) throws SQLException {
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
  }

  @Override public boolean isSystemNamespace(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return Dialect.super.isSystemNamespace(n) || n.equals("pg_catalog")
        || n.startsWith("pg_toast") || n.startsWith("pg_temp");
  }

  @Override public SqlDialect calciteDialect(DatabaseMetaData md) throws SQLException {
    return PostgresSqlDialect.of(md);
  }

  @Override public ColumnTypes columnTypes() {
    return TYPES;
  }

  @Override public CatalogReader catalogReader() {
    return new PostgresCatalog();
  }

  /**
   * From a PostgreSQL source, every cell as the text pgjdbc received (text protocol): text
   * columns as strings (so their length is checked), everything else as {@link SourceText},
   * which COPY parses back exactly.
   */
  @Override public SinkValues.Reader[] sinkReaders(@Nullable Dialect source, List<ColumnSpec> columns) {
    if (!(source instanceof PostgresDialect)) {
      return Dialect.super.sinkReaders(source, columns);
    }
    SinkValues.Reader[] out = new SinkValues.Reader[columns.size()];
    for (int i = 0; i < out.length; i++) {
      int col = i + 1;
      switch (columns.get(i).jdbcType()) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
        out[i] = rs -> rs.getString(col);
        break;
      default:
        out[i] = rs -> {
          String s = rs.getString(col);
          return s == null ? null : new SourceText(s);
        };
      }
    }
    return out;
  }

  @Override public ValueLimits valueLimits() {
    return LIMITS;
  }

  @Override public SqlSpelling sqlSpelling() {
    return SPELLING;
  }

  @Override public Ddl ddl() {
    return DDL;
  }

  @Override public TableSink openSink(SinkContext ctx, Connection c) {
    return new PostgresCopySink(ctx, c);
  }

  @Override public ValueBinder binder() {
    return BINDER;
  }

  /** TRUNCATE is transactional here, and frees the space at once. */
  @Override public String emptyTable(String quotedTable) {
    return "TRUNCATE TABLE " + quotedTable;
  }

  /** Bytes on disk, indexes and TOAST included, of each table and materialized view. */
  @Override public Map<String, Long> tableBytes(Connection c, @Nullable String namespace)
      throws SQLException {
    String q = "SELECT c.relname, pg_catalog.pg_total_relation_size(c.oid) FROM pg_catalog.pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm')"
        + " AND n.nspname = COALESCE(CAST(? AS text), current_schema())";
    return Jdbc.longsByName(c, q, namespace);
  }

  @Override public ReadSnapshot readSnapshot(ReadSnapshot.Opener open, int workers)
      throws SQLException {
    return PostgresSnapshot.open(open, workers);
  }

  @Override public List<String> splitReads(Connection c, TableName table, @Nullable String integerKey,
      int parts) throws SQLException {
    return PostgresSnapshot.splitReads(c, table.quoted(calciteDialect(c.getMetaData())), parts);
  }

  @Override public Map<String, Map<String, Long>> identityNext(Connection c, @Nullable String namespace)
      throws SQLException {
    return PostgresSnapshot.identityNext(c, namespace);
  }

  /** Triggers (not the ones constraints make), and functions and procedures no extension owns. */
  @Override public List<CodeObject> codeObjects(Connection c, @Nullable String namespace)
      throws SQLException {
    String ns = "n.nspname = COALESCE(CAST(? AS text), current_schema())";
    List<CodeObject> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT t.tgname, r.relname,"
        + " substring(pg_catalog.pg_get_triggerdef(t.oid) from '(BEFORE|AFTER|INSTEAD OF) .* ON ')"
        + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class r ON r.oid = t.tgrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE NOT t.tgisinternal AND " + ns
        + " ORDER BY 2, 1")) {
      ps.setString(1, namespace);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String when = rs.getString(3);
          out.add(new CodeObject("trigger", rs.getString(1), rs.getString(2),
              when == null ? null : when.replaceAll(" ON $", "")));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT p.proname, p.prokind FROM pg_catalog.pg_proc p"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE " + ns
        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass"
        + " AND d.objid = p.oid AND d.deptype = 'e') ORDER BY 1")) {
      ps.setString(1, namespace);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String kind = switch (rs.getString(2)) {
            case "p" -> "procedure";
            case "a" -> "aggregate";
            default -> "function";
          };
          out.add(new CodeObject(kind, rs.getString(1), null, null));
        }
      }
    }
    return out;
  }

  /** Binary COPY decoded straight into Arrow, for the column types it reads exactly. */
  @Override public BatchReader batchReader() {
    return new PostgresBinaryCopy();
  }

  /** Logical decoding through {@code pgoutput}: a publication and a slot per sync job. */
  @Override public ChangeCapture changeCapture() {
    return new PostgresChangeCapture();
  }

  @Override public ChecksumSql checksumSql() {
    return new PostgresChecksumSql();
  }

  @Override public CopyTextSource copyTextSource() {
    return new PostgresCopyOut();
  }

  @Override public CopyTextLoader copyTextLoader() {
    return new PostgresCopyIn();
  }

  /** COPY text printed from the vectors: a restore builds no Java value per cell. */
  @Override public ArrowLoader arrowLoader() {
    return new PostgresArrowLoader();
  }

  /** {@code pg_class.reltuples}, which VACUUM and ANALYZE keep; -1 (never analyzed) is none. */
  @Override public Map<String, Long> rowEstimates(Connection c, @Nullable String namespace)
      throws SQLException {
    return Jdbc.longsByName(c, "SELECT c.relname, CAST(c.reltuples AS bigint) FROM pg_catalog.pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm', 'p')"
        + " AND c.reltuples >= 0 AND n.nspname = COALESCE(CAST(? AS text), current_schema())",
        namespace);
  }
}
