package dev.ferry.verify;

import dev.ferry.checksum.CellKind;
import dev.ferry.types.Decimals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The canonical text of a value and the 64-bit hash of a row, identical whatever engine holds it.
 *
 * <p>Rules (equal values give equal text across PostgreSQL, MariaDB, H2 and SQLite):
 * integers in decimal; DECIMAL as its plain value without trailing zeros ({@code 1.50} and
 * {@code 1.5000} are equal, scale is not compared; zero is {@code 0}); REAL and DOUBLE as Java's
 * shortest round-trip text of the float or double ({@code -0.0} differs from {@code 0.0});
 * booleans as {@code 1}/{@code 0}; a bit string read as a number (MariaDB's BIT(n)) as that
 * unsigned integer; CHAR(n) without trailing blanks; binary as lowercase hex;
 * dates {@code yyyy-MM-dd}; times {@code HH:mm:ss.ffffff}; timestamps
 * {@code yyyy-MM-dd HH:mm:ss.ffffff} (digits past the microsecond are dropped), timestamps with
 * time zone converted to UTC first; anything else as the driver's {@code getString}.
 *
 * <p>A row hashes to the first 8 bytes of the MD5 of its cells, each written as a NULL marker
 * (byte 0) or byte 1, the UTF-8 text and byte 0xFF, which no UTF-8 text contains: NULL and the
 * empty string differ, and no two rows of different cells share an input.
 */
public final class RowCanon {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);
  /** Where a {@code yyyy-MM-dd} date has its digits. */
  private static final int[] DATE_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9};
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** A UTC offset at the end of a timestamp's text: {@code Z}, {@code +02}, {@code -05:30}. */
  private static final java.util.regex.Pattern OFFSET =
      java.util.regex.Pattern.compile("(Z|[+-]\\d{2}(:?\\d{2})?)$");

  private final MessageDigest md5;
  private final byte[] digest = new byte[16];
  /** The bytes of the row being hashed. */
  private byte[] row = new byte[512];
  private final boolean untyped;
  /** Whether this driver's getObject gives dates as LocalDate; null until the first date. */
  private @Nullable Boolean dateObjects;

  /**
   * A canonicalizer for one reading thread; {@code untyped} reads cells that carry no declared
   * type (SQLite's), converting each by its column's kind.
   */
  public RowCanon(boolean untyped) {
    this.untyped = untyped;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  /** Whether cells are read as untyped values (SQLite's), converted by their column's kind. */
  boolean untyped() {
    return untyped;
  }

  /** The canonical text of column {@code i} of the current row; null for SQL NULL. */
  public @Nullable String text(ResultSet rs, int i, CellKind kind) throws SQLException {
    if (untyped) {
      return untyped(rs.getObject(i), kind);
    }
    switch (kind) {
    case DATE: {
      // A driver's own java.time value first: DuckDB's getObject(i, LocalDate.class) goes
      // through java.sql.Date and moves dates before 1582. A driver whose getObject gives
      // something else (PostgreSQL's java.sql.Date, slow to make) is asked for LocalDate
      // directly from its first date on.
      LocalDate d;
      if (dateObjects == null || dateObjects) {
        Object o = rs.getObject(i);
        if (o != null && dateObjects == null) {
          dateObjects = o instanceof LocalDate;
        }
        d = o == null ? null : o instanceof LocalDate x ? x : rs.getObject(i, LocalDate.class);
      } else {
        d = rs.getObject(i, LocalDate.class);
      }
      return d == null ? null : d.toString();
    }
    case TIME: {
      LocalTime t = rs.getObject(i, LocalTime.class);
      return t == null ? null : TIME.format(t);
    }
    case TIMESTAMP: {
      LocalDateTime t = rs.getObject(i, LocalDateTime.class);
      return t == null ? null : timestampText(t);
    }
    case TIMESTAMPTZ: {
      OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
      return t == null ? null : timestampText(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }
    case BINARY: {
      byte[] b = rs.getBytes(i);
      return b == null ? null : hex(b);
    }
    case TEXT: case OTHER:
      return rs.getString(i);
    case BIT_INTEGER: {
      Object o = rs.getObject(i);
      return o instanceof byte[] b ? new BigInteger(1, b).toString() : untyped(o, CellKind.INTEGER);
    }
    default:
      return untyped(rs.getObject(i), kind);
    }
  }

  /** Text of a value whose Java class the driver chose (all of SQLite's, numbers elsewhere). */
  static @Nullable String untyped(@Nullable Object o, CellKind kind) {
    if (o == null) {
      return null;
    }
    switch (kind) {
    case INTEGER:
      return o instanceof Boolean b ? (b ? "1" : "0")
          : o instanceof BigDecimal d ? plain(d)
          : o instanceof Number n && !(o instanceof BigInteger) && !(o instanceof Double)
              && !(o instanceof Float) ? Long.toString(n.longValue())
          : o.toString().strip();
    case DECIMAL:
      return o instanceof BigDecimal d ? plain(d)
          : o instanceof Double || o instanceof Float ? plain(Decimals.fromDouble(((Number) o).doubleValue()))
          : o instanceof Number || o instanceof String ? plain(new BigDecimal(o.toString().strip()))
          : o.toString();
    case REAL:
      return o instanceof Number n ? Float.toString(n.floatValue()) : o.toString();
    case DOUBLE:
      return o instanceof Number n ? Double.toString(n.doubleValue()) : o.toString();
    case BOOLEAN:
      if (o instanceof Boolean b) {
        return b ? "1" : "0";
      }
      if (o instanceof String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        return l.equals("t") || l.equals("true") ? "1" : l.equals("f") || l.equals("false") ? "0" : s;
      }
      return o instanceof Number n ? Long.toString(n.longValue()) : o.toString();
    case CHAR:
      return o.toString().stripTrailing();
    case BINARY:
      return o instanceof byte[] b ? hex(b) : o.toString();
    case TIMESTAMP: case TIMESTAMPTZ:
      return o instanceof String s ? timestampText(s)
          : o instanceof Number n ? TS.format(LocalDateTime.ofEpochSecond(Math.floorDiv(n.longValue(), 1000),
              (int) Math.floorMod(n.longValue(), 1000) * 1_000_000, ZoneOffset.UTC))
          : o instanceof java.sql.Timestamp t ? TS.format(t.toLocalDateTime())
          : o.toString();
    case TIME:
      return o instanceof String s ? TIME.format(LocalTime.parse(s.strip())) : o.toString();
    case DATE:
      return o instanceof String s && s.strip().length() >= 10 ? dateText(s.strip())
          : o instanceof Number n ? LocalDate.ofEpochDay(Math.floorDiv(n.longValue(), 86_400_000L)).toString()
          : o.toString();
    default:
      return o instanceof byte[] b ? hex(b) : o.toString();
    }
  }

  /**
   * SQLite's text timestamps to canonical: {@code 2024-01-02 03:04:05.1}, ISO with {@code T}, any
   * number of fraction digits, and with an offset ({@code Z}, {@code +02}, {@code +02:00}) moved
   * to UTC, as a timestamp with time zone is compared.
   */
  private static String timestampText(String s) {
    String t = s.strip().replace(' ', 'T');
    try {
      if (t.length() == 10) {
        return TS.format(LocalDate.parse(t).atStartOfDay());
      }
      java.util.regex.Matcher m = OFFSET.matcher(t);
      if (m.find()) {
        String g = m.group();
        String offset = g.equals("Z") ? "Z" : g.length() == 3 ? g + ":00"
            : g.length() == 5 ? g.substring(0, 3) + ":" + g.substring(3) : g;
        return TS.format(OffsetDateTime.parse(t.substring(0, m.start()).strip() + offset)
            .withOffsetSameInstant(ZoneOffset.UTC));
      }
      return TS.format(LocalDateTime.parse(t));
    } catch (RuntimeException unparsable) {
      return s;
    }
  }

  /** A date's text ({@code 2024-01-02}, or a timestamp's date part) to canonical. */
  private static String dateText(String s) {
    if (isoDate(s)) {
      return s.substring(0, 10);
    }
    try {
      return LocalDate.parse(s.substring(0, 10)).toString();
    } catch (RuntimeException unparsable) {
      return s;
    }
  }

  /**
   * Whether {@code s} starts with a valid {@code yyyy-MM-dd} date, which is then its own
   * canonical text: checked by hand, since a formatter's parse cost a third of a SQLite scan.
   */
  private static boolean isoDate(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i : DATE_DIGITS) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    int y = Integer.parseInt(s, 0, 4, 10);
    int m = Integer.parseInt(s, 5, 7, 10);
    int d = Integer.parseInt(s, 8, 10, 10);
    return m >= 1 && m <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, m).lengthOfMonth();
  }

  /** A decimal without trailing zeros, in plain notation; every zero is {@code 0}. */
  static String plain(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  static String hex(byte[] b) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = HEX[(b[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[b[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * {@code t} as {@code yyyy-MM-dd HH:mm:ss.ffffff}: by hand for years 0 to 9999 (a formatter
   * took a sixth of a backup's time), else by the formatter, which signs other years.
   */
  static String timestampText(LocalDateTime t) {
    int y = t.getYear();
    if (y < 0 || y > 9999) {
      return TS.format(t);
    }
    char[] c = new char[26];
    digits(c, 0, y, 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = ' ';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, t.getNano() / 1000, 6);
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * The 64-bit hash of a row already written as the hash's input (see the class comment): what
   * {@link #hash} gives for the same cells, for callers that write the bytes themselves.
   */
  public long hashEncoded(byte[] row, int length) {
    md5.update(row, 0, length);
    try {
      md5.digest(digest, 0, digest.length);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("MD5 gives 16 bytes", e);
    }
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (digest[i] & 0xFF);
    }
    return h;
  }

  /**
   * The 64-bit hash of a row's canonical cells (see the class comment). The row's bytes are
   * written into one buffer and digested at once: three digest updates per cell cost more than
   * the hashing itself.
   */
  public long hash(List<@Nullable String> cells) {
    int n = 0;
    for (int k = 0, size = cells.size(); k < size; k++) {
      String c = cells.get(k);
      if (c == null) {
        n = room(n, 1);
        row[n++] = 0;
        continue;
      }
      int len = c.length();
      n = room(n, len + 2);
      row[n++] = 1;
      int i = 0;
      for (; i < len; i++) {
        char ch = c.charAt(i);
        if (ch >= 0x80) {
          break;
        }
        row[n++] = (byte) ch;
      }
      if (i < len) {
        byte[] rest = c.substring(i).getBytes(StandardCharsets.UTF_8);
        n = room(n, rest.length + 1);
        System.arraycopy(rest, 0, row, n, rest.length);
        n += rest.length;
      }
      row[n++] = (byte) 0xFF;
    }
    return hashEncoded(row, n);
  }

  /** {@code used}, once {@link #row} has room for {@code more} bytes after it. */
  private int room(int used, int more) {
    if (used + more > row.length) {
      row = java.util.Arrays.copyOf(row, Math.max(row.length * 2, used + more));
    }
    return used;
  }
}
