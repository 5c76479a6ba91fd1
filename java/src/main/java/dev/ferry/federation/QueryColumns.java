package dev.ferry.federation;

import dev.ferry.types.CalciteSyntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The columns of the tables a query reads (every FROM and JOIN of it and of its subqueries),
 * for naming the closest ones when a column is not found. Best effort: SQL that does not parse,
 * or a table that cannot be resolved, adds nothing.
 */
final class QueryColumns {
  private QueryColumns() {}

  /** The column names of the tables {@code sql} reads, each once, in the order met. */
  static List<String> of(String sql, SchemaPlus root, RelDataTypeFactory types) {
    Set<String> out = new LinkedHashSet<>();
    try {
      SqlNode node = SqlParser.create(sql, CalciteSyntax.PARSER).parseStmt();
      List<SqlIdentifier> tables = new ArrayList<>();
      node.accept(new SqlBasicVisitor<Void>() {
        @Override public Void visit(SqlCall call) {
          if (call instanceof SqlSelect s && s.getFrom() != null) {
            from(s.getFrom(), tables);
          }
          return super.visit(call);
        }
      });
      for (SqlIdentifier id : tables) {
        Table t = resolve(root, id.names);
        if (t != null) {
          for (RelDataTypeField f : t.getRowType(types).getFieldList()) {
            out.add(f.getName());
          }
        }
      }
    } catch (Exception | AssertionError unreadable) {
      // Nothing to suggest.
    }
    return List.copyOf(out);
  }

  private static void from(SqlNode from, List<SqlIdentifier> tables) {
    if (from instanceof SqlIdentifier id) {
      tables.add(id);
    } else if (from instanceof SqlJoin j) {
      from(j.getLeft(), tables);
      from(j.getRight(), tables);
    } else if (from instanceof SqlCall c && c.getKind() == SqlKind.AS) {
      from(c.operand(0), tables);
    }
  }

  private static @Nullable Table resolve(SchemaPlus root, List<String> names) {
    SchemaPlus s = SchemaPath.at(root, names.subList(0, names.size() - 1));
    if (s == null) {
      return null;
    }
    String last = names.get(names.size() - 1);
    Table t = s.tables().get(last);
    if (t == null) {
      var named = s.tables().getIgnoreCase(last);
      t = named == null ? null : named.entity();
    }
    return t;
  }
}
