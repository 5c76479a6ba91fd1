package dev.ferry.ddl;

import dev.ferry.types.CalciteSyntax;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How one engine spells SQL, for {@link SqlTranslator}: how to read the SQL it prints (lexical
 * rules, text Calcite's parser cannot read, functions of its own) and how to write SQL it runs
 * (cast types, functions and operators Calcite's {@code SqlDialect} leaves as they are).
 *
 * <p>This base class is standard SQL; each engine's dialect returns a subclass overriding what it
 * spells differently ({@code Dialect.sqlSpelling()}), so shared code never asks which engine it is.
 * Calls reach the hooks bottom-up, their operands already read or written.
 */
public class SqlSpelling {
  /** Standard SQL: double-quoted identifiers, nothing engine-specific. */
  public static final SqlSpelling STANDARD = new SqlSpelling();

  /** The parser settings for this engine's SQL: names keep their exact case and match by it. */
  public SqlParser.Config parser() {
    return CalciteSyntax.PARSER.withCaseSensitive(true);
  }

  /** The source text made readable by Calcite's parser (e.g. PostgreSQL's {@code ::} casts). */
  public String prepare(String sql) {
    return sql;
  }

  /**
   * This engine's reading of a function Calcite does not know, named in lower case, or null to
   * use the meaning engines share ({@link SqlFunctions}); throw {@link Untranslatable} to refuse it.
   */
  public @Nullable SqlNode readFunction(String name, List<SqlNode> operands) {
    return null;
  }

  /**
   * Whether a grouped query may select columns it neither groups by nor aggregates (the value
   * of any row of the group), as MariaDB and SQLite allow; a view written so is rewritten for a
   * target that refuses it.
   */
  public boolean groupsLoosely() {
    return false;
  }

  /** A call as read from this engine, rewritten into neutral SQL where this engine differs. */
  public SqlNode read(SqlCall call) {
    return call;
  }

  /** A neutral call rewritten for this engine where its Calcite dialect does not. */
  public SqlNode write(SqlCall call) {
    return call;
  }

  /** A literal as this engine takes it (booleans, dates). */
  public SqlNode write(SqlLiteral literal) {
    return literal;
  }

  /** How this engine spells the type of a CAST. */
  public String castType(CastType t) {
    return switch (t.name()) {
      case DECIMAL -> t.spell("DECIMAL");
      case DOUBLE, FLOAT -> "DOUBLE PRECISION";
      case CHAR, VARCHAR -> t.spell(t.name().getName());
      default -> t.name().getName();
    };
  }
}
