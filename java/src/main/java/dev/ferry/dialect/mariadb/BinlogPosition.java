package dev.ferry.dialect.mariadb;

import static java.util.Objects.requireNonNull;

import dev.ferry.error.FerryFailure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A place in a MariaDB server's binary log, as {@code ferry sync} writes it:
 * {@code file:pos} or {@code file:pos@gtids}, e.g. {@code bin.000003:1234@0-1-57,1-2-9}.
 *
 * <p>Everything written to the binlog before byte {@code pos} of {@code file} is before the
 * position. {@code gtids} is MariaDB's GTID state at that same point ({@code BINLOG_GTID_POS}),
 * one {@code domain-server-sequence} per replication domain; Debezium's MariaDB connector starts
 * from it, not from file and byte, so both must name the same point. A server that has logged no
 * transaction yet has the state {@code <domain>-<server_id>-0}: before the first one. Order is by the file's sequence number (the digits after its last dot), then the byte;
 * the GTID state takes no part in it.
 *
 * @param file the binlog file, as {@code SHOW MASTER STATUS} names it
 * @param pos the byte offset in that file
 * @param gtids the GTID state at that point; empty only when read from an offset that has none
 */
public record BinlogPosition(String file, long pos, String gtids) implements Comparable<BinlogPosition> {
  /** Debezium's offset keys (BinlogSourceInfo, BinlogOffsetContext). */
  static final String FILE = "file";
  static final String POS = "pos";
  static final String GTIDS = "gtids";

  public BinlogPosition {
    requireNonNull(file, "file");
    requireNonNull(gtids, "gtids");
    if (file.isEmpty() || pos < 0) {
      throw new IllegalArgumentException("not a binlog position: " + file + ":" + pos);
    }
  }

  /**
   * Reads {@code file:pos[@gtids]}.
   *
   * <pre>{@code BinlogPosition.parse("bin.000003:1234@0-1-57").pos() == 1234}</pre>
   */
  public static BinlogPosition parse(String text) {
    int colon = text.lastIndexOf(':');
    int at = colon < 0 ? -1 : text.indexOf('@', colon);
    try {
      if (colon > 0) {
        long pos = Long.parseLong(text.substring(colon + 1, at < 0 ? text.length() : at));
        return new BinlogPosition(text.substring(0, colon), pos, at < 0 ? "" : text.substring(at + 1));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the failure below
    }
    throw FerryFailure.of("SYNC_SETUP", "'" + text + "' is not a MariaDB binlog position"
        + " (expected file:pos or file:pos@gtids, e.g. mariadb-bin.000003:1234@0-1-57)");
  }

  /**
   * The position a Debezium MariaDB source offset stands for, or null when it has no file.
   * Within a transaction the offset's {@code pos} is where the transaction begins (its
   * {@code event} and {@code row} say how far into it the stream is), so every transaction that
   * committed before {@code pos} has been delivered; after a commit, and in heartbeats, it is the
   * end of the last event read.
   */
  public static @Nullable BinlogPosition fromOffset(Map<String, ?> offset) {
    Object file = offset.get(FILE);
    Object pos = offset.get(POS);
    if (!(file instanceof String f) || f.isEmpty() || pos == null) {
      return null;
    }
    Object gtids = offset.get(GTIDS);
    long p = pos instanceof Number n ? n.longValue() : Long.parseLong(pos.toString());
    return new BinlogPosition(f, p, gtids == null ? "" : gtids.toString());
  }

  /**
   * The source offset that makes Debezium's MariaDB connector stream from here: {@code file}
   * (String), {@code pos} (Long) and, when there is GTID state, {@code gtids} (String).
   */
  public Map<String, Object> toOffset() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(FILE, file);
    m.put(POS, pos);
    if (!gtids.isEmpty()) {
      m.put(GTIDS, gtids);
    }
    return m;
  }

  /** The file's sequence number: the digits after its last dot ({@code bin.000003} is 3). */
  public long sequence() {
    String digits = file.substring(file.lastIndexOf('.') + 1);
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw FerryFailure.of("SYNC_SETUP", "binlog file '" + file + "' has no sequence number");
    }
  }

  /** Bytes from {@code this} to {@code to} (0 when {@code to} is not ahead), or -1 across files. */
  public long bytesTo(BinlogPosition to) {
    return sequence() != to.sequence() ? -1 : Math.max(0, to.pos - pos);
  }

  @Override public int compareTo(BinlogPosition o) {
    int bySequence = Long.compare(sequence(), o.sequence());
    return bySequence != 0 ? bySequence : Long.compare(pos, o.pos);
  }

  /** {@code file:pos}, then {@code @gtids} when there is GTID state. */
  @Override public String toString() {
    return file + ":" + pos + (gtids.isEmpty() ? "" : "@" + gtids);
  }
}
