package dev.ferry.dialect.h2;

import dev.ferry.ddl.Ddl;
import dev.ferry.types.TableName;

import org.apache.calcite.sql.SqlDialect;

/**
 * H2's spelling of the types Ferry creates: nanosecond fractions, DECFLOAT for unbounded
 * decimals, zoned times; index names live in a schema, so they are qualified.
 */
final class H2Ddl extends Ddl {
  @Override protected int maxFraction() {
    return 9;
  }

  @Override protected String unboundedDecimal() {
    return "DECFLOAT";
  }

  @Override protected String time(int fraction, boolean zoned) {
    return super.time(fraction, zoned) + (zoned ? " WITH TIME ZONE" : "");
  }

  @Override protected String indexName(SqlDialect q, TableName table, String name) {
    return table.namespace() == null ? q.quoteIdentifier(name)
        : q.quoteIdentifier(table.namespace()) + "." + q.quoteIdentifier(name);
  }
}
