package dev.ferry.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.sink.CopyTextRows;
import dev.ferry.sink.TargetColumns;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** PostgreSQL COPY text re-encoded for MariaDB's LOAD DATA, byte by byte. */
class PgTextToLoadDataTest {
  /** A source column as pgjdbc describes it. */
  private record Pg(String type, int precision, int scale) {}

  private static Pg pg(String type) {
    return new Pg(type, 0, 0);
  }

  private static ResultSetMetaData source(Pg... columns) {
    return (ResultSetMetaData) Proxy.newProxyInstance(PgTextToLoadDataTest.class.getClassLoader(),
        new Class<?>[] {ResultSetMetaData.class}, (proxy, m, args) -> switch (m.getName()) {
          case "getColumnCount" -> columns.length;
          case "getColumnTypeName" -> columns[(Integer) args[0] - 1].type();
          case "getPrecision" -> columns[(Integer) args[0] - 1].precision();
          case "getScale" -> columns[(Integer) args[0] - 1].scale();
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  private static TargetColumns.Column maria(String typeName, int size, int digits) {
    return new TargetColumns.Column("c", Types.OTHER, typeName, size, digits);
  }

  private static TargetColumns.Column maria(String typeName) {
    return maria(typeName, 0, 0);
  }

  private static PgTextToLoadData one(Pg source, TargetColumns.Column target) throws Exception {
    return PgTextToLoadData.forColumns(source(source), new TargetColumns.Column[] {target});
  }

  private static byte[] encode(PgTextToLoadData t, String row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.append(row.getBytes(StandardCharsets.ISO_8859_1), new PgTextToLoadData.Sink() {
      @Override public void put(byte b) {
        out.write(b);
      }

      @Override public void put(byte[] b, int from, int to) {
        out.write(b, from, to - from);
      }
    });
    return out.toByteArray();
  }

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  // ---- which pairings travel as text ----

  @Test void integersOnlyIntoTypesAtLeastAsWide() throws Exception {
    assertNotNull(one(pg("int2"), maria("SMALLINT")));
    assertNotNull(one(pg("int4"), maria("INT")));
    assertNotNull(one(pg("int4"), maria("BIGINT")));
    assertNotNull(one(pg("int8"), maria("BIGINT")));
    assertNull(one(pg("int8"), maria("INT")));
    assertNull(one(pg("int4"), maria("SMALLINT")));
    assertNull(one(pg("int4"), maria("INT UNSIGNED")), "negative values would be changed");
  }

  @Test void numericsOnlyIntoDecimalsThatHoldThem() throws Exception {
    assertNotNull(one(new Pg("numeric", 10, 2), maria("DECIMAL", 10, 2)));
    assertNotNull(one(new Pg("numeric", 10, 2), maria("DECIMAL", 12, 2)));
    assertNull(one(new Pg("numeric", 10, 2), maria("DECIMAL", 10, 1)), "a smaller scale rounds");
    assertNull(one(new Pg("numeric", 10, 2), maria("DECIMAL", 10, 3)), "another scale pads");
    assertNull(one(new Pg("numeric", 10, 2), maria("DECIMAL", 9, 2)), "fewer integer digits");
    assertNull(one(new Pg("numeric", 0, 0), maria("DECIMAL", 65, 30)), "unbounded numeric");
    assertNull(one(new Pg("numeric", 10, 2), maria("DOUBLE")));
    assertNotNull(one(pg("float8"), maria("DOUBLE")));
    assertNull(one(pg("float8"), maria("FLOAT")));
    assertNotNull(one(pg("float4"), maria("FLOAT")));
  }

  @Test void otherPairings() throws Exception {
    assertNotNull(one(pg("bool"), maria("TINYINT")));
    assertNotNull(one(pg("bool"), maria("BOOLEAN")));
    assertNull(one(pg("bool"), maria("BIT")), "LOAD DATA would store the characters");
    assertNotNull(one(pg("date"), maria("DATE")));
    assertNotNull(one(new Pg("timestamp", 26, 6), maria("DATETIME", 26, 0)));
    assertNull(one(new Pg("timestamp", 26, 6), maria("DATETIME", 19, 0)), "fraction digits would be cut");
    assertNotNull(one(new Pg("timestamp", 19, 0), maria("DATETIME", 19, 0)));
    assertNull(one(pg("timestamptz"), maria("DATETIME", 26, 0)));
    assertNotNull(one(pg("text"), maria("LONGTEXT")));
    assertNotNull(one(pg("uuid"), maria("CHAR")));
    assertNull(one(pg("text"), maria("BLOB")));
    assertNotNull(one(pg("bytea"), maria("LONGBLOB")));
    assertNull(one(pg("bytea"), maria("TEXT")));
    assertNull(one(pg("interval"), maria("VARCHAR")));
  }

  @Test void everyColumnMustPairAndTheCountsMustAgree() throws Exception {
    TargetColumns.Column[] two = {maria("BIGINT"), maria("INT")};
    assertNotNull(PgTextToLoadData.forColumns(source(pg("int8"), pg("int4")), two));
    assertNull(PgTextToLoadData.forColumns(source(pg("int8"), pg("int8")), two));
    assertNull(PgTextToLoadData.forColumns(source(pg("int8")), two));
  }

  // ---- re-encoding ----

  @Test void reencodesBooleansByteaAndEscapes() throws Exception {
    PgTextToLoadData t = PgTextToLoadData.forColumns(source(pg("int4"), pg("bool"), pg("bytea"),
        pg("text")), new TargetColumns.Column[] {maria("INT"), maria("TINYINT"), maria("BLOB"),
        maria("TEXT")});
    assertArrayEquals(bytes("7\t1\t\\0\u00ff\\\\\\t\\nA\tfoo\u000cbar\u000b\\t\\\\\n"),
        encode(t, "7\tt\t\\\\x00ff5c090a41\tfoo\\fbar\\v\\t\\\\\n"));
    assertArrayEquals(bytes("-1\t0\t\t\n"), encode(t, "-1\tf\t\\\\x\t\n"), "empty bytea and text");
  }

  @Test void nullsStayNulls() throws Exception {
    PgTextToLoadData t = PgTextToLoadData.forColumns(source(pg("bool"), pg("bytea"), pg("date")),
        new TargetColumns.Column[] {maria("BOOLEAN"), maria("BLOB"), maria("DATE")});
    assertArrayEquals(bytes("\\N\t\\N\t\\N\n"), encode(t, "\\N\t\\N\t\\N\n"));
    assertArrayEquals(bytes("1\t\\N\t2024-01-02\n"), encode(t, "t\t\\N\t2024-01-02"),
        "a last row without its newline");
  }

  @Test void temporalValuesMariaDbCannotTakeAreUnsuitable() throws Exception {
    PgTextToLoadData t = one(new Pg("timestamp", 26, 6), maria("DATETIME", 26, 0));
    assertArrayEquals(bytes("2024-01-02 03:04:05.123456\n"), encode(t, "2024-01-02 03:04:05.123456\n"));
    assertArrayEquals(bytes("1000-01-01 00:00:00\n"), encode(t, "1000-01-01 00:00:00\n"));
    for (String bad : new String[] {"0999-12-31 23:59:59", "2024-01-02 03:04:05 BC", "infinity",
        "-infinity", "12024-01-01 00:00:00", "2024-01-02T03:04:05"}) {
      assertThrows(CopyTextRows.Unsuitable.class, () -> encode(t, bad + "\n"), bad);
    }
  }

  @Test void numbersThatAreNotNumbersAreUnsuitable() throws Exception {
    PgTextToLoadData t = one(pg("float8"), maria("DOUBLE"));
    assertArrayEquals(bytes("-1.5e+10\n"), encode(t, "-1.5e+10\n"));
    assertThrows(CopyTextRows.Unsuitable.class, () -> encode(t, "NaN\n"));
    assertThrows(CopyTextRows.Unsuitable.class, () -> encode(t, "Infinity\n"));
  }

  @Test void malformedFieldsAreUnsuitable() throws Exception {
    PgTextToLoadData bool = one(pg("bool"), maria("BOOLEAN"));
    assertThrows(CopyTextRows.Unsuitable.class, () -> encode(bool, "true\n"));
    PgTextToLoadData bytea = one(pg("bytea"), maria("BLOB"));
    assertThrows(CopyTextRows.Unsuitable.class, () -> encode(bytea, "\\\\x0\n"), "odd digits");
    assertThrows(CopyTextRows.Unsuitable.class, () -> encode(bytea, "\\\\xzz\n"), "not hex");
    assertThrows(CopyTextRows.Unsuitable.class, () -> encode(bytea, "\\\\001\n"), "escape format");
    PgTextToLoadData text = one(pg("text"), maria("TEXT"));
    assertThrows(CopyTextRows.Unsuitable.class, () -> encode(text, "a\\x41\n"), "unknown escape");
  }

  @Test void aFieldCountMismatchIsUnsuitable() throws Exception {
    PgTextToLoadData t = PgTextToLoadData.forColumns(source(pg("int4"), pg("int4")),
        new TargetColumns.Column[] {maria("INT"), maria("INT")});
    CopyTextRows.Unsuitable more = assertThrows(CopyTextRows.Unsuitable.class, () -> encode(t, "1\t2\t3\n"));
    assertTrue(more.getMessage().contains("more fields"), more.getMessage());
    CopyTextRows.Unsuitable fewer = assertThrows(CopyTextRows.Unsuitable.class, () -> encode(t, "1\n"));
    assertTrue(fewer.getMessage().contains("fewer fields"), fewer.getMessage());
  }
}
