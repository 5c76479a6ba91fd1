package dev.ferry.types;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The SQL Ferry's Calcite reads, in one place: identifiers match ignoring case and keep their
 * spelling, double quotes quote them, and the lenient conformance accepts what PostgreSQL and
 * MariaDB users write ({@code LIMIT}, {@code !=}, …). The federation's connection is opened with
 * the same settings.
 */
public final class CalciteSyntax {
  /** The parser settings every Ferry statement, condition and check is read with. */
  public static final SqlParser.Config PARSER = SqlParser.config()
      .withCaseSensitive(false)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withConformance(SqlConformanceEnum.LENIENT);

  private CalciteSyntax() {}
}
