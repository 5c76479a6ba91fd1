package dev.ferry.ddl;

import dev.ferry.types.TableName;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A foreign key a migration creates: from {@code columns} to {@code ref.refColumns}, with the
 * actions the target writes (the planner has already replaced any the target cannot).
 *
 * @param name the constraint's name; null to let the engine (or Ferry) name it
 * @param onDelete what deleting a referenced row does
 * @param onUpdate what updating a referenced key does
 */
public record ForeignKeyDef(@Nullable String name, List<String> columns, TableName ref,
    List<String> refColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {

  /** A foreign key without actions (NO ACTION both ways). */
  public ForeignKeyDef(@Nullable String name, List<String> columns, TableName ref,
      List<String> refColumns) {
    this(name, columns, ref, refColumns, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
  }
}
