package dev.ferry.dialect.postgres;

import dev.ferry.error.FerryFailure;
import dev.ferry.sink.CopyTextRows;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.SourceText;
import dev.ferry.sink.TableSink;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes into PostgreSQL with {@code COPY … FROM STDIN} in text format, through pgjdbc's
 * CopyManager, flushing every 256 KiB.
 *
 * <p>Text format: columns separated by tabs, rows by newlines, NULL as {@code \N}; backslash,
 * tab, newline and carriage return escaped; bytea as {@code \\x} hex. An upsert copies into a
 * temporary stage table of the target's shape, then merges it with {@code INSERT … ON CONFLICT};
 * the stage is made once per session and target table and emptied after each merge, so a
 * session that upserts many small batches (a sync) touches the catalog once, not per batch.
 */
final class PostgresCopySink implements TableSink {
  private static final int FLUSH_BYTES = 256 * 1024;

  private final SinkContext ctx;
  private final Connection connection;
  private final boolean upsert;
  private byte[] buf = new byte[FLUSH_BYTES + 64 * 1024];
  private int len;
  private @Nullable CopyIn copy;
  private boolean staged;
  private final String stage;

  PostgresCopySink(SinkContext ctx, Connection connection) {
    this.ctx = ctx;
    this.connection = connection;
    this.upsert = ctx.options.mode() == Mode.UPSERT;
    this.stage = "ferry_stage_" + Integer.toHexString(ctx.table.quoted(ctx.dialect).hashCode());
    if (upsert && ctx.keyIndexes.length == 0) {
      throw FerryFailure.of("USAGE", "an upsert into " + ctx.table + " needs its key columns");
    }
  }

  /** Starts {@code COPY … FROM STDIN} into the table, or into the stage of an upsert. */
  private CopyIn startCopy() throws SQLException {
    String into = ctx.table.quoted(ctx.dialect);
    if (upsert && !staged) {
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + into
            + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
      }
      staged = true;
    }
    String sql = "COPY " + (upsert ? stage : into) + " " + ctx.columnList() + " FROM STDIN";
    CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    copy = in;
    return in;
  }

  /**
   * Copies the rows {@code out} sends as COPY text, untouched (see {@link CopyRelay} for when
   * that is exact), and returns the row count. The source sends one row per call, so rows are
   * counted as they pass. The caller owns {@code out}.
   */
  long relay(CopyTextRows out) throws SQLException {
    CopyIn in = startCopy();
    long rows = 0;
    try {
      byte[] row;
      while ((row = out.next()) != null) {
        rows++;
        ensure(row.length);
        System.arraycopy(row, 0, buf, len, row.length);
        len += row.length;
        flushIfFull(in, rows);
      }
      return end(in, rows);
    } catch (SQLException e) {
      throw ctx.orRejected(e, "(COPY of a chunk, row numbers count from 1 within it)");
    } finally {
      cancelCopy();
    }
  }

  /** Sends the buffer once it holds {@link #FLUSH_BYTES}, reports progress, heeds a cancel. */
  private void flushIfFull(CopyIn in, long rows) throws SQLException {
    if (len >= FLUSH_BYTES) {
      in.writeToCopy(buf, 0, len);
      len = 0;
      ctx.options.progress().accept(rows);
      ctx.checkCancelled();
    }
  }

  /** Sends what is buffered, ends the COPY and returns {@code rows}. */
  private long end(CopyIn in, long rows) throws SQLException {
    if (len > 0) {
      in.writeToCopy(buf, 0, len);
      len = 0;
    }
    in.endCopy();
    copy = null;
    ctx.options.progress().accept(rows);
    return rows;
  }

  @Override public long write(ResultSet rs, long limit) throws SQLException {
    CopyIn in = startCopy();
    Object[] row = new Object[ctx.readers.length];
    long rows = 0;
    try {
      while (rows < limit && rs.next()) {
        rows++;
        ctx.readRow(rs, row, rows);
        appendRow(row);
        flushIfFull(in, rows);
      }
      return end(in, rows);
    } catch (SQLException e) {
      throw ctx.orRejected(e, "(COPY of a chunk, row numbers count from 1 within it)");
    } finally {
      cancelCopy();
    }
  }

  @Override public void finish() throws SQLException {
    if (!upsert || !staged) {
      return;
    }
    StringBuilder set = new StringBuilder();
    for (int i = 0; i < ctx.columns.size(); i++) {
      if (!ctx.isKey(i)) {
        String c = ctx.dialect.quoteIdentifier(ctx.columns.get(i));
        set.append(set.length() == 0 ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
      }
    }
    String cols = ctx.columnList();
    try (Statement st = connection.createStatement()) {
      st.execute("INSERT INTO " + ctx.table.quoted(ctx.dialect) + " " + cols + " SELECT "
          + cols.substring(1, cols.length() - 1) + " FROM " + stage + " ON CONFLICT ("
          + ctx.keyList() + ") DO " + (set.length() == 0 ? "NOTHING" : "UPDATE SET " + set));
      st.execute("DELETE FROM " + stage);
    } catch (SQLException e) {
      throw ctx.orRejected(e, "(merging staged rows)");
    }
    staged = false;
  }

  private void cancelCopy() {
    CopyIn in = copy;
    copy = null;
    len = 0;
    if (in != null && in.isActive()) {
      try {
        in.cancelCopy();
      } catch (SQLException ignored) {
        // The transaction is rolled back by the caller anyway.
      }
    }
  }

  private void appendRow(Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        put((byte) '\t');
      }
      Object v = row[i];
      if (v == null) {
        put((byte) '\\');
        put((byte) 'N');
      } else if (v instanceof String s) {
        escaped(s);
      } else if (v instanceof SourceText t) {
        escaped(t.text());
      } else if (v instanceof Long l) {
        ascii(Long.toString(l));
      } else if (v instanceof BigDecimal d) {
        ascii(d.toPlainString());
      } else if (v instanceof Boolean b) {
        put((byte) (b ? 't' : 'f'));
      } else if (v instanceof byte[] bytes) {
        bytea(bytes);
      } else if (v instanceof LocalDateTime || v instanceof LocalTime) {
        ascii(SinkValues.text(v));
      } else if (v instanceof LocalDate d) {
        ascii(d.toString());
      } else {
        escaped(SinkValues.text(v));
      }
    }
    put((byte) '\n');
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private void bytea(byte[] b) {
    // "\\x" in COPY text is the bytea input "\x" with its backslash escaped.
    ensure(3 + 2 * b.length);
    buf[len++] = '\\';
    buf[len++] = '\\';
    buf[len++] = 'x';
    for (byte x : b) {
      buf[len++] = HEX[(x >> 4) & 0xf];
      buf[len++] = HEX[x & 0xf];
    }
  }

  /** UTF-8 with COPY's escapes; surrogate pairs become one 4-byte character. */
  private void escaped(String s) {
    int n = s.length();
    ensure(n * 4 + 4);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        switch (c) {
        case '\\' -> { buf[len++] = '\\'; buf[len++] = '\\'; }
        case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
        case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
        case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
        default -> buf[len++] = (byte) c;
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate has no UTF-8 form; PostgreSQL would reject its CESU bytes.
        buf[len++] = (byte) 0xef;
        buf[len++] = (byte) 0xbf;
        buf[len++] = (byte) 0xbd;
      } else {
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
  }

  @Override public void close() {
    cancelCopy();
  }
}
