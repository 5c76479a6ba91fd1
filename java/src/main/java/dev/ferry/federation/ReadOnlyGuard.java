package dev.ferry.federation;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.CalciteSyntax;

import java.util.Collection;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Refuses, before anything runs, a statement that would write to a database configured
 * {@code readOnly: true}: the statement is parsed and its target's first name part compared with
 * the read-only databases' names. (Connections to such databases are also opened read-only, so a
 * write that slipped past would still fail in the driver.)
 */
final class ReadOnlyGuard {
  private ReadOnlyGuard() {}

  /** Parses {@code sql} as Ferry's Calcite does; a syntax error is {@code SQL_SYNTAX}. */
  static SqlNode parse(String sql) {
    try {
      return SqlParser.create(sql, CalciteSyntax.PARSER)
          .parseStmt();
    } catch (SqlParseException e) {
      throw FerryFailure.wrap(e, "parsing the query");
    }
  }

  /** Fails with {@code READ_ONLY} when {@code sql} writes to one of {@code databases} marked so. */
  static void check(String sql, Collection<DatabaseSpec> databases) {
    SqlNode node = parse(sql);
    SqlNode target = node instanceof SqlInsert i ? i.getTargetTable()
        : node instanceof SqlUpdate u ? u.getTargetTable()
        : node instanceof SqlDelete d ? d.getTargetTable()
        : node instanceof SqlMerge m ? m.getTargetTable() : null;
    if (target instanceof SqlIdentifier id && !id.names.isEmpty()) {
      for (DatabaseSpec spec : databases) {
        if (spec.readOnly() && spec.name().equalsIgnoreCase(id.names.get(0))) {
          throw FerryFailure.of("READ_ONLY",
              "database '" + spec.name() + "' is marked readOnly: true; refusing to write to "
                  + String.join(".", id.names) + " (remove readOnly from its config entry to allow writes)")
              .with("database", spec.name());
        }
      }
    }
  }
}
