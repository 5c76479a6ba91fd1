package dev.ferry.validate;

import dev.ferry.types.FerryTypeSystem;
import dev.ferry.types.CalciteSyntax;

import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Parses and validates statements against a schema without running them.
 *
 * <p>Parser settings are the {@link Engine}'s (case-insensitive, names kept as written, double
 * quotes, lenient conformance), so a statement validates here exactly when Ferry would accept
 * it. The operator table is the same whichever engine the schema came from (standard functions
 * plus Calcite's PostgreSQL and MySQL libraries): checking one statement against A and B must
 * differ only where their schemas do.
 */
public final class StatementValidator {
  private final FrameworkConfig config;

  /** A validator over {@code schema}, whose tables unqualified names resolve to. */
  public StatementValidator(SchemaPlus schema) {
    requireNonNull(schema, "schema");
    this.config = Frameworks.newConfigBuilder()
        .parserConfig(CalciteSyntax.PARSER)
        .defaultSchema(schema)
        .typeSystem(FerryTypeSystem.INSTANCE)
        .operatorTable(SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
            SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL, SqlLibrary.MYSQL))
        .build();
  }

  /**
   * Validates one statement: the position is relative to the statement and null when Calcite
   * gives none; the tables map each name or alias the statement uses to its table (null when it
   * does not parse).
   */
  public StatementVerdict validate(String sql) {
    Map<String, String> tables = null;
    // Only the end is trimmed: positions must stay relative to the statement as sent.
    String text = sql.stripTrailing();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1);
    }
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode node = planner.parse(text);
      tables = TableRefs.of(node);
      planner.validate(node);
      return new StatementVerdict(true, null, null, null, tables);
    } catch (SqlParseException e) {
      var pos = e.getPos();
      boolean known = pos != null && pos.getLineNum() > 0;
      return new StatementVerdict(false, "SQL syntax error: " + firstLine(e.getMessage()),
          known ? pos.getLineNum() : null, known ? pos.getColumnNum() : null, null);
    } catch (Exception | AssertionError e) {
      CalciteContextException context = find(e);
      if (context != null) {
        Throwable inner = context.getCause() == null ? context : context.getCause();
        return new StatementVerdict(false, firstLine(inner.getMessage()),
            context.getPosLine() > 0 ? context.getPosLine() : null,
            context.getPosColumn() > 0 ? context.getPosColumn() : null, tables);
      }
      // Calcite failing inside its validator is still a verdict on this statement only.
      return new StatementVerdict(false, "Calcite cannot validate this statement: "
          + firstLine(String.valueOf(deepest(e).getMessage())), null, null, tables);
    } finally {
      planner.close();
    }
  }

  private static @Nullable CalciteContextException find(Throwable t) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof CalciteContextException x) {
        return x;
      }
    }
    return null;
  }

  private static Throwable deepest(Throwable t) {
    Throwable d = t;
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        d = c;
      }
    }
    return d;
  }

  private static String firstLine(@Nullable String s) {
    String t = s == null ? "" : s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
