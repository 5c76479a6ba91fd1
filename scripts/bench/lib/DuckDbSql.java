// Runs SQL statements against one DuckDB database through DuckDB's own JDBC driver (the jar in
// jars/), printing each result row tab-separated on stdout and, on stderr, one line
// `ms <statement number> <milliseconds>` per statement, timed inside the process. The copy
// benchmark uses it for DuckDB's native load path (`COPY … FROM 'file.csv'`) and to check a
// DuckDB target; it is a benchmark tool, not part of Ferry.
//
//   java -cp jars/duckdb_jdbc-<version>.jar scripts/bench/lib/DuckDbSql.java jdbc:duckdb:/path/db.duckdb "SQL" ["SQL" …]
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

public final class DuckDbSql {
  private DuckDbSql() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: DuckDbSql JDBC_URL SQL [SQL …]");
    }
    try (Connection c = DriverManager.getConnection(args[0]); Statement st = c.createStatement()) {
      for (int i = 1; i < args.length; i++) {
        long start = System.nanoTime();
        if (st.execute(args[i])) {
          try (ResultSet rs = st.getResultSet()) {
            int n = rs.getMetaData().getColumnCount();
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
              for (int col = 1; col <= n; col++) {
                out.append(col == 1 ? "" : "\t").append(rs.getString(col));
              }
              out.append('\n');
            }
            System.out.print(out);
          }
        }
        System.err.printf("ms %d %.1f%n", i, (System.nanoTime() - start) / 1e6);
      }
    }
  }
}
