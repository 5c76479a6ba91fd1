package dev.ferry.ddl;

import dev.ferry.types.TableName;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table a migration creates: columns, primary key and the constraints written inline.
 *
 * @param partitionBy the partitioning ({@code RANGE (sold_on)}) of a partitioned table; null
 *     for a plain one
 */
public record TableDef(TableName name, List<Column> columns, List<String> primaryKey,
    List<Constraint> constraints, @Nullable String partitionBy) {
  /**
   * One column of a table a migration creates, decided by the planner and spelled here.
   *
   * @param type the column's type in this engine's spelling
   * @param defaultSql the default in this engine's SQL (a literal, or an expression that is
   *     parenthesized when written); null for none
   * @param identity whether the engine generates the column's values (identity, AUTO_INCREMENT,
   *     SQLite's rowid); {@code type} is then the spelling {@link Ddl#identityType} gave
   * @param comment the column's comment, written inline where the engine keeps it there
   */
  public record Column(String name, String type, boolean notNull, @Nullable String defaultSql,
      boolean identity, @Nullable String comment) {}

  /**
   * A constraint written inside {@code CREATE TABLE} or added by {@code ALTER TABLE}.
   *
   * @param name the constraint's name; null to let the engine name it
   * @param body the constraint after its name: {@code CHECK (…)}, {@code UNIQUE (…)},
   *     {@code FOREIGN KEY (…) REFERENCES …}
   */
  public record Constraint(@Nullable String name, String body) {}
}
