package dev.ferry.dialect.postgres;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.Driver;

/**
 * The Debezium {@code PostgresConnector} properties for one sync job: where to connect (read
 * from the JDBC URL the way pgjdbc reads it), which slot and publication, which tables, and how
 * values travel (always exactly: decimals as text, times to the microsecond, bytes as bytes).
 *
 * <p>Checked against Debezium 3.5.0.Final and PostgreSQL 15 with {@code pgoutput}.
 */
final class PostgresCdcProperties {
  /** The prefix of the logical decoding messages Ferry writes (heartbeats and marks). */
  static final String MESSAGE_PREFIX = "ferry";
  /** URL parameters pgjdbc reads that Debezium takes under its own names. */
  private static final Map<String, String> SSL = Map.of("sslmode", "database.sslmode",
      "sslrootcert", "database.sslrootcert", "sslcert", "database.sslcert", "sslkey", "database.sslkey",
      "sslpassword", "database.sslpassword", "sslfactory", "database.sslfactory");
  /** What pgjdbc's parsed URL holds besides driver parameters. */
  private static final Set<String> NOT_PARAMETERS = Set.of("PGHOST", "PGPORT", "PGDBNAME", "user", "password");

  private PostgresCdcProperties() {}

  /** The properties for {@code job} streaming {@code tables} of {@code source}. */
  static Map<String, String> of(DatabaseSpec source, String job, List<TableName> tables) {
    Properties url = Driver.parseURL(source.url(), null);
    if (url == null) {
      throw FerryFailure.of("SYNC_SETUP", "database '" + source.name() + "': not a PostgreSQL JDBC URL: "
          + source.safeUrl());
    }
    String name = PostgresCdcNames.of(job);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    // pgjdbc lists every host of a multi-host URL, comma-separated; the log is the primary's.
    p.put("database.hostname", first(url.getProperty("PGHOST"), "localhost"));
    p.put("database.port", first(url.getProperty("PGPORT"), "5432"));
    p.put("database.dbname", url.getProperty("PGDBNAME"));
    String user = source.user() != null ? source.user() : url.getProperty("user");
    String password = source.password() != null ? source.password() : url.getProperty("password");
    if (user != null) {
      p.put("database.user", user);
    }
    if (password != null) {
      p.put("database.password", password);
    }
    for (String key : url.stringPropertyNames()) {
      if (!NOT_PARAMETERS.contains(key)) {
        // SSL settings under Debezium's names; every other parameter straight to pgjdbc.
        p.put(SSL.getOrDefault(key, "driver." + key), url.getProperty(key));
      }
    }
    p.put("plugin.name", "pgoutput");
    p.put("slot.name", name);
    p.put("publication.name", name);
    // prepare() made both; Debezium must neither create nor widen them (FOR ALL TABLES would
    // publish keyless tables, whose UPDATE and DELETE then fail on the source).
    p.put("publication.autocreate.mode", "disabled");
    p.put("slot.drop.on.stop", "false");
    // Ferry copies the tables itself; the stream starts at the slot (or at the stored offset).
    p.put("snapshot.mode", "no_data");
    // The offset Ferry keeps in the target is the truth: a stored offset ahead of the slot moves
    // the slot forward; a slot ahead of the offset (recreated, or advanced by hand) fails the
    // start rather than silently losing the changes in between.
    p.put("offset.mismatch.strategy", "trust_offset");
    // Starting the stream is retried while the slot is busy (a stream that just ended releases it
    // within seconds) or refused (an offset behind the slot); fail after about 15 s, not 60.
    p.put("slot.max.retries", "3");
    p.put("slot.retry.delay.ms", "5000");
    p.put("table.include.list", tables.stream().map(t -> includePattern(t, source.schema()))
        .collect(Collectors.joining(",")));
    // Values exactly: numeric as its decimal text (NaN and numeric without scale included),
    // time and timestamp(4..6) as microseconds (timestamp(0..3) as milliseconds, losing nothing),
    // bytea as bytes, interval as ISO 8601 text, hstore as a JSON object text.
    p.put("decimal.handling.mode", "string");
    p.put("time.precision.mode", "adaptive_time_microseconds");
    p.put("binary.handling.mode", "bytes");
    p.put("interval.handling.mode", "string");
    p.put("hstore.handling.mode", "json");
    // bit(n > 1) and varbit as their text of 0s and 1s (PostgresBitText), not Debezium's Bits,
    // whose bytes lose a varbit's leading zeros; bit(1) stays a boolean.
    p.put("converters", "ferrybits");
    p.put("ferrybits.type", PostgresBitText.class.getName());
    // Types Debezium has no converter for (e.g. from extensions) arrive as their bytes rather
    // than being dropped from the row.
    p.put("include.unknown.datatypes", "true");
    // Each column's source type name and length/scale as schema parameters
    // (__debezium.source.column.type …), so the apply side can tell enum from text.
    p.put("column.propagate.source.type", ".*");
    p.put("tombstones.on.delete", "false");
    // A heartbeat writes a logical decoding message, so the slot's position moves (and WAL is
    // released) even when only tables outside the job are written; pgoutput delivers messages
    // (PostgreSQL 14+: Debezium asks it for them) and the prefix list keeps only Ferry's. The
    // message is transactional: on a restart Debezium looks for its resume point until it sees a
    // COMMIT past the stored one, and pgoutput sends no transaction for other tables' writes, so
    // non-transactional heartbeats would leave the stream (and the slot) stuck until the job's
    // own tables are written.
    p.put("heartbeat.interval.ms", "5000");
    p.put("heartbeat.action.query", "SELECT pg_logical_emit_message(true, '" + MESSAGE_PREFIX
        + "', 'heartbeat')");
    p.put("message.prefix.include.list", MESSAGE_PREFIX);
    // How often the slot hears what was flushed, even with nothing to report.
    p.put("status.update.interval.ms", "10000");
    // BEGIN and END records are not needed: each change carries its transaction id and commit
    // LSN (source.txId, source.lsn, offset lsn_commit).
    p.put("provide.transaction.metadata", "false");
    return p;
  }

  /** The first of a comma-separated list, or {@code otherwise} when it is empty. */
  private static String first(@Nullable String list, String otherwise) {
    String v = list == null ? "" : list.split(",", -1)[0].trim();
    return v.isEmpty() ? otherwise : v;
  }

  /** The anchored regular expression Debezium matches against {@code schema.table}. */
  static String includePattern(TableName t, @Nullable String schema) {
    String ns = t.namespace() != null ? t.namespace() : schema != null ? schema : "public";
    return quote(ns) + "\\." + quote(t.name());
  }

  /** Every character that is special in a regular expression, or a list separator, escaped. */
  private static String quote(String name) {
    StringBuilder b = new StringBuilder();
    for (char ch : name.toCharArray()) {
      if ("\\.[]{}()<>*+-=!?^$|,".indexOf(ch) >= 0) {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }
}
