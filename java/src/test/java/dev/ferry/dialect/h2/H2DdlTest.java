package dev.ferry.dialect.h2;

import static dev.ferry.ddl.DdlFixtures.OTHER_ENGINE;
import static dev.ferry.ddl.DdlFixtures.UNENFORCED;
import static dev.ferry.ddl.DdlFixtures.column;
import static dev.ferry.ddl.DdlFixtures.decimal;
import static dev.ferry.ddl.DdlFixtures.table;
import static dev.ferry.ddl.DdlFixtures.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.Ddl;
import dev.ferry.dialect.Dialects;
import dev.ferry.types.ColumnTypes;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.junit.jupiter.api.Test;

class H2DdlTest {
  private static final Ddl DDL = Dialects.forSubprotocol("h2").ddl();
  private static final SqlDialect Q = H2SqlDialect.DEFAULT;

  private static String t(LogicalType type) {
    return DDL.type(column("c", type), false, OTHER_ENGINE);
  }

  @Test void isH2Ddl() {
    assertInstanceOf(H2Ddl.class, DDL);
  }

  @Test void fractionsGoToNanoseconds() {
    assertEquals("TIMESTAMP(9)", t(type("timestamp", "TIMESTAMP", 9)));
    assertEquals("TIMESTAMP(9)", t(type("timestamp", "TIMESTAMP", 12)), "capped at 9");
    assertEquals("TIMESTAMP(3) WITH TIME ZONE",
        t(type("timestamptz", "TIMESTAMP_WITH_LOCAL_TIME_ZONE", 3)));
    assertEquals("TIMESTAMP(6)", t(type("timestamp", "TIMESTAMP")), "unknown precision: micros");
    assertEquals("TIMESTAMP(6)", DDL.type(column("c", type("timestamp", "TIMESTAMP", 9)), false,
        UNENFORCED), "an unenforcing source gets microseconds, not H2's maximum");
  }

  @Test void zonedTimesKeepTheirZone() {
    assertEquals("TIME(6) WITH TIME ZONE", t(type("time", "TIME_WITH_LOCAL_TIME_ZONE", 6)));
    assertEquals("TIME(2)", t(type("time", "TIME", 2)));
  }

  @Test void otherTypes() {
    assertEquals("DECFLOAT", t(decimal(null, null)));
    assertEquals("DECIMAL(20, 5)", t(decimal(20, 5)));
    assertEquals("VARCHAR", t(type("char", "VARCHAR")));
    assertEquals("VARBINARY(4)", t(type("binary", "VARBINARY", 4)));
    assertEquals("NUMERIC(20, 0)", t(type("integer", "UBIGINT")));
  }

  @Test void indexNamesAreSchemaQualified() {
    Snapshot.Table src = table("T", List.of(column("ID", type("integer", "INTEGER")),
        column("Name", type("char", "VARCHAR", 10))), List.of("ID"),
        List.of(new Snapshot.Index("IX NAME", List.of("Name"), false)));
    assertEquals(List.of("CREATE INDEX IF NOT EXISTS \"S\".\"IX NAME\" ON \"S\".\"T\" (\"Name\")"),
        DDL.indexes(Q, new TableName("S", "T"), src, OTHER_ENGINE));
    assertEquals(List.of("CREATE INDEX IF NOT EXISTS \"IX NAME\" ON \"T\" (\"Name\")"),
        DDL.indexes(Q, new TableName(null, "T"), src, OTHER_ENGINE));
  }

  @Test void ddlRunsOnH2() throws Exception {
    Snapshot.Table src = table("T", List.of(column("ID", type("integer", "BIGINT")),
            column("AT", type("timestamp", "TIMESTAMP", 9)), column("AMOUNT", decimal(null, null)),
            column("TZ", type("time", "TIME_WITH_LOCAL_TIME_ZONE", 0))),
        List.of("ID"), List.of(new Snapshot.Index("IX_AT", List.of("AT"), false)));
    TableName name = new TableName("S", "T");
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:h2ddl");
         Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA S");
      st.execute(DDL.createTable(Q, name, src, OTHER_ENGINE));
      for (String ix : DDL.indexes(Q, name, src, OTHER_ENGINE)) {
        st.execute(ix);
        st.execute(ix); // IF NOT EXISTS
      }
      st.execute("INSERT INTO S.T VALUES (1, TIMESTAMP '2024-01-01 10:00:00.123456789', 1.5,"
          + " TIME WITH TIME ZONE '10:00:00+02')");
    }
  }

  /** MariaDB names indexes per table, so two of its tables can both have an index "email". */
  @Test void sameNamedIndexesOfTwoTablesAreBothCreated() throws Exception {
    Ddl.Source perTable = new Ddl.Source(false, true, true, ColumnTypes.DEFAULT);
    TableName users = new TableName("PUBLIC", "users");
    TableName admins = new TableName("PUBLIC", "admins");
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:h2ddl_names");
         Statement st = c.createStatement()) {
      for (TableName name : List.of(users, admins)) {
        Snapshot.Table src = table(name.name(), List.of(column("id", type("integer", "INTEGER")),
                column("email", type("char", "VARCHAR", 100))), List.of("id"),
            List.of(new Snapshot.Index("email", List.of("email"), true)));
        st.execute(DDL.createTable(Q, name, src, perTable));
        for (String ix : DDL.indexes(Q, name, src, perTable)) {
          st.execute(ix);
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
          + " WHERE TABLE_NAME = 'admins' AND INDEX_TYPE_NAME = 'UNIQUE INDEX'")) {
        rs.next();
        assertEquals(1, rs.getInt(1), "admins.email is unique in the source");
      }
    }
  }
}
