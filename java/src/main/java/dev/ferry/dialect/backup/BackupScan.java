package dev.ferry.dialect.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.types.CalciteSyntax;
import dev.ferry.types.ColumnSpec;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plain scan of one backup table ({@code SELECT a, b FROM t}, or {@code SELECT *}), possibly
 * of key ranges only ({@code WHERE k BETWEEN 1 AND 500 OR …}, reading only the files whose
 * keys can fall in them), served straight from its chunk files instead of through Calcite:
 * values exactly as backed up
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
    if (!(node instanceof SqlSelect s) || s.getGroup() != null
        || s.getHaving() != null || s.getOrderList() != null || s.getFetch() != null
        || s.getOffset() != null || s.isDistinct() || !(s.getFrom() instanceof SqlIdentifier from)) {
      return null;
    }
    Manifest.TableData data = archive.table(from.names.get(from.names.size() - 1));
    if (data == null) {
      return null;
    }
    long[][] ranges = null;
    if (s.getWhere() != null) {
      List<long[]> found = new ArrayList<>();
      // Not an integer key, or not key ranges: Calcite filters.
      if (!keyRangesRecorded(data) || !keyRanges(s.getWhere(), data, found)) {
        return null;
      }
      ranges = found.toArray(new long[0][]);
    }
    List<SqlNode> items = s.getSelectList().getList();
    if (ranges == null && items.stream().allMatch(BackupScan::isAggregate)) {
      return BackupCounts.of(data, items);
    }
    if (items.size() == 1 && items.get(0) instanceof SqlIdentifier id && id.isStar()) {
      return BackupRows.open(archive, data, null, ranges);
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
    return BackupRows.open(archive, data, projection, ranges);
  }

  /**
   * Adds to {@code out} the ranges of {@code where} when it is {@code k BETWEEN lo AND hi}, or
   * several joined by OR, on the first column of the table's integer key with whole-number
   * bounds (what a verification asks for the key ranges it narrows); false for anything else.
   */
  private static boolean keyRanges(SqlNode where, Manifest.TableData data, List<long[]> out) {
    if (!(where instanceof SqlCall call)) {
      return false;
    }
    if (call.getKind() == SqlKind.OR) {
      for (SqlNode operand : call.getOperandList()) {
        if (!keyRanges(operand, data, out)) {
          return false;
        }
      }
      return true;
    }
    if (call.getKind() != SqlKind.BETWEEN || !(call.getOperator() instanceof SqlBetweenOperator between)
        || between.isNegated() || between.flag == SqlBetweenOperator.Flag.SYMMETRIC
        || !(call.operand(0) instanceof SqlIdentifier col)
        || !col.names.get(col.names.size() - 1).equals(data.key().get(0))) {
      return false;
    }
    Long lo = whole(call.operand(1));
    Long hi = whole(call.operand(2));
    if (lo == null || hi == null) {
      return false;
    }
    out.add(new long[] {lo, hi});
    return true;
  }

  /**
   * Whether the table has a key whose first column the files hold and whose range the manifest
   * records for every non-empty file (an integer key).
   */
  private static boolean keyRangesRecorded(Manifest.TableData data) {
    if (data.key().isEmpty() || column(data.columns(), data.key().get(0)) < 0) {
      return false;
    }
    for (Manifest.Chunk c : data.chunks()) {
      if (c.rows() > 0 && c.keyMin() == null) {
        return false;
      }
    }
    return true;
  }

  /** The value of a whole-number literal, possibly negated; null for anything else. */
  private static @Nullable Long whole(SqlNode n) {
    boolean negative = false;
    if (n.getKind() == SqlKind.MINUS_PREFIX) {
      negative = true;
      n = ((SqlCall) n).operand(0);
    }
    if (!(n instanceof SqlNumericLiteral lit) || !lit.isInteger()) {
      return null;
    }
    try {
      long v = lit.getValueAs(BigDecimal.class).longValueExact();
      return negative ? Math.negateExact(v) : v;
    } catch (ArithmeticException beyond) {
      return null;
    }
  }

  /** {@code COUNT(*)}, {@code MIN(col)} or {@code MAX(col)}, possibly with an alias. */
  private static boolean isAggregate(SqlNode n) {
    return BackupCounts.aggregate(n) != null;
  }

  /** The 0-based position of the column labelled {@code name}, or -1. */
  static int column(List<ColumnSpec> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).label().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
