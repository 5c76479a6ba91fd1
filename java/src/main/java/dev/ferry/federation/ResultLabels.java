package dev.ferry.federation;

import dev.ferry.types.CalciteSyntax;
import dev.ferry.types.ColumnSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Readable labels for result columns the query left unnamed, in place of Calcite's
 * {@code EXPR$n}: a function call is labelled with the function's name ({@code sum},
 * {@code count}, {@code avg}, {@code coalesce}; a window function's too), a CAST with what it
 * casts, a CASE {@code case}, as PostgreSQL labels them; anything else (arithmetic, a literal)
 * {@code expr_n}, n being the column's position from 1. A label that an earlier column already
 * has gets {@code _2}, {@code _3}, … (JSON and CSV output need distinct names). Columns the query
 * named keep their names. The same labels come out whether a database or Calcite ran the query.
 */
final class ResultLabels {
  private static final Pattern CALCITE_ALIAS = Pattern.compile("EXPR\\$\\d+");

  private ResultLabels() {}

  /** {@code columns} with their {@code EXPR$n} labels replaced, as {@code sql} spells them. */
  static List<ColumnSpec> of(String sql, List<ColumnSpec> columns) {
    if (columns.stream().noneMatch(c -> CALCITE_ALIAS.matcher(c.label()).matches())) {
      return columns;
    }
    List<@Nullable SqlNode> items = items(sql, columns.size());
    Set<String> taken = new HashSet<>();
    for (ColumnSpec c : columns) {
      if (!CALCITE_ALIAS.matcher(c.label()).matches()) {
        taken.add(c.label().toLowerCase(Locale.ROOT));
      }
    }
    List<ColumnSpec> out = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      if (!CALCITE_ALIAS.matcher(c.label()).matches()) {
        out.add(c);
        continue;
      }
      String base = name(items.get(i));
      if (base == null) {
        base = "expr_" + (i + 1);
      }
      String label = base;
      for (int n = 2; !taken.add(label.toLowerCase(Locale.ROOT)); n++) {
        label = base + "_" + n;
      }
      out.add(new ColumnSpec(label, c.jdbcType(), c.typeName(), c.precision(), c.scale(),
          c.nullable()));
    }
    return out;
  }

  /**
   * The select item behind each of {@code count} result columns, or null where it cannot be
   * told: items before the first {@code *} and after the last one line up with the columns.
   */
  private static List<@Nullable SqlNode> items(String sql, int count) {
    List<@Nullable SqlNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(null);
    }
    SqlNodeList list;
    try {
      list = selectList(SqlParser.create(sql, CalciteSyntax.PARSER).parseStmt());
    } catch (SqlParseException | RuntimeException unreadable) {
      return out;
    }
    if (list == null) {
      return out;
    }
    int stars = 0;
    for (SqlNode n : list) {
      stars += n instanceof SqlIdentifier id && id.isStar() ? 1 : 0;
    }
    if (stars == 0 && list.size() != count) {
      return out;
    }
    for (int i = 0; i < list.size() && i < count; i++) {
      if (list.get(i) instanceof SqlIdentifier id && id.isStar()) {
        break;
      }
      out.set(i, list.get(i));
    }
    for (int j = list.size() - 1, i = count - 1; j >= 0 && i >= 0; j--, i--) {
      if (list.get(j) instanceof SqlIdentifier id && id.isStar()) {
        break;
      }
      out.set(i, list.get(j));
    }
    return out;
  }

  private static @Nullable SqlNodeList selectList(SqlNode node) {
    if (node instanceof SqlOrderBy o) {
      return selectList(o.query);
    }
    if (node instanceof SqlWith w) {
      return selectList(w.body);
    }
    if (node instanceof SqlSelect s) {
      return s.getSelectList();
    }
    if (node instanceof SqlCall c && c.getKind().belongsTo(SqlKind.SET_QUERY)) {
      return selectList(c.operand(0));
    }
    return null;
  }

  /** The label PostgreSQL would give an unnamed item, or null for {@code ?column?}. */
  private static @Nullable String name(@Nullable SqlNode item) {
    if (item instanceof SqlIdentifier id && !id.isStar()) {
      return id.names.get(id.names.size() - 1);
    }
    if (!(item instanceof SqlCall call)) {
      return null;
    }
    switch (call.getKind()) {
    case OVER:
      return name(call.operand(0));
    case CAST: {
      String inner = name(call.operand(0));
      return inner != null || !(call.operand(1) instanceof SqlDataTypeSpec t) ? inner
          : t.getTypeName().getSimple().toLowerCase(Locale.ROOT);
    }
    case CASE:
      return "case";
    default:
      return call.getOperator() instanceof SqlFunction f
          ? f.getName().toLowerCase(Locale.ROOT) : null;
    }
  }
}
