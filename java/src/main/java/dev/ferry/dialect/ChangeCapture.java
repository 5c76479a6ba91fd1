package dev.ferry.dialect;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What one engine does for {@code ferry sync}: follow its log of committed changes through a
 * Debezium connector. Everything engine-specific lives here (the server settings the log needs,
 * the slot and publication or binlog position, the connector's properties, what a position is);
 * the sync package runs Debezium's embedded engine, applies the changes and keeps the position
 * in the target, and never asks which engine it reads.
 *
 * <p>Positions are this engine's own text (a PostgreSQL LSN {@code 0/16B3748}, a MariaDB binlog
 * {@code mariadb-bin.000003:1234}); {@link #compare} orders them.
 */
public interface ChangeCapture {
  /**
   * The schema name of a change event's field that carries a bit string as its text of 0s and
   * 1s ({@code '00101'}, leading zeros part of the value), which an engine whose queries read bit
   * strings as text sends instead of Debezium's {@code io.debezium.data.Bits}.
   */
  String BIT_TEXT = "dev.ferry.BitText";

  /**
   * Checks that the server can stream the changes of {@code tables} to this user: the log's
   * settings, the user's rights, and a key on every table. A failure is a {@code SYNC_SETUP}
   * {@code FerryFailure} that names what is missing and gives the commands that fix it.
   */
  void check(Connection c, List<TableName> tables) throws SQLException;

  /**
   * Fixes where the stream starts before the initial copy reads anything, creating what the
   * stream needs on the source (PostgreSQL: a publication of the tables and a logical replication
   * slot) when missing, and returns that position. Called again for a job that exists, it finds
   * what the first call made (and adds tables new to the job to the publication) and returns the
   * slot's position.
   */
  String prepare(Connection c, String job, List<TableName> tables) throws SQLException;

  /**
   * The Debezium connector properties that stream {@code tables} from {@code start} (what
   * {@link #prepare} returned; the stored offset wins when there is one): connector class,
   * connection, tables, slot or server id, heartbeats that keep the log's retention moving, and
   * values as exact text (decimals as strings, times in microseconds, binary as bytes). The
   * caller adds the engine's name, the offset store and the topic prefix.
   */
  Map<String, String> connectorProperties(DatabaseSpec source, String job, List<TableName> tables,
      String start);

  /**
   * The source offset to seed the offset store with for a job that has none, so that the
   * connector streams from {@code start} (what {@link #prepare} returned); empty (the default)
   * when the connector finds its start on the server by itself (a PostgreSQL slot). The caller
   * stores it under the connector's source partition.
   */
  default Map<String, Object> startOffset(String start) {
    return Map.of();
  }

  /**
   * Marks "now" in the log and returns a position such that once the stream has passed it, every
   * change committed before this call has been delivered (PostgreSQL writes a logical decoding
   * message and answers its LSN; a binlog answers its current end).
   */
  String mark(Connection c) throws SQLException;

  /** The source's current end of log, for {@code sync status}. */
  String position(Connection c) throws SQLException;

  /** The position a Debezium record's source offset stands for; null when it carries none. */
  @org.checkerframework.checker.nullness.qual.Nullable String position(Map<String, ?> sourceOffset);

  /** Orders two positions of this engine's log (negative when {@code a} comes first). */
  int compare(String a, String b);

  /**
   * How far {@code from} is behind {@code to}, in the log's bytes; -1 when the engine cannot
   * tell (positions in different binlog files).
   */
  long bytesBetween(String from, String to);

  /**
   * Removes what {@link #prepare} created for {@code job} on the source; returns what it
   * removed, in words (e.g. {@code replication slot ferry_ab12}), empty when there was nothing.
   */
  List<String> drop(Connection c, String job) throws SQLException;
}
