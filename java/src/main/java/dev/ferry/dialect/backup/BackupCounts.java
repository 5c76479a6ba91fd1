package dev.ferry.dialect.backup;

import dev.ferry.archive.Manifest;
import dev.ferry.arrow.BatchRows;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.ColumnSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SELECT COUNT(*), MIN(k), MAX(k) FROM t} of a backup table answered from its manifest:
 * the row count it records, the range of its integer key's first column per chunk. What
 * verification asks first of every table, without reading a file (Calcite's interpreter would
 * hold every row of the table in memory to answer it).
 */
final class BackupCounts {
  private BackupCounts() {}

  /** The one-row answer, or null when the manifest cannot say (then Calcite answers). */
  static @Nullable ResultSet of(Manifest.TableData data, List<SqlNode> items) {
    List<Long> values = new ArrayList<>();
    for (SqlNode n : items) {
      SqlCall call = (SqlCall) unaliased(n);
      SqlKind kind = aggregate(n);
      if (kind == SqlKind.COUNT) {
        if (call.operandCount() != 1 || !(call.operand(0) instanceof SqlIdentifier id && id.isStar())) {
          return null;
        }
        values.add(data.rows());
        continue;
      }
      if (kind == null || call.operandCount() != 1 || !(call.operand(0) instanceof SqlIdentifier col)
          || data.key().isEmpty() || !data.key().get(0).equals(col.names.get(col.names.size() - 1))) {
        return null;
      }
      Long v = null;
      for (Manifest.Chunk c : data.chunks()) {
        String bound = kind == SqlKind.MIN ? c.keyMin() : c.keyMax();
        if (bound == null) {
          if (c.rows() > 0) {
            return null; // Not recorded (not an integer key): Calcite reads the files.
          }
          continue;
        }
        long b = Long.parseLong(bound);
        v = v == null ? b : kind == SqlKind.MIN ? Math.min(v, b) : Math.max(v, b);
      }
      values.add(v);
    }
    return rows(values);
  }

  /**
   * {@code COUNT}, {@code MIN} or {@code MAX} when {@code n} (alias aside) calls one, else null.
   * The parser knows no functions: it leaves each call an unresolved function named as written,
   * so the name says which.
   */
  static @Nullable SqlKind aggregate(SqlNode n) {
    if (!(unaliased(n) instanceof SqlCall call)) {
      return null;
    }
    SqlKind kind = call.getKind();
    if (kind == SqlKind.COUNT || kind == SqlKind.MIN || kind == SqlKind.MAX) {
      return kind;
    }
    if (!(call.getOperator() instanceof SqlUnresolvedFunction f) || call.getFunctionQuantifier() != null) {
      return null;
    }
    return switch (f.getName().toUpperCase(Locale.ROOT)) {
      case "COUNT" -> SqlKind.COUNT;
      case "MIN" -> SqlKind.MIN;
      case "MAX" -> SqlKind.MAX;
      default -> null;
    };
  }

  /** {@code n} without its {@code AS alias}. */
  static SqlNode unaliased(SqlNode n) {
    return n.getKind() == SqlKind.AS ? ((SqlCall) n).operand(0) : n;
  }

  private static ResultSet rows(List<@Nullable Long> values) {
    List<ColumnSpec> specs = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      specs.add(new ColumnSpec("EXPR$" + i, Types.BIGINT, "BIGINT", 19, 0, true));
    }
    List<FieldVector> vectors = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      BigIntVector v = new BigIntVector("EXPR$" + i, BackupRows.ALLOCATOR);
      v.allocateNew(1);
      if (values.get(i) == null) {
        v.setNull(0);
      } else {
        v.set(0, values.get(i));
      }
      v.setValueCount(1);
      vectors.add(v);
    }
    return answer(vectors, specs, 1, "answering a count from the backup's manifest");
  }

  /**
   * The {@code rows} rows {@code vectors} hold (typed as {@code specs}) as a result set: what the
   * manifest answers; {@code doing} names it in an error.
   */
  static ResultSet answer(List<FieldVector> vectors, List<ColumnSpec> specs, int rows, String doing) {
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(rows);
    try {
      // A few bytes per table verified: left to the allocator, not worth owning.
      BatchRows rs = new BatchRows(root, specs);
      rs.load(rows);
      return rs;
    } catch (SQLException e) {
      root.close();
      throw FerryFailure.wrap(e, doing);
    }
  }
}
