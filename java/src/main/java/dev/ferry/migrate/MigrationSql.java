package dev.ferry.migrate;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.SqlTranslator;
import dev.ferry.ddl.Translation;
import dev.ferry.dialect.Dialect;

import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The source's SQL in a migration — view queries, CHECK conditions, column defaults — as the
 * target runs it: unchanged between two databases of one engine, else translated through
 * Calcite; what cannot be translated becomes a warning or a skipped object.
 */
final class MigrationSql {
  private final boolean sameEngine;
  private final boolean sameNamespace;
  private final SqlTranslator translator;

  MigrationSql(Dialect source, SqlDialect sourceQ, Dialect target, SqlDialect targetQ,
      @Nullable String sourceNamespace, @Nullable String targetNamespace) {
    this.sameEngine = source == target;
    this.sameNamespace = java.util.Objects.equals(sourceNamespace, targetNamespace);
    this.translator = new SqlTranslator(source.sqlSpelling(), target.sqlSpelling(), targetQ,
        sourceNamespace, targetNamespace);
  }

  /** A view's query for the target (as written when both are one engine and namespace). */
  Translation view(String definition) {
    return sameEngine && sameNamespace ? new Translation(Translation.Kind.SQL, definition.strip(), null) : translator.view(definition);
  }

  /** A CHECK condition of {@code table} for the target; null (and a skipped entry) when it cannot be. */
  @Nullable String check(String expression, String table, List<MigrationPlan.Warning> warnings,
      List<MigrationPlan.Skipped> skipped) {
    if (sameEngine) {
      return expression;
    }
    Translation t = translator.check(expression);
    if (!t.translated()) {
      skipped.add(new MigrationPlan.Skipped(table, "check", "CHECK (" + expression
          + ") not translated: " + t.reason()));
      return null;
    }
    return t.sql();
  }

  /** A column's default for the target; null (with a warning) when it has none there. */
  @Nullable String defaultValue(Snapshot.Column c, String at, List<MigrationPlan.Warning> warnings) {
    if (sameEngine) {
      return c.defaultValue();
    }
    Translation t = translator.defaultValue(c);
    return switch (t.kind()) {
      case IDENTITY -> null;
      case REFUSED -> {
        warnings.add(new MigrationPlan.Warning(at, "default " + c.defaultValue()
            + " not translated (" + t.reason() + "): the column has no default in the target"));
        yield null;
      }
      default -> t.sql();
    };
  }
}
