package dev.ferry.dialect.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.types.CalciteSyntax;
import dev.ferry.types.ColumnSpec;
import java.sql.ResultSet;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plain scan of one backup table ({@code SELECT a, b FROM t}, or {@code SELECT *}), served
 * straight from its chunk files instead of through Calcite: values exactly as backed up
 * (timestamps keep their microseconds, which Calcite's runtime would cut to milliseconds) and
 * without a planner in the way. Verification and copies read a backup this way.
 */
final class BackupScan {
  private BackupScan() {}

  /** The rows of {@code sql} when it is such a scan of a table of {@code archive}; else null. */
  static @Nullable ResultSet of(Archive archive, String sql) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, CalciteSyntax.PARSER).parseQuery();
    } catch (SqlParseException e) {
      return null;
    }
    if (!(node instanceof SqlSelect s) || s.getWhere() != null || s.getGroup() != null
        || s.getHaving() != null || s.getOrderList() != null || s.getFetch() != null
        || s.getOffset() != null || s.isDistinct() || !(s.getFrom() instanceof SqlIdentifier from)) {
      return null;
    }
    Manifest.TableData data = archive.table(from.names.get(from.names.size() - 1));
    if (data == null) {
      return null;
    }
    List<SqlNode> items = s.getSelectList().getList();
    if (items.stream().allMatch(BackupScan::isAggregate)) {
      return BackupCounts.of(data, items);
    }
    if (items.size() == 1 && items.get(0) instanceof SqlIdentifier id && id.isStar()) {
      return BackupRows.open(archive, data, null);
    }
    int[] projection = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof SqlIdentifier id) || id.isStar()) {
        return null;
      }
      int at = column(data.columns(), id.names.get(id.names.size() - 1));
      if (at < 0) {
        return null;
      }
      projection[i] = at + 1;
    }
    return BackupRows.open(archive, data, projection);
  }

  /** {@code COUNT(*)}, {@code MIN(col)} or {@code MAX(col)}, possibly with an alias. */
  private static boolean isAggregate(SqlNode n) {
    return BackupCounts.aggregate(n) != null;
  }

  private static int column(List<ColumnSpec> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).label().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
