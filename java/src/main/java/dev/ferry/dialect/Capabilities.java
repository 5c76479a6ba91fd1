package dev.ferry.dialect;

import dev.ferry.message.Wire;

import java.util.Locale;

/**
 * What one engine can do, as flags shared code decides by (and {@code ferry doctor} reports).
 *
 * @param bulkLoad the fastest path rows are written by
 * @param transactionalDdl whether CREATE TABLE and friends roll back with the transaction
 * @param concurrentWriters whether several connections may load one table at once (SQLite
 *     allows one writer)
 * @param parallelMerge whether merges (upserts) may run side by side: engines whose merges lock
 *     key gaps could make an earlier chunk wait on a later one that waits for its turn to
 *     commit, where no deadlock detector sees it
 * @param namespaces what a namespace is
 * @param identity how the engine numbers rows by itself
 * @param enforcesTypes whether declared lengths and precisions are enforced (SQLite's are not)
 */
public record Capabilities(BulkLoad bulkLoad, boolean transactionalDdl, boolean concurrentWriters,
    boolean parallelMerge, Namespaces namespaces, IdentityModel identity, boolean enforcesTypes) {

  /** The fastest path rows are written by. */
  public enum BulkLoad implements Wire {
    /** PostgreSQL's {@code COPY FROM STDIN}. */
    COPY,
    /** MariaDB's {@code LOAD DATA LOCAL INFILE} from a stream. */
    LOAD_DATA,
    /** An in-process appender (DuckDB). */
    APPENDER,
    /** Multi-row {@code INSERT … VALUES (…), (…)}. */
    MULTI_ROW_INSERT,
    /** JDBC batches of prepared inserts. */
    BATCH;

    @Override public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What an engine calls a namespace. */
  public enum Namespaces implements Wire {
    /** Schemas inside one database (PostgreSQL, H2, DuckDB). */
    SCHEMAS,
    /** Databases on one server, which JDBC calls catalogs (MariaDB, MySQL). */
    CATALOGS,
    /** None (SQLite). */
    NONE;

    @Override public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** How an engine numbers rows by itself. */
  public enum IdentityModel implements Wire {
    /** Identity columns and sequences behind defaults (PostgreSQL, H2, DuckDB). */
    SEQUENCE,
    /** An AUTO_INCREMENT counter per table (MariaDB, MySQL). */
    AUTO_INCREMENT,
    /** The row id behind an INTEGER PRIMARY KEY (SQLite). */
    ROWID,
    /** Whatever the driver reports as auto-increment (generic JDBC). */
    GENERIC;

    @Override public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
