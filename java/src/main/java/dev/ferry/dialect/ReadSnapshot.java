package dev.ferry.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read connections that all see one consistent snapshot of a database, and where that snapshot
 * stands in the engine's log.
 *
 * <p>A backup read by several workers side by side must still be one moment of the database: a
 * transfer between two tables committed while it runs is in both tables or in neither. Each
 * engine gets there its own way ({@link Dialect#readSnapshot}): PostgreSQL exports the first
 * transaction's snapshot to the others, MariaDB starts every transaction under a brief global
 * read lock, single-writer engines read on one connection in one transaction.
 *
 * @param readers connections in read transactions on the snapshot; the caller reads on them and
 *     closes this object, which ends the transactions and closes the connections
 * @param position where the snapshot stands in the engine's log, as the engine names it
 *     ({@code lsn} for PostgreSQL; {@code binlogFile}, {@code binlogPosition}, {@code gtid} for
 *     MariaDB): empty when the engine keeps no such log or it is off
 * @param notes what a user should know about how the snapshot was taken (fewer readers than
 *     asked, say)
 */
public record ReadSnapshot(List<Connection> readers, Map<String, String> position, List<String> notes)
    implements AutoCloseable {
  /** Opens one new physical connection to the database. */
  @FunctionalInterface
  public interface Opener {
    /** A new connection, prepared by the engine's dialect. */
    Connection open() throws SQLException;
  }

  /**
   * The default snapshot: one connection in one repeatable-read transaction (SQLite, DuckDB and
   * H2 take their snapshot at the transaction's first read and keep it to its end).
   */
  public static ReadSnapshot single(Opener open) throws SQLException {
    Connection c = open.open();
    try {
      c.setAutoCommit(false);
      try {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      } catch (SQLException unsupported) {
        // SQLite's driver takes only SERIALIZABLE, which its transactions always are.
      }
      return new ReadSnapshot(List.of(c), Map.of(), List.of());
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Ends every reader's transaction and closes it; never throws. */
  @Override public void close() {
    List<Connection> all = new ArrayList<>(readers);
    for (Connection c : all) {
      try {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
      } catch (SQLException ignored) {
        // Closing ends the transaction anyway.
      }
      try {
        c.close();
      } catch (SQLException ignored) {
        // Nothing was written on a reader.
      }
    }
  }
}
