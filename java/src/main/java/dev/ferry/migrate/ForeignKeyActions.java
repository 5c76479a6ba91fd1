package dev.ferry.migrate;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.ForeignKeyDef;
import dev.ferry.ddl.ReferentialAction;
import dev.ferry.types.TableName;

import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A source foreign key as the target creates it, with its ON DELETE and ON UPDATE actions.
 *
 * <p>An action the target cannot write (DuckDB has no CASCADE, InnoDB turns SET DEFAULT into
 * RESTRICT) becomes NO ACTION with a warning: deleting a parent then fails where it cascaded,
 * which the application would otherwise find out in production.
 */
final class ForeignKeyActions {
  private ForeignKeyActions() {}

  /**
   * {@code fk} referencing {@code ref} in the target, its actions kept where {@code ddl} writes
   * them; each one dropped is added to {@code warnings} under {@code object}.
   */
  static ForeignKeyDef of(Ddl ddl, Snapshot.ForeignKey fk, TableName ref, String object,
      List<MigrationPlan.Warning> warnings) {
    ReferentialAction onDelete = kept(ddl, "ON DELETE", fk.onDelete(), object, warnings);
    ReferentialAction onUpdate = kept(ddl, "ON UPDATE", fk.onUpdate(), object, warnings);
    return new ForeignKeyDef(fk.name(), fk.columns(), ref, fk.refColumns(), onDelete, onUpdate);
  }

  /**
   * The step's words for the actions that change rows ({@code , on delete cascade}), as
   * {@code ferry describe} shows them; empty when the key only refuses (NO ACTION, RESTRICT —
   * MariaDB reports RESTRICT for every key declared without actions).
   */
  static String described(ForeignKeyDef fk) {
    String words = (fk.onDelete().changesRows() ? ", on delete " + fk.onDelete().sql() : "")
        + (fk.onUpdate().changesRows() ? ", on update " + fk.onUpdate().sql() : "");
    return words.toLowerCase(Locale.ROOT);
  }

  private static ReferentialAction kept(Ddl ddl, String clause, @Nullable String words,
      String object, List<MigrationPlan.Warning> warnings) {
    ReferentialAction a = ReferentialAction.of(words);
    if (ddl.referentialActions().contains(a)) {
      return a;
    }
    warnings.add(new MigrationPlan.Warning(object, clause + " " + a.sql() + " has no equivalent in"
        + " the target: the foreign key is created with NO ACTION, so "
        + (clause.equals("ON DELETE") ? "deleting" : "updating the key of")
        + " a referenced row is refused instead"
        + (a.changesRows() ? " of changing the rows that reference it" : "")));
    return ReferentialAction.NO_ACTION;
  }
}
