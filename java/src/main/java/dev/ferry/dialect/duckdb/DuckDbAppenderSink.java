package dev.ferry.dialect.duckdb;

import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.SourceText;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.TargetColumns;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes into DuckDB with its appender: rows go straight into the table's column vectors inside
 * the caller's transaction, about ten times the rows per second of multi-row INSERTs.
 *
 * <p>The appender takes exactly the Java type of each column (a {@code long} for BIGINT, an
 * {@code int} for INTEGER, a {@code BigDecimal} of the column's own scale), so every value is
 * converted by its target column's type after {@link SinkContext#readRow} has checked it. Its
 * errors (a duplicate key) surface only at {@code flush}, which is therefore always called before
 * {@code close} (which would swallow them). DuckDB starts a transaction at the first statement
 * after autocommit is turned off, and an appender created before that commits on its own, so
 * the sink runs a statement first.
 */
final class DuckDbAppenderSink implements TableSink {
  /** Rows between progress reports and cancel checks. */
  private static final int REPORT_ROWS = 10_000;

  private final SinkContext ctx;
  private final Connection connection;
  private final Setter[] setters;

  /** Appends one checked, non-null value to the current row. */
  @FunctionalInterface
  private interface Setter {
    void append(DuckDBAppender a, Object v) throws SQLException;
  }

  DuckDbAppenderSink(SinkContext ctx, Connection connection) {
    this.ctx = ctx;
    this.connection = connection;
    this.setters = new Setter[ctx.targetColumns.length];
    for (int i = 0; i < setters.length; i++) {
      setters[i] = setter(ctx.targetColumns[i]);
    }
  }

  /** Whether every column of the table can be appended (INTERVAL, LIST and the like cannot). */
  static boolean appendable(TargetColumns.Column[] columns) {
    for (TargetColumns.Column c : columns) {
      if (setter(c) == null) {
        return false;
      }
    }
    return true;
  }

  @Override public long write(ResultSet rs, long limit) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("SELECT 1");
    }
    long rows = 0;
    Object[] row = new Object[ctx.readers.length];
    DuckDBAppender a = connection.unwrap(DuckDBConnection.class)
        .createAppender(ctx.table.namespace() == null ? "main" : ctx.table.namespace(),
            ctx.table.name());
    try {
      while (rows < limit && rs.next()) {
        rows++;
        ctx.readRow(rs, row, rows);
        a.beginRow();
        for (int i = 0; i < row.length; i++) {
          Object v = row[i];
          if (v == null) {
            a.appendNull();
          } else {
            try {
              setters[i].append(a, v);
            } catch (ArithmeticException | IllegalArgumentException e) {
              throw ctx.rejected(ctx.columns.get(i), ctx.key(row, rows), v,
                  "not a value of " + ctx.targetColumns[i].typeName() + ": " + e.getMessage());
            }
          }
        }
        a.endRow();
        if (rows % REPORT_ROWS == 0) {
          ctx.options.progress().accept(rows);
          ctx.checkCancelled();
        }
      }
      a.flush();
    } catch (SQLException e) {
      throw ctx.orRejected(e, "(appending a chunk, row numbers count from 1 within it)");
    } finally {
      try {
        a.close();
      } catch (SQLException ignored) {
        // Flushed above; a failed chunk is rolled back by the caller.
      }
    }
    ctx.options.progress().accept(rows);
    return rows;
  }

  @Override public void close() {}

  private static @Nullable Setter setter(TargetColumns.Column c) {
    String type = c.typeName().toUpperCase(Locale.ROOT);
    if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
      int scale = Math.max(0, c.digits());
      return (a, v) -> a.append(decimal(v).setScale(scale));
    }
    return switch (type) {
      case "BIGINT" -> (a, v) -> a.append(integral(v).longValueExact());
      case "INTEGER" -> (a, v) -> a.append(integral(v).intValueExact());
      case "SMALLINT" -> (a, v) -> a.append(integral(v).shortValueExact());
      case "TINYINT" -> (a, v) -> a.append(integral(v).byteValueExact());
      // Unsigned columns take the signed Java type of their width, bits as they are.
      case "UBIGINT" -> (a, v) -> a.append(unsigned(v, 64).longValue());
      case "UINTEGER" -> (a, v) -> a.append(unsigned(v, 32).intValue());
      case "USMALLINT" -> (a, v) -> a.append(unsigned(v, 16).shortValue());
      case "UTINYINT" -> (a, v) -> a.append(unsigned(v, 8).byteValue());
      case "HUGEINT", "UHUGEINT" -> (a, v) -> a.append(integral(v));
      case "DOUBLE" -> (a, v) -> a.append(number(v).doubleValue());
      case "FLOAT", "REAL" -> (a, v) -> a.append(number(v).floatValue());
      case "BOOLEAN" -> (a, v) -> a.append(v instanceof Boolean b ? b.booleanValue()
          : integral(v).signum() != 0);
      case "VARCHAR" -> (a, v) -> a.append(v instanceof String s ? s : SinkValues.text(v));
      case "BLOB" -> (a, v) -> a.append(v instanceof byte[] b ? b
          : (v instanceof String s ? s : SinkValues.text(v)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      case "DATE" -> (a, v) -> a.append(v instanceof LocalDateTime t ? t.toLocalDate()
          : v instanceof LocalDate d ? d : LocalDate.parse(v.toString()));
      case "TIME" -> (a, v) -> a.append(v instanceof LocalTime t ? t : LocalTime.parse(v.toString()));
      case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> (a, v) -> a.append(
          v instanceof LocalDateTime t ? t : v instanceof OffsetDateTime o
              ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
              : v instanceof LocalDate d ? d.atStartOfDay() : LocalDateTime.parse(v.toString().replace(' ', 'T')));
      case "TIMESTAMP WITH TIME ZONE" -> (a, v) -> a.append(v instanceof OffsetDateTime o ? o
          : v instanceof LocalDateTime t ? t.atOffset(ZoneOffset.UTC)
          : OffsetDateTime.parse(v.toString()));
      case "UUID" -> (a, v) -> a.append(UUID.fromString(v instanceof SourceText t ? t.text() : v.toString()));
      default -> null;
    };
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Double d) {
      return new BigDecimal(Double.toString(d));
    }
    return new BigDecimal(v.toString().strip());
  }

  private static BigInteger integral(Object v) {
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (v instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    return decimal(v).toBigIntegerExact();
  }

  /** {@code v} as a whole number that fits {@code bits} unsigned bits. */
  private static BigInteger unsigned(Object v, int bits) {
    BigInteger b = integral(v);
    if (b.signum() < 0 || b.bitLength() > bits) {
      throw new ArithmeticException("outside 0 to 2^" + bits + " - 1");
    }
    return b;
  }

  private static Number number(Object v) {
    return v instanceof Number n ? n : decimal(v);
  }
}
