package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Columns read the cheaper way a driver's {@link DriverCells} allow, each falling back to the
 * typed column it stands in for wherever the cheap way does not give the same value.
 */
final class DriverCellColumns {
  private DriverCellColumns() {}

  /** {@code typed} (the column for {@code spec}, result column {@code i}) or its cheaper stand-in. */
  static ArrowColumn of(ArrowColumn typed, ColumnSpec spec, int i, DriverCells cells) {
    int type = spec.jdbcType();
    if (cells.textBytes() && isText(type)) {
      return new TextBytes(typed, i);
    }
    if (cells.isoDateText() && type == Types.DATE) {
      return new IsoDate(typed, i);
    }
    return typed;
  }

  private static boolean isText(int jdbcType) {
    switch (jdbcType) {
    case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR:
    case Types.NCHAR: case Types.NVARCHAR: case Types.LONGNVARCHAR:
      return true;
    default:
      return false;
    }
  }

  /** A column that reads through {@code typed} (sharing its vector) when it must. */
  private abstract static class StandIn extends ArrowColumn {
    final ArrowColumn typed;
    final int i;

    StandIn(ArrowColumn typed, int i) {
      super(typed.field);
      this.typed = typed;
      this.i = i;
    }

    void readTyped(ResultSet rs, int row) throws SQLException {
      typed.vector = vector;
      typed.read(rs, row);
    }
  }

  /**
   * Text as the driver's bytes: copied as they are when ASCII, else decoded and encoded again
   * as {@code getString} and the typed column would (so malformed UTF-8 is replaced alike).
   */
  private static final class TextBytes extends StandIn {
    private boolean refused;

    TextBytes(ArrowColumn typed, int i) {
      super(typed, i);
    }

    @Override void read(ResultSet rs, int row) throws SQLException {
      if (refused) {
        readTyped(rs, row);
        return;
      }
      byte[] v;
      try {
        v = rs.getBytes(i);
      } catch (SQLException e) {
        // This column's values are not bytes to the driver: read as text from now on.
        refused = true;
        readTyped(rs, row);
        return;
      }
      VarCharVector out = (VarCharVector) vector;
      if (v == null) {
        out.setNull(row);
      } else if (ascii(v)) {
        out.setSafe(row, v);
      } else {
        out.setSafe(row, new String(v, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
      }
    }

    private static boolean ascii(byte[] v) {
      for (byte b : v) {
        if (b < 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** A DATE from its {@code yyyy-MM-dd} text; any other text is read again the typed way. */
  private static final class IsoDate extends StandIn {
    IsoDate(ArrowColumn typed, int i) {
      super(typed, i);
    }

    @Override void read(ResultSet rs, int row) throws SQLException {
      String text = rs.getString(i);
      if (text == null) {
        ((DateDayVector) vector).setNull(row);
        return;
      }
      long day = IsoDateText.epochDay(text);
      if (day == IsoDateText.NOT_PLAIN) {
        readTyped(rs, row);
      } else {
        ((DateDayVector) vector).setSafe(row, (int) day);
      }
    }
  }
}
