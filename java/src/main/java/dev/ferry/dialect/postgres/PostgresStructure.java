package dev.ferry.dialect.postgres;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.SqlClauses;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TypeInfo;

/**
 * What PostgreSQL keeps beyond keys and indexes, in three catalog queries: CHECK constraints,
 * enumerated and domain column types, view definitions and partitions.
 *
 * <p>pgjdbc's {@code getColumns} reports an enum column as an unbounded VARCHAR named after the
 * enum, and a domain column as {@code Types.DISTINCT} named after the domain, with the domain's
 * raw type modifier as its size (16 for a {@code varchar(12)}) and without the domain's default.
 * A domain column is made here what pgjdbc reports for a column of the domain's base type (its
 * {@link TypeInfo} answers from the driver's cache for built-in types), and the domain's NOT
 * NULL, default (not on a view's column) and CHECK constraints are applied to the column.
 */
final class PostgresStructure {
  // Inherited checks of a partition are its parent's; those of a plain child table are its own.
  private static final String CHECKS = """
      SELECT t.relname, con.conname, pg_catalog.pg_get_constraintdef(con.oid, true)
      FROM pg_catalog.pg_constraint con
      JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = ? AND con.contype = 'c' AND (con.conislocal OR NOT t.relispartition)
        {tables:t.relname}
      ORDER BY t.relname, con.conname""";

  // One row per link of a column's type chain: the enum or domain itself, then each domain's
  // base type down to one that is not a domain.
  private static final String TYPES = """
      WITH RECURSIVE chain(tab, col, pos, depth, typ) AS (
        SELECT c.relname, a.attname, a.attnum, 0, a.atttypid
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = ? AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND t.typtype IN ('d', 'e') {tables:c.relname}
        UNION ALL
        SELECT ch.tab, ch.col, ch.pos, ch.depth + 1, t.typbasetype
        FROM chain ch JOIN pg_catalog.pg_type t ON t.oid = ch.typ
        WHERE t.typtype = 'd' AND ch.depth < 16)
      SELECT ch.tab, ch.col, t.oid, t.typname, t.typtype, t.typtypmod, t.typnotnull, t.typdefault,
             ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid
                   ORDER BY e.enumsortorder),
             ARRAY(SELECT k.conname::text FROM pg_catalog.pg_constraint k
                   WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname),
             ARRAY(SELECT pg_catalog.pg_get_constraintdef(k.oid, true) FROM pg_catalog.pg_constraint k
                   WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)
      FROM chain ch JOIN pg_catalog.pg_type t ON t.oid = ch.typ
      ORDER BY ch.tab, ch.pos, ch.depth""";

  private static final String RELATIONS = """
      SELECT c.relname,
             CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END,
             p.relname,
             CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
             CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
      LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
      WHERE n.nspname = ? AND (c.relkind IN ('v', 'm', 'p') OR c.relispartition) {tables:c.relname}
      ORDER BY c.relname""";

  /** One link of a column's type chain. */
  private record Link(String table, String column, int oid, String name, String typtype,
      int typmod, boolean notNull, @Nullable String defaultValue, List<String> labels,
      List<String> checkNames, List<String> checks) {}

  private PostgresStructure() {}

  /** Reads CHECK constraints, enum and domain types, view definitions and partitions. */
  static void read(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    CatalogReader.read(c, "CHECK constraints", CHECKS, scope, facts,
        rs -> facts.check(rs.getString(1), rs.getString(2), rs.getString(3)));
    Map<List<String>, List<Link>> chains = new LinkedHashMap<>();
    CatalogReader.read(c, "enum and domain types", TYPES, scope, facts, rs -> {
      String table = rs.getString(1);
      String column = rs.getString(2);
      if (table != null && column != null) {
        chains.computeIfAbsent(List.of(table, column), k -> new ArrayList<>()).add(new Link(table,
            column, rs.getInt(3), String.valueOf(rs.getString(4)), String.valueOf(rs.getString(5)),
            rs.getInt(6), rs.getBoolean(7), rs.getString(8), strings(rs.getArray(9)),
            strings(rs.getArray(10)), strings(rs.getArray(11))));
      }
    });
    TypeInfo types = typeInfo(c);
    for (List<Link> chain : chains.values()) {
      apply(chain, facts, types);
    }
    CatalogReader.read(c, "view definitions and partitions", RELATIONS, scope, facts, rs -> {
      CatalogFacts.TableFacts t = facts.table(String.valueOf(rs.getString(1)));
      if (t != null) {
        t.definition = SqlClauses.trimQuery(rs.getString(2));
        t.partitionOf = rs.getString(3);
        t.partitionBy = rs.getString(4);
        t.partitionBound = rs.getString(5);
      }
    });
  }

  /** Applies one column's type chain: its enum labels, or its domain and the domain's base type. */
  private static void apply(List<Link> chain, CatalogFacts facts, @Nullable TypeInfo types) {
    Link top = chain.get(0);
    Link base = chain.get(chain.size() - 1);
    CatalogFacts.TableFacts table = facts.table(top.table());
    CatalogFacts.ColumnFacts col = table == null ? null : table.column(top.column());
    if (col == null) {
      return;
    }
    if (top.typtype().equals("d")) {
      col.domain = top.name();
      int typmod = -1;
      String quoted = "\"" + col.name.replace("\"", "\"\"") + "\"";
      for (Link d : chain) {
        if (!d.typtype().equals("d")) {
          continue;
        }
        typmod = typmod == -1 ? d.typmod() : typmod;
        col.nullable &= !d.notNull();
        if (col.defaultValue == null && !table.view) {
          col.defaultValue = d.defaultValue();
        }
        for (int i = 0; i < Math.min(d.checks().size(), d.checkNames().size()); i++) {
          facts.check(top.table(), d.checkNames().get(i),
              SqlClauses.replaceWord(d.checks().get(i), "VALUE", quoted));
        }
      }
      if (types != null && !base.typtype().equals("d")) {
        baseType(col, base, typmod, types);
      }
    }
    if (base.typtype().equals("e")) {
      col.enumValues = base.labels();
      col.jdbcType = Types.VARCHAR;
      col.size = Integer.MAX_VALUE;
    }
  }

  /** Describes a domain column as pgjdbc's {@code getColumns} describes its base type's. */
  private static void baseType(CatalogFacts.ColumnFacts col, Link base, int typmod, TypeInfo types) {
    try {
      int oid = base.oid();
      int sqlType = base.typtype().equals("c") ? Types.STRUCT
          : base.typtype().equals("e") ? Types.VARCHAR : types.getSQLType(oid);
      int size = types.getPrecision(oid, typmod);
      if (sqlType != Types.NUMERIC && size == 0) {
        size = types.getDisplaySize(oid, typmod);
      }
      boolean unsetScale = (sqlType == Types.NUMERIC || sqlType == Types.DECIMAL) && typmod == -1;
      col.typeName = types.getPGType(oid);
      col.jdbcType = sqlType;
      col.size = size;
      col.digits = unsetScale ? -1 : types.getScale(oid, typmod);
    } catch (SQLException | RuntimeException e) {
      // The column keeps what getColumns said; inspection does not fail over one odd type.
    }
  }

  private static @Nullable TypeInfo typeInfo(Connection c) {
    try {
      return c.isWrapperFor(BaseConnection.class) ? c.unwrap(BaseConnection.class).getTypeInfo() : null;
    } catch (SQLException e) {
      return null;
    }
  }

  private static List<String> strings(@Nullable Array a) throws SQLException {
    if (a == null || !(a.getArray() instanceof Object[] values)) {
      return List.of();
    }
    return Arrays.stream(values).map(String::valueOf).toList();
  }
}
