package dev.ferry.federation;

import dev.ferry.types.ColumnSpec;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A SELECT Calcite planned but nobody ran yet: either the SQL that one database runs whole
 * ({@code direct}), or Calcite's own prepared statement ({@code calcite}). Exactly one is set.
 * {@link #open} runs it; {@link #close} drops it unrun.
 */
public record PlannedRows(@Nullable DirectPlan direct, @Nullable PreparedStatement calcite)
    implements AutoCloseable {

  /** Runs the plan and hands its rows over; this object needs no closing afterwards. */
  public SourceRows open() throws SQLException {
    if (direct != null) {
      return direct.openRows();
    }
    PreparedStatement ps = java.util.Objects.requireNonNull(calcite, "calcite");
    try {
      ResultSet rs = ps.executeQuery();
      return new SourceRows(ps, rs, null, ColumnSpec.fromMetaData(rs.getMetaData()), null);
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override public void close() {
    if (calcite != null) {
      try {
        calcite.close();
      } catch (SQLException ignored) {
        // Dropping an unrun statement.
      }
    }
  }
}
