package dev.ferry.types;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
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

  /**
   * The words {@link #PARSER} reserves, upper case and sorted: a name spelled like one must be
   * written in double quotes, so configured database names may not be one. Taken from the
   * parser's own keyword tables, never typed by hand, so a Calcite upgrade updates it.
   */
  public static SortedSet<String> reservedWords() {
    return Reserved.WORDS;
  }

  /** Whether {@code word}, in any case, is one of the {@link #reservedWords()}. */
  public static boolean isReservedWord(String word) {
    return reservedWords().contains(word.toUpperCase(Locale.ROOT));
  }

  /** Built on first use: Calcite finds its keywords by running the parser into deliberate errors. */
  private static final class Reserved {
    static final SortedSet<String> WORDS = words();

    private static SortedSet<String> words() {
      SqlAbstractParserImpl.Metadata md = SqlParser.create("", PARSER).getMetadata();
      return Collections.unmodifiableSortedSet(md.getTokens().stream().filter(md::isReservedWord)
          .collect(Collectors.toCollection(TreeSet::new)));
    }
  }
}
