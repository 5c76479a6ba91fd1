package dev.ferry.types;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table in one database as that database names it: an optional namespace (PostgreSQL or H2
 * schema, MariaDB database) and the table's exact name.
 *
 * @param namespace the schema or catalog, or null for the connection's default (SQLite)
 * @param name the table name, exactly as the database spells it
 */
public record TableName(@Nullable String namespace, String name) {
  public TableName {
    requireNonNull(name, "name");
  }

  /** The name quoted for {@code dialect}, qualified when a namespace is known. */
  public String quoted(SqlDialect dialect) {
    String t = dialect.quoteIdentifier(name);
    return namespace == null ? t : dialect.quoteIdentifier(namespace) + "." + t;
  }

  /** The name as messages show it. */
  @Override public String toString() {
    return namespace == null ? name : namespace + "." + name;
  }
}
