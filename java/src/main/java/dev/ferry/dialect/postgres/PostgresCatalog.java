package dev.ferry.dialect.postgres;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.SqlCatalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's keys, foreign keys and indexes from {@code pg_catalog}, one query each.
 *
 * <p>{@code pg_catalog} rather than {@code information_schema}: the latter only shows what the
 * current role owns or may use, and knows nothing of indexes. Column pairs of multi-column keys
 * come from unnesting {@code conkey}/{@code confkey} in step, so their order is the declared one.
 */
final class PostgresCatalog extends SqlCatalog {
  private static final String KEYS = """
      SELECT t.relname, con.conname, CASE WHEN con.contype = 'p' THEN 1 ELSE 0 END, a.attname
      FROM pg_catalog.pg_constraint con
      JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = ? AND con.contype IN ('p', 'u') {tables:t.relname}
      ORDER BY t.relname, con.conname, k.ord""";

  private static final String FOREIGN_KEYS = """
      SELECT t.relname, con.conname, rn.nspname, r.relname, a.attname, ra.attname,
             %s, %s
      FROM pg_catalog.pg_constraint con
      JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_catalog.pg_class r ON r.oid = con.confrelid
      JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
      CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refnum, ord)
      JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      JOIN pg_catalog.pg_attribute ra ON ra.attrelid = r.oid AND ra.attnum = k.refnum
      WHERE n.nspname = ? AND con.contype = 'f' {tables:t.relname}
      ORDER BY t.relname, con.conname, k.ord""".formatted(action("con.confdeltype"), action("con.confupdtype"));

  // Key columns only (not INCLUDE ones); an expression has attnum 0 and is shown as its SQL.
  // Bit 1 of a column's indoption is DESC (bit 2, NULLS FIRST, follows from it by default).
  private static final String INDEXES = """
      SELECT t.relname, i.relname, CASE WHEN x.indisunique THEN 1 ELSE 0 END,
             COALESCE(a.attname, pg_catalog.pg_get_indexdef(x.indexrelid, k.ord, true)),
             pg_catalog.pg_get_expr(x.indpred, x.indrelid, true),
             CASE WHEN (x.indoption[k.ord - 1] & 1) = 1 THEN 1 ELSE 0 END
      FROM pg_catalog.pg_index x
      JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
      JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) AS k(ord)
      LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[k.ord - 1]
        AND a.attnum > 0
      WHERE n.nspname = ? {tables:t.relname}
      ORDER BY t.relname, i.relname, k.ord""";

  PostgresCatalog() {
    super(KEYS, FOREIGN_KEYS, INDEXES);
  }

  /** A foreign key's action code ({@code pg_constraint.confdeltype}/{@code confupdtype}) in SQL words. */
  private static String action(String code) {
    return "CASE " + code + " WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'"
        + " WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END";
  }

  @Override public String[] tableTypes() {
    return new String[] {"TABLE", "PARTITIONED TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW"};
  }

  @Override public void structure(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    PostgresStructure.read(c, scope, facts);
  }
}
