package dev.ferry.dialect.mariadb;

import dev.ferry.sink.CopyTextRows;
import dev.ferry.sink.TargetColumns;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns PostgreSQL {@code COPY … TO STDOUT} text rows into MariaDB {@code LOAD DATA} rows
 * without decoding values into Java objects: a PostgreSQL → MariaDB chunk then streams from the
 * source's COPY (no cursor round trips, no per-value objects) into {@link MariaDbLoadSink}.
 *
 * <p>Both formats separate fields by tabs and rows by newlines, write NULL as {@code \N} and
 * escape backslash, tab, newline and carriage return the same way. What differs is re-encoded
 * per column: PostgreSQL's {@code \f} and {@code \v} escapes (MariaDB would read a plain
 * {@code f} and {@code v}) become the raw bytes, booleans {@code t}/{@code f} become
 * {@code 1}/{@code 0}, and bytea's {@code \x} hex becomes the raw bytes, escaped. A value
 * MariaDB cannot take as printed (a date before year 1000 or with an era, infinity, NaN, bytea
 * in escape format) stops the chunk with {@link CopyTextRows.Unsuitable}; the caller then copies that chunk
 * again through the typed path, which checks and names every value.
 *
 * <p>Only column pairings where MariaDB reads back exactly the value PostgreSQL printed take
 * this path ({@link #kinds}); any change MariaDB still makes raises a warning, which fails the
 * load into the same retry.
 */
final class PgTextToLoadData {
  /** Raw bytes re-escaped; {@code \f} and {@code \v} unescaped. */
  static final int TEXT = 0;
  /** {@code t}/{@code f} as {@code 1}/{@code 0}. */
  static final int BOOL = 1;
  /** {@code \\x…} hex as the raw bytes, escaped. */
  static final int BYTEA = 2;
  /** A date or timestamp, passed when its year is 1000–9999 with no era or infinity. */
  static final int TEMPORAL = 3;
  /** A number, passed unless NaN or infinite. */
  static final int NUMBER = 4;

  /** A value this path cannot carry exactly; the chunk is copied again by the typed path. */
  private static final Set<String> TEXT_TARGETS = Set.of("VARCHAR", "CHAR", "TEXT",
      "MEDIUMTEXT", "LONGTEXT", "TINYTEXT");
  private static final Set<String> BLOB_TARGETS = Set.of("VARBINARY", "BLOB", "MEDIUMBLOB",
      "LONGBLOB", "TINYBLOB");

  private final int[] kinds;

  private PgTextToLoadData(int[] kinds) {
    this.kinds = kinds;
  }

  /**
   * The transcoder for a source result described by {@code source} into {@code target}
   * columns, or null when some column pairs in a way this path does not carry exactly.
   */
  static @Nullable PgTextToLoadData forColumns(ResultSetMetaData source,
      TargetColumns.Column[] target) throws SQLException {
    if (source.getColumnCount() != target.length) {
      return null;
    }
    int[] kinds = new int[target.length];
    for (int i = 0; i < target.length; i++) {
      Integer k = kind(source.getColumnTypeName(i + 1).toLowerCase(Locale.ROOT),
          source.getPrecision(i + 1), source.getScale(i + 1), target[i]);
      if (k == null) {
        return null;
      }
      kinds[i] = k;
    }
    return new PgTextToLoadData(kinds);
  }

  private static @Nullable Integer kind(String pg, int precision, int scale,
      TargetColumns.Column t) {
    String type = t.typeName().toUpperCase(Locale.ROOT);
    if (type.contains("UNSIGNED")) {
      return null;
    }
    return switch (pg) {
      case "int2" -> Set.of("SMALLINT", "INT", "INTEGER", "BIGINT").contains(type) ? NUMBER : null;
      case "int4" -> Set.of("INT", "INTEGER", "BIGINT").contains(type) ? NUMBER : null;
      case "int8" -> type.equals("BIGINT") ? NUMBER : null;
      case "numeric" -> precision > 0 && type.equals("DECIMAL") && t.digits() == scale
          && t.size() - t.digits() >= precision - scale ? NUMBER : null;
      case "float8" -> type.equals("DOUBLE") ? NUMBER : null;
      case "float4" -> type.equals("FLOAT") || type.equals("DOUBLE") ? NUMBER : null;
      // Not BIT: LOAD DATA stores the characters '1' and '0' there, not the bits.
      case "bool" -> Set.of("BOOLEAN", "TINYINT").contains(type) ? BOOL : null;
      case "date" -> type.equals("DATE") ? TEMPORAL : null;
      // MariaDB reports DATETIME(n) as COLUMN_SIZE 19 + 1 + n; fewer fraction digits than the
      // source's would be cut without a warning.
      case "timestamp" -> type.equals("DATETIME")
          && (t.size() > 19 ? t.size() - 20 : 0) >= scale ? TEMPORAL : null;
      case "varchar", "bpchar", "text", "uuid", "json", "jsonb" ->
          TEXT_TARGETS.contains(type) ? TEXT : null;
      case "bytea" -> BLOB_TARGETS.contains(type) ? BYTEA : null;
      default -> null;
    };
  }

  /** Appends {@code row} (one COPY text row, newline included) to {@code out} as LOAD DATA. */
  void append(byte[] row, Sink out) {
    int n = row.length;
    if (n > 0 && row[n - 1] == '\n') {
      n--;
    }
    int start = 0;
    int column = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || row[i] == '\t') {
        if (column >= kinds.length) {
          throw new CopyTextRows.Unsuitable("a row with more fields than columns");
        }
        if (column > 0) {
          out.put((byte) '\t');
        }
        field(row, start, i, kinds[column], out);
        column++;
        start = i + 1;
      }
    }
    if (column != kinds.length) {
      throw new CopyTextRows.Unsuitable("a row with fewer fields than columns");
    }
    out.put((byte) '\n');
  }

  private static void field(byte[] b, int from, int to, int kind, Sink out) {
    if (to - from == 2 && b[from] == '\\' && b[from + 1] == 'N') {
      out.put((byte) '\\');
      out.put((byte) 'N');
      return;
    }
    switch (kind) {
      case BOOL -> {
        if (to - from != 1 || (b[from] != 't' && b[from] != 'f')) {
          throw new CopyTextRows.Unsuitable("a boolean printed as " + text(b, from, to));
        }
        out.put((byte) (b[from] == 't' ? '1' : '0'));
      }
      case BYTEA -> bytea(b, from, to, out);
      case TEMPORAL -> {
        // uuuu-… with a year of 1000 or more, and nothing after the time (no " BC").
        boolean ok = to - from >= 10 && b[from] >= '1' && b[from] <= '9' && digit(b[from + 1])
            && digit(b[from + 2]) && digit(b[from + 3]) && b[from + 4] == '-';
        for (int i = from; ok && i < to; i++) {
          ok = digit(b[i]) || b[i] == '-' || b[i] == ':' || b[i] == '.' || b[i] == ' ';
        }
        if (!ok || (to - from > 10 && b[from + 10] != ' ') || b[to - 1] == ' ') {
          throw new CopyTextRows.Unsuitable("a date or timestamp printed as " + text(b, from, to));
        }
        out.put(b, from, to);
      }
      case NUMBER -> {
        for (int i = from; i < to; i++) {
          byte x = b[i];
          if (!(digit(x) || x == '-' || x == '+' || x == '.' || x == 'e' || x == 'E')) {
            throw new CopyTextRows.Unsuitable("a number printed as " + text(b, from, to));
          }
        }
        out.put(b, from, to);
      }
      default -> text(b, from, to, out);
    }
  }

  /** Copies an escaped text field, turning {@code \f} and {@code \v} into their bytes. */
  private static void text(byte[] b, int from, int to, Sink out) {
    for (int i = from; i < to; i++) {
      byte x = b[i];
      if (x == '\\' && i + 1 < to) {
        byte e = b[++i];
        switch (e) {
          case 'f' -> out.put((byte) 0x0c);
          case 'v' -> out.put((byte) 0x0b);
          case '\\', 't', 'n', 'r', 'b' -> {
            out.put((byte) '\\');
            out.put(e);
          }
          default -> throw new CopyTextRows.Unsuitable("an unexpected escape \\" + (char) e + " in COPY text");
        }
      } else {
        out.put(x);
      }
    }
  }

  /** {@code \\x} followed by hex digits: the bytes, escaped for LOAD DATA. */
  private static void bytea(byte[] b, int from, int to, Sink out) {
    if (to - from < 3 || b[from] != '\\' || b[from + 1] != '\\' || b[from + 2] != 'x'
        || (to - from - 3) % 2 != 0) {
      throw new CopyTextRows.Unsuitable("bytea not in hex output format");
    }
    for (int i = from + 3; i < to; i += 2) {
      int hi = Character.digit(b[i], 16);
      int lo = Character.digit(b[i + 1], 16);
      if (hi < 0 || lo < 0) {
        throw new CopyTextRows.Unsuitable("bytea with a non-hex digit");
      }
      byte v = (byte) (hi << 4 | lo);
      switch (v) {
        case '\\' -> { out.put((byte) '\\'); out.put((byte) '\\'); }
        case '\t' -> { out.put((byte) '\\'); out.put((byte) 't'); }
        case '\n' -> { out.put((byte) '\\'); out.put((byte) 'n'); }
        case '\r' -> { out.put((byte) '\\'); out.put((byte) 'r'); }
        case 0 -> { out.put((byte) '\\'); out.put((byte) '0'); }
        default -> out.put(v);
      }
    }
  }

  private static boolean digit(byte x) {
    return x >= '0' && x <= '9';
  }

  private static String text(byte[] b, int from, int to) {
    String s = new String(b, from, Math.min(to - from, 40), java.nio.charset.StandardCharsets.UTF_8);
    return "'" + s + (to - from > 40 ? "…" : "") + "'";
  }

  /** Where encoded bytes go. */
  interface Sink {
    /** One byte. */
    void put(byte b);

    /** {@code b[from, to)} as they are. */
    void put(byte[] b, int from, int to);
  }
}
