package dev.ferry.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.types.ColumnSpec;

import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readable labels in place of Calcite's EXPR$n. */
class ResultLabelsTest {
  private static List<String> labels(String sql, String... calcite) {
    List<ColumnSpec> columns = Arrays.stream(calcite)
        .map(l -> new ColumnSpec(l, Types.INTEGER, "INTEGER", 10, 0, true)).toList();
    return ResultLabels.of(sql, columns).stream().map(ColumnSpec::label).toList();
  }

  @Test void functionsAreLabelledByName() {
    assertEquals(List.of("sum", "count", "avg", "max"),
        labels("SELECT SUM(x), COUNT(*), AVG(y), MAX(z) FROM t", "EXPR$0", "EXPR$1", "EXPR$2", "EXPR$3"));
    assertEquals(List.of("coalesce", "upper", "row_number"), labels(
        "SELECT COALESCE(a, 0), UPPER(b), ROW_NUMBER() OVER (ORDER BY a) FROM t",
        "EXPR$0", "EXPR$1", "EXPR$2"));
  }

  @Test void repeatedLabelsGetASuffixAndNamedColumnsStay() {
    assertEquals(List.of("sum", "sum_2", "sum_3", "n"),
        labels("SELECT SUM(a), SUM(b), SUM(c), COUNT(*) AS n FROM t", "EXPR$0", "EXPR$1", "EXPR$2", "n"));
    assertEquals(List.of("count", "count_2"),
        labels("SELECT a AS \"count\", COUNT(*) FROM t", "count", "EXPR$1"));
  }

  @Test void castsCaseAndTheRest() {
    assertEquals(List.of("price", "integer", "case", "expr_4", "expr_5"), labels(
        "SELECT CAST(price AS INT), CAST('1' AS INTEGER), CASE WHEN a THEN 1 END, a + 1, 42 FROM t",
        "EXPR$0", "EXPR$1", "EXPR$2", "EXPR$3", "EXPR$4"));
  }

  @Test void itemsAroundAStarLineUpFromBothEnds() {
    assertEquals(List.of("count", "a", "b", "max"),
        labels("SELECT COUNT(*) OVER (), t.*, MAX(a) OVER () FROM t", "EXPR$0", "a", "b", "EXPR$3"));
  }

  @Test void unionsAndOrderedQueriesUseTheFirstSelect() {
    assertEquals(List.of("min"),
        labels("SELECT MIN(a) FROM t UNION ALL SELECT MAX(a) FROM u ORDER BY 1", "EXPR$0"));
  }

  @Test void unreadableSqlFallsBackToPositions() {
    assertEquals(List.of("expr_1"), labels("SELECT ??? nonsense", "EXPR$0"));
  }
}
