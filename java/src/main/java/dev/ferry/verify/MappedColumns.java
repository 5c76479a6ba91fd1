package dev.ferry.verify;

import static java.util.Objects.requireNonNull;

import dev.ferry.connect.FerryDataSource;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.ddl.SqlTranslator;
import dev.ferry.ddl.Translation;
import dev.ferry.error.FerryFailure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The columns a verification compares through a migration's mapping: a computed target column
 * against its expression, evaluated in the source database (translated from Calcite SQL to the
 * source's own), and the others by name.
 */
final class MappedColumns {
  private final FerryDataSource from;
  private final String table;
  private final List<String> notes;
  /** Made on first use: asking the source for its dialect costs a connection. */
  private @Nullable SqlTranslator translator;

  MappedColumns(FerryDataSource from, String table, List<String> notes) {
    this.from = from;
    this.table = table;
    this.notes = notes;
  }

  /**
   * The compared columns through a mapping: each target column from its mapped expression
   * (translated to the source's SQL, read as the target column's kind), else from the source
   * column of its name; a target column with neither is not compared.
   */
  void match(VerifyTable src, VerifyTable tgt, Map<String, String> mapping,
      List<VerifyTable.Column> sourceColumns, List<VerifyTable.Column> targetColumns)
      throws SQLException {
    List<String> skipped = new ArrayList<>();
    for (VerifyTable.Column t : tgt.columns) {
      String mapped = null;
      for (Map.Entry<String, String> e : mapping.entrySet()) {
        if (mapped == null && e.getKey().equalsIgnoreCase(t.name())) {
          mapped = e.getValue();
        }
      }
      VerifyTable.Column same = src.column(t.name());
      if (mapped != null) {
        sourceColumns.add(new VerifyTable.Column(t.name(), t.jdbcType(), t.typeName(), t.size(),
            t.digits(), t.kind(), sourceSql(mapped, tgt.name + "." + t.name() + " = " + mapped)));
      } else if (same != null) {
        sourceColumns.add(same);
      } else {
        skipped.add(t.name());
        continue;
      }
      targetColumns.add(t);
    }
    if (!skipped.isEmpty()) {
      notes.add("target columns " + String.join(", ", skipped) + " are neither in the source nor"
          + " mapped, and were not compared");
    }
    if (targetColumns.isEmpty()) {
      throw FerryFailure.of("USAGE", "verify: no column of " + tgt.name + " is mapped or named like"
          + " a column of " + src.name).with("table", src.name);
    }
  }

  /** Calcite SQL over the source table's columns, in the source database's own SQL. */
  String sourceSql(String calciteSql, String what) throws SQLException {
    if (translator == null) {
      SqlDialect q;
      try (Connection c = from.getConnection()) {
        q = from.dialect().calciteDialect(c.getMetaData());
      }
      translator = new SqlTranslator(SqlSpelling.STANDARD, from.dialect().sqlSpelling(), q, null, null);
    }
    Translation t = translator.check(calciteSql);
    if (!t.translated()) {
      throw FerryFailure.of("USAGE", "verify cannot compute " + what + " in database '"
          + from.spec().name() + "': " + t.reason()).with("table", table);
    }
    return requireNonNull(t.sql(), "sql");
  }
}
