package dev.ferry.ddl;

import static java.util.Objects.requireNonNull;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.TypeFamily;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Translates view queries, CHECK conditions and column defaults from a source engine's SQL into
 * a target engine's, through Calcite: parsed with the source's lexical rules, made neutral
 * ({@link SourceReader}), checked against what translations carry ({@link SupportedSql}), tables
 * moved to the target namespace ({@link TableNames}), rewritten for the target
 * ({@link TargetWriter}) and printed by the target's {@link SqlDialect}.
 *
 * <p>Never throws for bad input: every answer is a {@link Translation}, refused ones naming the
 * construct that stopped them, so a migration lists them and goes on.
 */
public final class SqlTranslator {
  private final SqlSpelling source;
  private final SqlSpelling target;
  private final SqlDialect targetDialect;
  private final @Nullable String sourceNamespace;
  private final @Nullable String targetNamespace;

  /**
   * A translator from {@code source}'s SQL to {@code target}'s, printed with
   * {@code targetDialect}; tables of {@code sourceNamespace} (any, when null) move to
   * {@code targetNamespace} (unqualified when null).
   */
  public SqlTranslator(SqlSpelling source, SqlSpelling target, SqlDialect targetDialect,
      @Nullable String sourceNamespace, @Nullable String targetNamespace) {
    this.source = requireNonNull(source, "source");
    this.target = requireNonNull(target, "target");
    this.targetDialect = requireNonNull(targetDialect, "targetDialect");
    this.sourceNamespace = sourceNamespace;
    this.targetNamespace = targetNamespace;
  }

  /** The SELECT of a view for {@code CREATE VIEW name (columns…) AS <it>} on the target. */
  public Translation view(String definition) {
    return translate("view", definition, true);
  }

  /** A CHECK condition (without {@code CHECK}) for the target. */
  public Translation check(String condition) {
    return translate("check", condition, false);
  }

  /**
   * The default of {@code column} for the target, classified: a sequence (the column is an
   * identity), the clock, a literal, or another expression; refused without a default.
   */
  public Translation defaultValue(Snapshot.Column column) {
    String text = column.defaultValue();
    if (text == null) {
      return Translation.refused("the column has no default");
    }
    try {
      SqlNode read = read(text, false);
      return DefaultValues.classify(read, column.type().family() == TypeFamily.BOOLEAN, this::write);
    } catch (Untranslatable e) {
      return Translation.refused("default " + text.trim() + ": " + e.getMessage());
    } catch (SqlParseException | RuntimeException e) {
      return refusal("default", text, e);
    }
  }

  private Translation translate(String what, String text, boolean query) {
    try {
      SqlNode read = read(text, query);
      if (query && source.groupsLoosely() && !target.groupsLoosely()) {
        read = requireNonNull(read.accept(new LooseGrouping()), "grouped");
      }
      read.accept(new SupportedSql());
      return Translation.of(Translation.Kind.SQL, write(read));
    } catch (Untranslatable e) {
      return Translation.refused(what + " uses " + e.getMessage());
    } catch (SqlParseException | RuntimeException e) {
      return refusal(what, text, e);
    }
  }

  /** The source text parsed and made neutral, namespaces moved. */
  private SqlNode read(String text, boolean query) throws SqlParseException {
    // pg_get_viewdef ends its query with a semicolon.
    String sql = text.trim().replaceAll(";+$", "");
    SqlParser p = SqlParser.create(source.prepare(sql), source.parser());
    SqlNode parsed = query ? p.parseQuery() : p.parseExpression();
    SqlNode neutral = requireNonNull(parsed.accept(new SourceReader(source)), "read");
    return requireNonNull(neutral.accept(new TableNames(sourceNamespace, targetNamespace)), "names");
  }

  /** Neutral SQL as the target's text, on one line. */
  private String write(SqlNode neutral) {
    SqlNode out = requireNonNull(neutral.accept(new TargetWriter(target)), "written");
    return SqlText.oneLine(out.toSqlString(c -> c.withDialect(targetDialect)
        .withClauseStartsLine(false).withClauseEndsLine(false).withIndentation(0)
        .withSelectListItemsOnSeparateLines(false).withAlwaysUseParentheses(false)).getSql());
  }

  private static Translation refusal(String what, String text, Exception e) {
    String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return Translation.refused(what + " is SQL that cannot be read ("
        + (e instanceof SqlParseException ? m : e.getClass().getSimpleName() + ": " + m) + "): "
        + text.trim());
  }
}
