package dev.ferry.dialect.h2;

import dev.ferry.dialect.WideDecimals;
import dev.ferry.types.ExactText;
import dev.ferry.types.ExactTextDialect;

import java.sql.DatabaseMetaData;
import org.apache.calcite.sql.SqlDialects;
import org.apache.calcite.sql.dialect.H2SqlDialect;

/**
 * Calcite's H2 dialect, with 38-digit decimals in casts, and marked comparisons: H2 compares a
 * CHAR column with an IN list (and with an OR of equalities, which it turns into one) by the
 * strings' own lengths, so {@code c IN ('a', 'bb')} missed the padded {@code 'a '}; the string
 * side of a comparison with CHAR(n) is cast to CHAR as {@link ExactText#PADDED} writes it. H2
 * sorts and groups strings by their characters, so nothing else is marked.
 */
final class FerryH2SqlDialect extends H2SqlDialect implements ExactTextDialect {
  private FerryH2SqlDialect(Context context) {
    super(context);
  }

  /** The dialect for the database {@code md} describes. */
  static FerryH2SqlDialect of(DatabaseMetaData md) {
    return new FerryH2SqlDialect(WideDecimals.of(SqlDialects.createContext(md)));
  }

  @Override public boolean marksOrder() {
    return false;
  }
}
