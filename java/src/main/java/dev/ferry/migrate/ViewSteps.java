package dev.ferry.migrate;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.Translation;
import dev.ferry.types.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The VIEWS phase: each chosen source view translated to the target's SQL and created with the
 * source's column names; a view that cannot be translated, or exists in the target, is listed
 * and the migration goes on. Views over other views are created once those exist (the runner
 * retries a failed view after the others).
 */
final class ViewSteps {
  private final SqlDialect q;
  private final @Nullable String ns;
  private final MigrationSql sql;
  private final Snapshot target;
  private final List<MigrationPlan.Warning> warnings;
  private final List<MigrationPlan.Skipped> skipped;

  ViewSteps(SqlDialect q, @Nullable String ns, MigrationSql sql, Snapshot target,
      List<MigrationPlan.Warning> warnings, List<MigrationPlan.Skipped> skipped) {
    this.q = q;
    this.ns = ns;
    this.sql = sql;
    this.target = target;
    this.warnings = warnings;
    this.skipped = skipped;
  }

  /** The steps creating the views {@code chosen} accepts. */
  List<MigrationPlan.Step> steps(List<Snapshot.View> views, Predicate<String> chosen) {
    List<MigrationPlan.Step> out = new ArrayList<>();
    for (Snapshot.View v : views) {
      if (!chosen.test(v.name())) {
        continue;
      }
      if (target.views().stream().anyMatch(t -> t.name().equalsIgnoreCase(v.name()))
          || target.tables().stream().anyMatch(t -> t.name().equalsIgnoreCase(v.name()))) {
        skipped.add(new MigrationPlan.Skipped(v.name(), "view", "exists in the target already"));
        continue;
      }
      if (v.definition() == null || v.definition().isBlank()) {
        skipped.add(new MigrationPlan.Skipped(v.name(), "view", "the source does not say its query"));
        continue;
      }
      Translation t = sql.view(v.definition());
      if (!t.translated()) {
        skipped.add(new MigrationPlan.Skipped(v.name(), "view", "not translated: " + t.reason()));
        continue;
      }
      StringBuilder cols = new StringBuilder();
      for (Snapshot.Column c : v.columns()) {
        cols.append(cols.length() == 0 ? "" : ", ").append(q.quoteIdentifier(c.name()));
      }
      String create = "CREATE VIEW " + new TableName(ns, v.name()).quoted(q)
          + (cols.length() == 0 ? "" : " (" + cols + ")") + " AS " + t.sql();
      out.add(TableStructure.step(MigrationPhase.VIEWS, v.name(), "view ("
          + v.columns().size() + " columns)", List.of(create), null, null));
    }
    return out;
  }
}
