package dev.ferry.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Moves a query's table references from the source namespace to the target's: a reference
 * qualified with the source namespace (or any, when it is not known) and an unqualified one both
 * become qualified with the target namespace, or unqualified when there is none. Column
 * references qualified with a namespace ({@code test.orders.id}, as MariaDB prints them) lose it.
 * A table of another namespace is refused: a migration creates only its own.
 */
final class TableNames extends SqlShuttle {
  private final @Nullable String source;
  private final @Nullable String target;

  TableNames(@Nullable String source, @Nullable String target) {
    this.source = source;
    this.target = target;
  }

  @Override public @Nullable SqlNode visit(SqlCall call) {
    if (call instanceof SqlSelect s && s.getFrom() != null) {
      s.setFrom(from(s.getFrom()));
    }
    return super.visit(call);
  }

  @Override public SqlNode visit(SqlIdentifier id) {
    if (id.names.size() == 3 && sameNamespace(id.names.get(0))) {
      return id.getComponent(1, 3);
    }
    if (id.names.size() > 3) {
      throw new Untranslatable("the reference " + id);
    }
    return id;
  }

  /** One FROM item with its tables renamed. */
  private SqlNode from(SqlNode item) {
    if (item instanceof SqlIdentifier id) {
      return table(id);
    }
    if (item instanceof SqlJoin j) {
      j.setLeft(from(j.getLeft()));
      j.setRight(from(j.getRight()));
      return j;
    }
    if (item instanceof SqlCall c && c.getKind() == SqlKind.AS) {
      if (c.operand(0) instanceof SqlIdentifier) {
        c.setOperand(0, table(c.operand(0)));
      }
      return c;
    }
    return item;
  }

  private SqlIdentifier table(SqlIdentifier id) {
    if (id.names.size() > 2 || (id.names.size() == 2 && !sameNamespace(id.names.get(0)))) {
      throw new Untranslatable("the table " + id + " of another namespace");
    }
    String name = id.names.get(id.names.size() - 1);
    return new SqlIdentifier(target == null ? List.of(name) : List.of(target, name),
        id.getParserPosition());
  }

  private boolean sameNamespace(String ns) {
    return source == null || source.equals(ns);
  }
}
