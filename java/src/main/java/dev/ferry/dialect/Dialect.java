package dev.ferry.dialect;

import dev.ferry.archive.Archive;
import dev.ferry.arrow.DriverCells;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.CodeObject;
import dev.ferry.catalog.Snapshot;
import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;
import dev.ferry.sink.ValueLimits;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.ColumnTypes;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything that differs between database engines, in one object per engine.
 *
 * <p>Shared code asks the dialect of the database at hand (its capabilities, its catalog reader,
 * its sink, its DDL, its checksum SQL, its Calcite {@code SqlDialect}) and never compares engine
 * names. Each engine is one package under {@code dev.ferry.dialect} with one implementation of
 * this interface, registered in {@code META-INF/services/dev.ferry.dialect.Dialect};
 * {@link Dialects} picks the one whose {@link #subprotocols} match a database's JDBC URL, or the
 * generic JDBC dialect for any other driver.
 *
 * <p>Defaults describe a plain JDBC engine: standard SQL DDL, batched inserts, checks on every
 * declared length, no in-database checksums.
 */
public interface Dialect {
  /** The engine's name as Ferry reports it: {@code postgresql}, {@code mariadb}, … */
  String name();

  /** The JDBC URL sub-protocols ({@code jdbc:<sub>:}) this dialect serves. */
  Set<String> subprotocols();

  /** What this engine can do, as data (doctor prints it). */
  Capabilities capabilities();

  // ---- connecting ----

  /**
   * How one database's physical connections are made: by default each from the engine's
   * {@link #driverClass} ({@link Connector#driver}), else through {@code DriverManager}; an engine
   * whose database lives in the connecting process (DuckDB) shares one instance.
   */
  default Connector connector(DatabaseSpec spec) {
    String driver = driverClass();
    return driver == null ? Connector.DRIVER_MANAGER : Connector.driver(driver);
  }

  /** The JDBC driver class this engine's URLs connect through directly; null: any driver. */
  default @Nullable String driverClass() {
    return null;
  }

  /** Adds the driver properties this engine needs to {@code p} (credentials are already set). */
  default void driverProperties(DatabaseSpec spec, Properties p) {}

  /**
   * Sets up a physical connection just opened for {@code spec}, before anyone uses it (e.g.
   * autocommit off where the driver only streams inside a transaction).
   */
  default void prepare(Connection c, DatabaseSpec spec) throws SQLException {}

  /**
   * Asks the server to stop the statement running on {@code c} now, from outside the connection
   * (a running statement holds it): a server waiting on a lock for a client that went away would
   * otherwise wait on, and queue everyone behind it. Nothing by default.
   */
  default void cancelRunning(Connection c) throws SQLException {}

  /**
   * Puts a connection that writes chunks of a copy in READ COMMITTED where the engine would
   * otherwise refuse chunk {@code i + 1}'s update of the checkpoint row chunk {@code i}
   * committed after it began (repeatable read, serializable).
   */
  default void prepareWriter(Connection c) throws SQLException {}

  /**
   * Wraps a result set that Calcite reads through Ferry's pool, for drivers whose values need
   * correcting on the way (SQLite's REAL decimals); {@code owner} is its statement.
   */
  default ResultSet wrapResults(ResultSet rs, Statement owner) {
    return rs;
  }

  /**
   * Whether the query {@code sql}, about to run on {@code c}, should be read in one round trip
   * rather than in batches of the fetch size: PostgreSQL runs a query in parallel only then, so
   * it says yes when its planner expects few rows. No by default.
   */
  default boolean readWhole(Connection c, String sql) throws SQLException {
    return false;
  }

  /** The driver's own result set under {@link #wrapResults}, for readers that do their own. */
  default ResultSet driverResults(ResultSet rs) throws SQLException {
    return rs;
  }

  /**
   * Whether tables live in the connection's own catalog among several the driver lists (DuckDB
   * lists its system and temp catalogs beside the database), so lookups name that catalog.
   */
  default boolean catalogQualified() {
    return false;
  }

  /** Whether a schema or catalog is the engine's own and never shown. */
  default boolean isSystemNamespace(String name) {
    return name.toLowerCase(Locale.ROOT).equals("information_schema");
  }

  /**
   * What identifies the server and database {@code c} is connected to, so that two configured
   * databases reaching the same one are recognized (a copy onto its own source is refused). By
   * default the URL without its parameters; engines that can ask the server do.
   */
  default String instanceIdentity(Connection c, DatabaseSpec spec) throws SQLException {
    String url = spec.url();
    int cut = url.indexOf('?');
    return (cut < 0 ? url : url.substring(0, cut)).toLowerCase(Locale.ROOT);
  }

  /**
   * The namespace {@code c} resolves unqualified names in (its current schema, or catalog where
   * namespaces are catalogs), or null where the engine has none.
   */
  default @Nullable String currentNamespace(Connection c) throws SQLException {
    return switch (capabilities().namespaces()) {
      case SCHEMAS -> c.getSchema();
      case CATALOGS -> c.getCatalog();
      default -> null;
    };
  }

  /**
   * Takes, without waiting, the lock called {@code name} for the session of {@code c}, held until
   * {@link #unlock} or the connection closes (commits do not release it): true when taken, false
   * when another session holds it, null when the engine has no such locks. Concurrent copies
   * into one table find each other this way.
   */
  default @Nullable Boolean tryLock(Connection c, String name) throws SQLException {
    return null;
  }

  /** Releases a lock {@link #tryLock} took on {@code c}. */
  default void unlock(Connection c, String name) throws SQLException {}

  /**
   * Whether {@code e} says a row with the same primary or unique key already exists (by default
   * SQL state 23505, the standard's unique violation).
   */
  default boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  // ---- federation ----

  /** The SQL dialect Calcite writes when it pushes work into this engine. */
  SqlDialect calciteDialect(DatabaseMetaData md) throws SQLException;

  /**
   * How this engine spells SQL, for translating its views, checks and defaults into another
   * engine's (standard SQL unless overridden).
   */
  default SqlSpelling sqlSpelling() {
    return SqlSpelling.STANDARD;
  }

  /** How this engine's column metadata maps to Calcite types. */
  default ColumnTypes columnTypes() {
    return ColumnTypes.DEFAULT;
  }

  // ---- catalog ----

  /** A new reader of keys, foreign keys and indexes, for one inspection. */
  CatalogReader catalogReader();

  // ---- values ----

  /** How cells of this engine's own driver are read ({@link ValueReaders#TYPED} unless odd). */
  default ValueReaders valueReaders() {
    return ValueReaders.TYPED;
  }

  /**
   * The readers a sink into this engine uses for rows typed as {@code columns}, coming from
   * {@code source}'s own driver (null: from Calcite's execution). A target that parses its
   * source's text exactly overrides this to pass the text through.
   */
  default SinkValues.Reader[] sinkReaders(@Nullable Dialect source, List<ColumnSpec> columns) {
    return SinkValues.readers(columns, source == null ? ValueReaders.TYPED : source.valueReaders());
  }

  /** What this engine's columns hold, to name a value it would refuse before it is sent. */
  default ValueLimits valueLimits() {
    return ValueLimits.CHECKED;
  }

  /** How values are bound to this engine's statement parameters. */
  default ValueBinder binder() {
    return ValueBinder.JDBC;
  }

  /**
   * How verification reads a column of this engine, from its driver's metadata ({@code size}:
   * its length or precision).
   */
  default CellKind cellKind(int jdbcType, String typeName, int size) {
    return CellKind.of(jdbcType, typeName, size);
  }

  // ---- writing ----

  /** The DDL that creates tables here. */
  default Ddl ddl() {
    return Dialects.STANDARD_DDL;
  }

  /**
   * Opens this engine's fastest sink for {@code ctx} on {@code c} (autocommit off, owned by the
   * caller, which commits).
   */
  TableSink openSink(SinkContext ctx, Connection c) throws SQLException;

  /** The statement that empties {@code quotedTable} inside a transaction. */
  default String emptyTable(String quotedTable) {
    return "DELETE FROM " + quotedTable;
  }

  /**
   * The bytes on disk each table of {@code namespace} (null: the connection's own) takes, data and
   * indexes, as the engine reports them in one query: what {@code ferry tables} shows. A table
   * left out (every table, by default) is one whose size the engine cannot tell.
   */
  default Map<String, Long> tableBytes(Connection c, @Nullable String namespace) throws SQLException {
    return Map.of();
  }

  /**
   * The tables of {@code namespace} (null: the connection's own) with the size the engine keeps
   * at hand (bytes on disk, or an estimate of rows), so the largest can be scheduled first; only
   * their order matters. By default their {@link #tableBytes}.
   */
  default Map<String, Long> tableSizes(Connection c, @Nullable String namespace) throws SQLException {
    return tableBytes(c, namespace);
  }

  /**
   * The triggers, stored routines, events and other engine code of {@code namespace} (null: the
   * connection's own), which a migration lists as not carried. None by default.
   */
  default List<CodeObject> codeObjects(Connection c, @Nullable String namespace) throws SQLException {
    return List.of();
  }

  /**
   * Opens {@code workers} read connections (or fewer, when the engine cannot share a snapshot
   * between connections) that all read one consistent snapshot: what a backup reads side by
   * side. By default one connection in one repeatable-read transaction.
   */
  default ReadSnapshot readSnapshot(ReadSnapshot.Opener open, int workers) throws SQLException {
    return ReadSnapshot.single(open);
  }

  /**
   * Conditions, in this engine's SQL, that cut {@code table}'s rows into up to {@code parts}
   * disjoint parts that together hold every row, so several readers of one snapshot share a
   * large table; empty when it cannot be cut cheaply. By default the range of its integer key's
   * first column ({@code integerKey}, null when it has none) is cut evenly.
   */
  default List<String> splitReads(Connection c, TableName table, @Nullable String integerKey,
      int parts) throws SQLException {
    return integerKey == null || parts < 2 ? List.of()
        : KeyRanges.byKey(c, calciteDialect(c.getMetaData()), table, integerKey, parts);
  }

  /**
   * The next value of each identity, serial or AUTO_INCREMENT counter of {@code namespace}'s
   * tables (null: the connection's own), by table then column, as a backup records them: a
   * counter can stand past the highest id (rows deleted since), and a restore sets it there.
   * Empty by default (the restore then starts counters after the highest id).
   */
  default Map<String, Map<String, Long>> identityNext(Connection c, @Nullable String namespace)
      throws SQLException {
    return Map.of();
  }

  // ---- a database held elsewhere than in a server (a backup folder) ----

  /**
   * The dialect serving one configured database: this one, or, for an engine whose databases
   * differ in what they hold (a backup folder names its source engine), one of its own.
   */
  default Dialect bind(DatabaseSpec spec) {
    return this;
  }

  /**
   * The engine whose tables, types and SQL this database holds: itself, or the source engine of
   * a backup, so that restoring PostgreSQL's backup into PostgreSQL keeps its own types.
   */
  default Dialect original() {
    return this;
  }

  /**
   * How {@code ferry sync} follows this engine's log of changes, or null (the default) when Ferry
   * cannot capture its changes.
   */
  default @Nullable ChangeCapture changeCapture() {
    return null;
  }

  /** The backup folder this database serves, or null for a database in an engine (the default). */
  default @Nullable Archive archive() {
    return null;
  }

  /**
   * The snapshot this database keeps of its own structure, read instead of its catalog (a
   * backup's manifest holds its source's, with the source's own type names); null by default.
   */
  default @Nullable Snapshot storedSnapshot() {
    return null;
  }

  /** What this engine's driver gives more cheaply than each JDBC type's getter (backups). */
  default DriverCells driverCells() {
    return DriverCells.TYPED;
  }

  /**
   * How this engine reads a SELECT straight into Arrow batches for a backup, or null (the
   * default) when it reads through JDBC only.
   */
  default @Nullable BatchReader batchReader() {
    return null;
  }

  // ---- verifying ----

  /** Row hashes in this engine's SQL, or null when it has no hash function. */
  default @Nullable ChecksumSql checksumSql() {
    return null;
  }

  // ---- relays: rows as COPY text, never decoded ----

  /** How this engine prints a SELECT as COPY text, or null when it cannot. */
  default @Nullable CopyTextSource copyTextSource() {
    return null;
  }

  /** How this engine loads COPY text, or null when it cannot. */
  default @Nullable CopyTextLoader copyTextLoader() {
    return null;
  }

  /**
   * How this engine loads a chunk file's Arrow batches from the vectors themselves, or null
   * (the default) when a restore goes through its typed {@link #openSink}.
   */
  default @Nullable ArrowLoader arrowLoader() {
    return null;
  }

  /**
   * The rows the engine's statistics estimate for each table of {@code namespace} (null: the
   * connection's own), in one query and without counting: what the federation's planner orders
   * joins by. Empty (the default) when the engine keeps no estimate; a table missing from the
   * answer has none.
   */
  default Map<String, Long> rowEstimates(Connection c, @Nullable String namespace)
      throws SQLException {
    return Map.of();
  }
}
