package dev.ferry.dialect.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.LogicalType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One table of a backup as Calcite reads it: its chunk files in order, each decrypted and
 * decoded as it streams ({@link BackupRows}), values handed to Calcite in its own
 * representation (dates as days, timestamps as milliseconds: Calcite's runtime holds no finer;
 * plain scans that need microseconds are served exactly by {@link BackupScan}).
 */
final class BackupTable extends AbstractTable implements ScannableTable {
  private final Archive archive;
  private final Manifest.TableData data;

  BackupTable(Archive archive, Manifest.TableData data) {
    this.archive = archive;
    this.data = data;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnSpec c : data.columns()) {
      b.add(c.label(), f.createTypeWithNullability(type(f, c), true));
    }
    return b.build();
  }

  /** The Calcite type a column is exposed as; types Arrow holds as text are VARCHAR. */
  static RelDataType type(RelDataTypeFactory f, ColumnSpec c) {
    SqlTypeName n = exposed(c);
    if (n == SqlTypeName.DECIMAL) {
      // Without a precision (stored as exact digits): the type an unbounded DECIMAL has elsewhere.
      return c.precision() > 0 ? f.createSqlType(n, c.precision(), Math.max(0, c.scale()))
          : LogicalType.UNBOUNDED_DECIMAL.toRelDataType(f, true);
    }
    if ((n == SqlTypeName.VARCHAR || n == SqlTypeName.CHAR || n == SqlTypeName.VARBINARY
        || n == SqlTypeName.BINARY) && c.precision() > 0 && c.precision() < 65536) {
      return f.createSqlType(n, c.precision());
    }
    if (n == SqlTypeName.TIMESTAMP || n == SqlTypeName.TIME) {
      return f.createSqlType(n, Math.max(0, Math.min(c.scale() > 0 ? c.scale() : 6, 9)));
    }
    return f.createSqlType(n);
  }

  /** The SQL type a column is read as: its own when Calcite runs it, else text. */
  static SqlTypeName exposed(ColumnSpec c) {
    return switch (c.jdbcType()) {
      case Types.BOOLEAN, Types.BIT -> SqlTypeName.BOOLEAN;
      case Types.TINYINT -> SqlTypeName.TINYINT;
      case Types.SMALLINT -> SqlTypeName.SMALLINT;
      case Types.INTEGER -> SqlTypeName.INTEGER;
      case Types.BIGINT -> SqlTypeName.BIGINT;
      case Types.DECIMAL, Types.NUMERIC -> SqlTypeName.DECIMAL;
      case Types.REAL -> SqlTypeName.REAL;
      case Types.FLOAT, Types.DOUBLE -> SqlTypeName.DOUBLE;
      case Types.DATE -> SqlTypeName.DATE;
      case Types.TIME -> SqlTypeName.TIME;
      case Types.TIMESTAMP -> SqlTypeName.TIMESTAMP;
      case Types.CHAR -> SqlTypeName.CHAR;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> SqlTypeName.VARBINARY;
      default -> SqlTypeName.VARCHAR;
    };
  }

  @Override public Enumerable<@Nullable Object[]> scan(DataContext root) {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<@Nullable Object[]> enumerator() {
        return new RowEnumerator(BackupRows.open(archive, data, null, null));
      }
    };
  }

  /** Rows of the chunk files in Calcite's representation. */
  private final class RowEnumerator implements Enumerator<@Nullable Object[]> {
    private final ResultSet rs;
    private final SqlTypeName[] types;
    private @Nullable Object[] row;

    RowEnumerator(ResultSet rs) {
      this.rs = rs;
      List<ColumnSpec> cols = data.columns();
      types = new SqlTypeName[cols.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = exposed(cols.get(i));
      }
    }

    @Override public @Nullable Object[] current() {
      return row;
    }

    @Override public boolean moveNext() {
      try {
        if (!rs.next()) {
          return false;
        }
        @Nullable Object[] r = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
          r[i] = value(rs, i + 1, types[i]);
        }
        row = r;
        return true;
      } catch (SQLException e) {
        throw FerryFailure.wrap(e, "reading " + data.name() + " from the backup in " + archive.dir());
      }
    }

    @Override public void reset() {
      throw new UnsupportedOperationException("a backup table is read once per scan");
    }

    @Override public void close() {
      try {
        rs.close();
      } catch (SQLException ignored) {
        // Only buffers are held.
      }
    }
  }

  private static @Nullable Object value(ResultSet rs, int i, SqlTypeName t) throws SQLException {
    Object v = switch (t) {
      case BOOLEAN -> rs.getBoolean(i);
      case TINYINT -> rs.getByte(i);
      case SMALLINT -> rs.getShort(i);
      case INTEGER -> rs.getInt(i);
      case BIGINT -> rs.getLong(i);
      case DECIMAL -> rs.getBigDecimal(i);
      case REAL -> rs.getFloat(i);
      case DOUBLE -> rs.getDouble(i);
      case DATE -> {
        LocalDate d = rs.getObject(i, LocalDate.class);
        yield d == null ? null : (int) d.toEpochDay();
      }
      case TIME -> {
        LocalTime d = rs.getObject(i, LocalTime.class);
        yield d == null ? null : (int) (d.toNanoOfDay() / 1_000_000);
      }
      case TIMESTAMP -> {
        LocalDateTime d = rs.getObject(i, LocalDateTime.class);
        yield d == null ? null : d.toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      case VARBINARY -> {
        byte[] b = rs.getBytes(i);
        yield b == null ? null : new ByteString(b);
      }
      default -> rs.getString(i);
    };
    return rs.wasNull() ? null : v;
  }
}
