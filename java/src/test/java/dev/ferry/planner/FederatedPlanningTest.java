package dev.ferry.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.Explanation;
import dev.ferry.federation.Federation;
import dev.ferry.federation.SourceRows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Holder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The federation's planner over three H2 databases ({@code a}, {@code b}, {@code c}) and a
 * fourth ({@code allin}) holding every table, whose answer (pushed whole into H2) is the
 * reference: joins of one database's tables go to that database as one query, implied join
 * keys count, OR factors are pulled out, semi-joins are pushed, windows over a join across
 * databases run, and a spent planning budget is a named failure.
 */
class FederatedPlanningTest {
  private static final String[] DBS = {"a", "b", "c", "allin"};
  private static final List<Connection> KEEP = new ArrayList<>();
  private static Federation federation;

  private static String url(String db) {
    return "jdbc:h2:mem:ferry_plan_" + db + ";DB_CLOSE_DELAY=-1";
  }

  @BeforeAll static void setUp() throws SQLException {
    for (String db : DBS) {
      Connection c = DriverManager.getConnection(url(db));
      KEEP.add(c);
      try (Statement st = c.createStatement()) {
        boolean all = db.equals("allin");
        if (all || db.equals("a")) {
          st.execute("CREATE TABLE fact (id INT PRIMARY KEY, dim_b INT, dim_a INT, qty DECIMAL(15,2), flag VARCHAR(5))");
          st.execute("INSERT INTO fact SELECT x, MOD(x, 50), MOD(x, 10), CAST(MOD(x * 7, 100) AS DECIMAL(15,2)), CASE WHEN MOD(x, 3) = 0 THEN 'R' ELSE 'N' END FROM SYSTEM_RANGE(1, 2000)");
          st.execute("CREATE TABLE dim_a (id INT PRIMARY KEY, name VARCHAR(10))");
          st.execute("INSERT INTO dim_a SELECT x, 'x' || x FROM SYSTEM_RANGE(0, 9)");
        }
        if (all || db.equals("b")) {
          st.execute("CREATE TABLE dim_b (id INT PRIMARY KEY, nation INT, name VARCHAR(10))");
          st.execute("INSERT INTO dim_b SELECT x, MOD(x, 5), 'd' || MOD(x, 7) FROM SYSTEM_RANGE(0, 49)");
          st.execute("CREATE TABLE nation (id INT PRIMARY KEY, region INT, name VARCHAR(10))");
          st.execute("INSERT INTO nation SELECT x, MOD(x, 2), 'n' || x FROM SYSTEM_RANGE(0, 4)");
        }
        if (all || db.equals("c")) {
          st.execute("CREATE TABLE region (id INT PRIMARY KEY, name VARCHAR(10))");
          st.execute("INSERT INTO region VALUES (0, 'EAST'), (1, 'WEST')");
        }
      }
    }
    List<DatabaseSpec> specs = new ArrayList<>();
    for (String db : DBS) {
      specs.add(new DatabaseSpec(db, url(db), null, null, "PUBLIC", false, 1000));
    }
    federation = Federation.open(specs);
  }

  @AfterAll static void tearDown() throws SQLException {
    federation.close();
    for (Connection c : KEEP) {
      try (Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      }
    }
  }

  /** {@code sql} over the split databases, with {@code {a}} etc. standing for a database. */
  private static String split(String sql) {
    return sql.replace("{a}", "a").replace("{b}", "b").replace("{c}", "c");
  }

  /** The same query over the database holding every table. */
  private static String whole(String sql) {
    return sql.replace("{a}", "allin").replace("{b}", "allin").replace("{c}", "allin");
  }

  private static List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (SourceRows r = federation.openRows(sql)) {
      ResultSet rs = r.resultSet();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(rs.getString(i)).append('|');
        }
        out.add(row.toString());
      }
    }
    out.sort(null);
    return out;
  }

  /** Runs {@code sql} split and whole, checks they agree, and returns the split explanation. */
  private static Explanation same(String sql) throws SQLException {
    List<String> expected = rows(whole(sql));
    assertFalse(expected.isEmpty(), "the reference answer has rows: " + whole(sql));
    assertEquals(expected, rows(split(sql)), sql);
    return federation.explain(split(sql));
  }

  private static List<String> sqlFor(Explanation e, String db) {
    return e.queries().stream().filter(q -> db.equals(q.database()))
        .map(q -> q.sql().toUpperCase(Locale.ROOT)).toList();
  }

  @Test void tablesOfOneDatabaseAreJoinedThereAsOneQuery() throws SQLException {
    Explanation e = same("SELECT x.name, d.name, SUM(f.qty) FROM {a}.fact f, {b}.dim_b d, {a}.dim_a x"
        + " WHERE f.dim_b = d.id AND f.dim_a = x.id AND d.name = 'd1' GROUP BY x.name, d.name");
    List<String> a = sqlFor(e, "a");
    assertEquals(1, a.size(), e.toString());
    assertTrue(a.get(0).contains("FACT") && a.get(0).contains("DIM_A") && a.get(0).contains("JOIN"),
        a.get(0));
  }

  @Test void anImpliedJoinKeyLetsOneDatabaseJoinItsTables() throws SQLException {
    // dim_a is joined only to dim_b (another database), on the key fact shares with dim_b.
    Explanation e = same("SELECT COUNT(*), SUM(f.qty) FROM {a}.fact f, {b}.dim_b d, {a}.dim_a x"
        + " WHERE f.dim_b = d.id AND d.id = x.id");
    List<String> a = sqlFor(e, "a");
    assertEquals(1, a.size(), e.toString());
    assertTrue(a.get(0).contains("FACT") && a.get(0).contains("DIM_A"), a.get(0));
  }

  @Test void commonFactorsOfAnOrBecomeAJoinKeyAndFiltersOnBothSides() throws SQLException {
    Explanation e = same("SELECT COUNT(*), SUM(f.qty) FROM {a}.fact f, {b}.dim_b d"
        + " WHERE (f.dim_b = d.id AND d.name = 'd1' AND f.qty < 20 AND f.flag = 'R')"
        + " OR (f.dim_b = d.id AND d.name = 'd2' AND f.qty > 60 AND f.flag = 'R')");
    assertFalse(e.plan().contains("NestedLoop"), e.plan());
    assertTrue(sqlFor(e, "a").get(0).contains("WHERE"), e.toString());
    assertTrue(sqlFor(e, "b").get(0).contains("WHERE"), e.toString());
  }

  @Test void semiAndAntiJoinsGiveTheReferenceAnswerAndRunInTheirDatabase() throws SQLException {
    Explanation e = same("SELECT f.flag, COUNT(*) FROM {a}.fact f WHERE EXISTS"
        + " (SELECT 1 FROM {a}.fact g WHERE g.dim_a = f.dim_a AND g.dim_b < g.id AND g.qty > 90) GROUP BY f.flag");
    assertTrue(e.plan().contains("semi"), e.plan());
    Explanation anti = same("SELECT COUNT(*) FROM {a}.fact f WHERE NOT EXISTS"
        + " (SELECT 1 FROM {a}.dim_a x WHERE x.id = f.dim_a AND x.name = 'x1')");
    assertEquals(1, anti.queries().size(), anti.toString());

  }

  @Test void aWindowOverAJoinAcrossDatabasesRunsInFerry() throws SQLException {
    same("SELECT f.id, d.name, ROW_NUMBER() OVER (PARTITION BY d.name ORDER BY f.id) AS rn,"
        + " SUM(f.qty) OVER (PARTITION BY d.nation) AS total"
        + " FROM {a}.fact f JOIN {b}.dim_b d ON f.dim_b = d.id WHERE f.id < 200");
  }

  @Test void manyJoinsAcrossThreeDatabasesGiveTheReferenceAnswer() throws SQLException {
    same("SELECT r.name, n.name, x.name, COUNT(*), SUM(f.qty) FROM {a}.fact f"
        + " JOIN {b}.dim_b d ON f.dim_b = d.id JOIN {b}.nation n ON d.nation = n.id"
        + " JOIN {c}.region r ON n.region = r.id JOIN {a}.dim_a x ON f.dim_a = x.id"
        + " JOIN {a}.fact f2 ON f2.id = f.id JOIN {b}.dim_b d2 ON d2.id = f2.dim_b"
        + " JOIN {b}.nation n2 ON n2.id = d2.nation WHERE n2.region = 1"
        + " GROUP BY r.name, n.name, x.name");
  }

  @Test void aSpentBudgetIsPlanTimeout() {
    Program none = new FederatedProgram(0);
    try (Hook.Closeable h = Hook.PROGRAM.addThread((Holder<Program> p) -> p.set(none))) {
      FerryFailure f = assertThrows(FerryFailure.class, () -> federation.explain(
          "SELECT COUNT(*) FROM a.fact f JOIN b.dim_b d ON f.dim_b = d.id"));
      assertEquals("PLAN_TIMEOUT", f.code(), f.getMessage());
      assertTrue(f.getMessage().contains("the query: SELECT COUNT(*) FROM a.fact f"), f.getMessage());
    }
  }

  @Test void theBudgetComesFromTheEnvironment() {
    assertEquals(FederatedProgram.DEFAULT_BUDGET_MILLIS, FederatedProgram.budgetMillis(java.util.Map.of()));
    assertEquals(2500, FederatedProgram.budgetMillis(java.util.Map.of("FERRY_PLAN_TIMEOUT", "2.5")));
    FerryFailure f = assertThrows(FerryFailure.class,
        () -> FederatedProgram.budgetMillis(java.util.Map.of("FERRY_PLAN_TIMEOUT", "soon")));
    assertEquals("CONFIG_INVALID", f.code());
  }

  @Test void planningWithKeysIsOnUnlessFerryPlanKeysIsZeroAndNothingElseIsAccepted() {
    assertEquals(Boolean.TRUE, org.apache.calcite.adapter.jdbc.FerryJdbcTable.planKeys(null));
    assertEquals(Boolean.TRUE, org.apache.calcite.adapter.jdbc.FerryJdbcTable.planKeys(" 1 "));
    assertEquals(Boolean.FALSE, org.apache.calcite.adapter.jdbc.FerryJdbcTable.planKeys("0"));
    FederatedProgram.checkPlanKeys(java.util.Map.of("FERRY_PLAN_KEYS", ""));
    for (String bad : new String[] {"false", "off", "2"}) {
      FerryFailure f = assertThrows(FerryFailure.class,
          () -> FederatedProgram.checkPlanKeys(java.util.Map.of("FERRY_PLAN_KEYS", bad)));
      assertEquals("CONFIG_INVALID", f.code());
      assertTrue(f.getMessage().contains("FERRY_PLAN_KEYS must be 0") && f.getMessage().contains(bad),
          f.getMessage());
    }
  }
}
