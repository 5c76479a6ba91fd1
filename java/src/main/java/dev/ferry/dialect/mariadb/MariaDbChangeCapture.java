package dev.ferry.dialect.mariadb;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;
import dev.ferry.util.Jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB's binlog read through Debezium's MariaDB connector, starting at a position Ferry chose.
 *
 * <p>A binlog client leaves nothing on the server, so {@link #prepare} only reads where the log
 * ends and {@link #drop} has nothing to remove. Positions are {@link BinlogPosition} text,
 * {@code file:pos@gtids}.
 *
 * <p>Debezium would take its own snapshot and keep the tables' structure in a file; Ferry copies
 * the rows itself and keeps no file. So the connector runs in {@code recovery} snapshot mode with
 * an in-memory schema history: at each start it reads the tables' current structure (no rows, no
 * global read lock) and streams from the offset in the store. The store must therefore hold an
 * offset before the first start: {@link #startOffset} of {@link #prepare}'s position, under the
 * source partition {@code {"server": <topic.prefix>}}. Because the structure is read at start,
 * a table altered between the stored position and the start is decoded with its new structure.
 */
public final class MariaDbChangeCapture implements ChangeCapture {
  /** Binlog client ids of sync jobs: 5,400,000 plus a hash of the job, below 6,400,000. */
  static final long SERVER_ID_BASE = 5_400_000L;

  @Override public void check(Connection c, List<TableName> tables) throws SQLException {
    MariaDbBinlogCheck.check(c, tables);
  }

  /**
   * The binlog's current end and the GTID state at that very byte ({@code BINLOG_GTID_POS} of
   * the same file and position, so the two cannot disagree). Nothing is created on the server.
   * Taken before the initial copy reads, it is at or before the copy's snapshot; changes between
   * the two are delivered again and applied idempotently.
   */
  @Override public String prepare(Connection c, String job, List<TableName> tables)
      throws SQLException {
    return current(c).toString();
  }

  /**
   * Properties of Debezium 3.5's {@code MariaDbConnector} for {@code tables}; {@code start} is
   * not among them: the connector takes its start from the offset store only, so the caller
   * seeds it with {@link #startOffset}{@code (start)} when the job has no stored offset.
   */
  @Override public Map<String, String> connectorProperties(DatabaseSpec source, String job,
      List<TableName> tables, String start) {
    MariaDbAddress a = MariaDbAddress.of(source);
    Set<String> databases = new LinkedHashSet<>();
    StringJoiner tableList = new StringJoiner(",");
    for (TableName t : tables) {
      String db = t.namespace() != null ? t.namespace() : a.database();
      if (db == null) {
        throw FerryFailure.of("SYNC_SETUP", "table " + t + " of database '" + source.name()
            + "' names no MariaDB database, and its URL has none");
      }
      databases.add(regex(db));
      tableList.add(regex(db) + "\\." + regex(t.name()));
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
    p.put("database.hostname", a.host());
    p.put("database.port", Integer.toString(a.port()));
    if (a.user() != null) {
      p.put("database.user", a.user());
    }
    if (a.password() != null) {
      p.put("database.password", a.password());
    }
    // The id this binlog client registers with; two clients with one id cut each other off.
    p.put("database.server.id", Long.toString(serverId(job)));
    // Regexes matched against the whole name; names are escaped literally.
    p.put("database.include.list", String.join(",", databases));
    p.put("table.include.list", tableList.toString());
    // recovery: read the captured tables' structure at every start (never their rows) and
    // stream from the stored offset; it also tolerates the empty in-memory history at a restart.
    p.put("snapshot.mode", "recovery");
    // The structure needs no consistent read point: no FLUSH TABLES WITH READ LOCK (and no
    // RELOAD right) at start.
    p.put("snapshot.locking.mode", "none");
    // History lives in memory and is rebuilt at each start by the recovery snapshot; no file,
    // no Kafka topic.
    p.put("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
    p.put("schema.history.internal.store.only.captured.tables.ddl", "true");
    p.put("schema.history.internal.store.only.captured.databases.ddl", "true");
    p.put("include.schema.changes", "false");
    // A delete is one record with before and no after; no null-valued tombstone behind it.
    p.put("tombstones.on.delete", "false");
    // DECIMAL as its exact text.
    p.put("decimal.handling.mode", "string");
    // BIGINT UNSIGNED as an exact decimal (Connect Decimal, scale 0), not a wrapping long.
    p.put("bigint.unsigned.handling.mode", "precise");
    // DATETIME as io.debezium.time.MicroTimestamp, TIME as MicroTime (longs of µs) whatever the
    // column's precision; DATE as io.debezium.time.Date (days); TIMESTAMP as ZonedTimestamp text.
    p.put("time.precision.mode", "microseconds");
    // BINARY, VARBINARY and BLOB as byte arrays.
    p.put("binary.handling.mode", "bytes");
    // A heartbeat record (topic __debezium-heartbeat.<prefix>) carries the offset forward while
    // only other tables change, at most this often, whenever a binlog event or server heartbeat
    // arrives.
    p.put("heartbeat.interval.ms", "1000");
    // The server sends a heartbeat event every 0.8 × this when the binlog is idle (that is what
    // lets a heartbeat record out then), and the client reconnects after this long without any
    // event; shorter would reconnect when a slow apply holds the reader back.
    p.put("connect.keep.alive.interval.ms", "10000");
    return p;
  }

  /**
   * The source offset that starts the stream at {@code position}: {@code file} (String),
   * {@code pos} (Long) and {@code gtids} (String). Debezium's MariaDB reader always resumes after
   * the GTID state ({@code @slave_connect_state}); file and byte only name the place, and an
   * offset without {@code gtids} makes it fail (a NullPointerException in the binlog client).
   * Seed it under the source partition {@code {"server": <topic.prefix>}}.
   */
  @Override public Map<String, Object> startOffset(String position) {
    BinlogPosition p = BinlogPosition.parse(position);
    if (p.gtids().isEmpty()) {
      // The connector's reader always asks the server by GTID; without a state it fails.
      throw FerryFailure.of("SYNC_SETUP", "the binlog position " + position + " has no GTID state;"
          + " take the start position with ferry sync itself");
    }
    return p.toOffset();
  }

  /** The binlog's end: once the stream's offset reaches it, every earlier commit was delivered. */
  @Override public String mark(Connection c) throws SQLException {
    return current(c).toString();
  }

  @Override public String position(Connection c) throws SQLException {
    return current(c).toString();
  }

  /** {@link BinlogPosition#fromOffset}: the offset's file and byte (the start of an unfinished transaction). */
  @Override public @Nullable String position(Map<String, ?> sourceOffset) {
    BinlogPosition p = BinlogPosition.fromOffset(sourceOffset);
    return p == null ? null : p.toString();
  }

  @Override public int compare(String a, String b) {
    return BinlogPosition.parse(a).compareTo(BinlogPosition.parse(b));
  }

  @Override public long bytesBetween(String from, String to) {
    return BinlogPosition.parse(from).bytesTo(BinlogPosition.parse(to));
  }

  /** Nothing: a binlog client keeps no state on the server, so there is nothing to remove. */
  @Override public List<String> drop(Connection c, String job) {
    return List.of();
  }

  /** A stable binlog client id for {@code job}, in [5,400,000, 6,400,000). */
  static long serverId(String job) {
    CRC32 crc = new CRC32();
    crc.update(job.getBytes(StandardCharsets.UTF_8));
    return SERVER_ID_BASE + crc.getValue() % 1_000_000L;
  }

  /** {@code name} as a regex that matches exactly it. */
  static String regex(String name) {
    return name.replaceAll("[\\\\.\\[\\]{}()*+?^$|,-]", "\\\\$0");
  }

  /** {@code SHOW MASTER STATUS}, with the GTID state at that byte. */
  private static BinlogPosition current(Connection c) throws SQLException {
    String file;
    long pos;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
      if (!rs.next()) {
        throw FerryFailure.of("SYNC_SETUP", "the MariaDB binary log is off (SHOW MASTER STATUS is empty);"
            + " set log_bin, binlog_format=ROW and binlog_row_image=FULL in the server's"
            + " configuration and restart it");
      }
      file = rs.getString(1);
      pos = rs.getLong(2);
    }
    String gtids = Jdbc.firstRow(c, "SELECT BINLOG_GTID_POS(?, ?)", file, pos);
    if (gtids == null || gtids.isEmpty()) {
      // No transaction logged yet. Debezium's reader fails on an offset without GTIDs, and
      // sequence 0 of this server's domain means "from the first transaction on".
      gtids = Jdbc.firstRow(c, "SELECT CONCAT(@@gtid_domain_id, '-', @@server_id, '-0')");
    }
    return new BinlogPosition(file, pos, String.valueOf(gtids));
  }
}
