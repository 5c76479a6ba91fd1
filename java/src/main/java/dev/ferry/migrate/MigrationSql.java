package dev.ferry.migrate;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.SqlTranslator;
import dev.ferry.ddl.Translation;
import dev.ferry.dialect.Dialect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The source's SQL in a migration — view queries, CHECK conditions, column defaults — as the
 * target runs it: unchanged between two databases of one engine, else translated through
 * Calcite; what cannot be translated becomes a warning or a skipped object.
 */
final class MigrationSql {
  private final boolean sameEngine;
  private final @Nullable Pattern sourceQualifier;
  private final String targetQualifier;
  private final SqlTranslator translator;

  MigrationSql(Dialect source, SqlDialect sourceQ, Dialect target, SqlDialect targetQ,
      @Nullable String sourceNamespace, @Nullable String targetNamespace) {
    this.sameEngine = source == target;
    this.sourceQualifier = sourceNamespace == null || sourceNamespace.equals(targetNamespace) ? null
        : Pattern.compile("(?<![\\w\"'])(?:" + Pattern.quote(sourceNamespace) + "|"
            + Pattern.quote(sourceQ.quoteIdentifier(sourceNamespace)) + ")\\.(?=[\\w\"`])");
    this.targetQualifier = targetNamespace == null ? "" : targetQ.quoteIdentifier(targetNamespace) + ".";
    this.translator = new SqlTranslator(source.sqlSpelling(), target.sqlSpelling(), targetQ,
        sourceNamespace, targetNamespace);
  }

  /** A view's query for the target (as written, names moved to the target namespace, when both are one engine). */
  Translation view(String definition) {
    return sameEngine ? new Translation(Translation.Kind.SQL, requalified(definition.strip()), null)
        : translator.view(definition);
  }

  /** A CHECK condition of {@code table} for the target; null (and a skipped entry) when it cannot be. */
  @Nullable String check(String expression, String table, List<MigrationPlan.Warning> warnings,
      List<MigrationPlan.Skipped> skipped) {
    if (sameEngine) {
      return requalified(expression);
    }
    Translation t = translator.check(expression);
    if (!t.translated()) {
      skipped.add(new MigrationPlan.Skipped(table, "check", "CHECK (" + expression
          + ") not translated: " + t.reason()));
      return null;
    }
    return t.sql();
  }

  /** {@code sql} of the same engine with names of the source namespace moved to the target's. */
  private String requalified(String sql) {
    return sourceQualifier == null ? sql
        : sourceQualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(targetQualifier));
  }

  /** A column's default for the target; null (with a warning) when it has none there. */
  @Nullable String defaultValue(Snapshot.Column c, String at, List<MigrationPlan.Warning> warnings) {
    if (sameEngine) {
      return requalified(c.defaultValue());
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
