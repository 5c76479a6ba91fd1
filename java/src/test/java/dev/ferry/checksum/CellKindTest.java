package dev.ferry.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.dialect.Dialects;

import java.sql.Types;
import org.junit.jupiter.api.Test;

/** How verification reads a column, from its driver's metadata. */
class CellKindTest {
  @Test void fromJdbcTypes() {
    assertEquals(CellKind.INTEGER, CellKind.of(Types.SMALLINT, "int2"));
    assertEquals(CellKind.DECIMAL, CellKind.of(Types.NUMERIC, "numeric"));
    assertEquals(CellKind.REAL, CellKind.of(Types.REAL, "float4"));
    assertEquals(CellKind.REAL, CellKind.of(Types.DOUBLE, "float4"), "pgjdbc's float4");
    assertEquals(CellKind.REAL, CellKind.of(Types.FLOAT, "FLOAT"));
    assertEquals(CellKind.DOUBLE, CellKind.of(Types.DOUBLE, "float8"));
    assertEquals(CellKind.BOOLEAN, CellKind.of(Types.BIT, "bool"));
    assertEquals(CellKind.BOOLEAN, CellKind.of(Types.BIT, "BIT"), "BIT(1)");
    assertEquals(CellKind.TEXT, CellKind.of(Types.BIT, "bit varying"), "a bit string");
    assertEquals(CellKind.TEXT, CellKind.of(Types.BIT, "bit", 5), "PostgreSQL's bit(5): its text of 0s and 1s");
    assertEquals(CellKind.BOOLEAN, CellKind.of(Types.BIT, "bit", 1), "bit(1)");
    assertEquals(CellKind.CHAR, CellKind.of(Types.CHAR, "bpchar"));
    assertEquals(CellKind.TEXT, CellKind.of(Types.CLOB, "CLOB"));
    assertEquals(CellKind.BINARY, CellKind.of(Types.LONGVARBINARY, "bytea"));
    assertEquals(CellKind.TIME, CellKind.of(Types.TIME_WITH_TIMEZONE, "timetz"));
    assertEquals(CellKind.TIMESTAMPTZ, CellKind.of(Types.TIMESTAMP, "timestamptz"));
    assertEquals(CellKind.TIMESTAMPTZ, CellKind.of(Types.TIMESTAMP, "TIMESTAMP WITH TIME ZONE"));
    assertEquals(CellKind.TIMESTAMP, CellKind.of(Types.TIMESTAMP, "DATETIME"));
    assertEquals(CellKind.OTHER, CellKind.of(Types.OTHER, "jsonb"));
  }

  @Test void mariaDbReadsBitStringsAsUnsignedIntegers() {
    var maria = Dialects.forSubprotocol("mariadb");
    assertEquals(CellKind.BIT_INTEGER, maria.cellKind(Types.BIT, "BIT", 5));
    assertEquals(CellKind.BIT_INTEGER, maria.cellKind(Types.BIT, "BIT", 64));
    assertEquals(CellKind.BOOLEAN, maria.cellKind(Types.BIT, "BIT", 1), "BIT(1) is a boolean");
  }

  @Test void sqliteDecidesByTheDeclaredName() {
    var sqlite = Dialects.forSubprotocol("sqlite");
    assertEquals(CellKind.DECIMAL, sqlite.cellKind(Types.FLOAT, "DECIMAL(10,2)", 0));
    assertEquals(CellKind.INTEGER, sqlite.cellKind(Types.VARCHAR, "BIGINT", 0));
    assertEquals(CellKind.BINARY, sqlite.cellKind(Types.VARCHAR, "BLOB", 0));
    assertEquals(CellKind.TIMESTAMP, sqlite.cellKind(Types.VARCHAR, "DATETIME", 0));
    assertEquals(CellKind.DATE, sqlite.cellKind(Types.VARCHAR, "DATE", 0));
    assertEquals(CellKind.TIME, sqlite.cellKind(Types.VARCHAR, "TIME", 0));
    assertEquals(CellKind.DOUBLE, sqlite.cellKind(Types.VARCHAR, "REAL", 0));
    assertEquals(CellKind.BOOLEAN, sqlite.cellKind(Types.VARCHAR, "boolean", 0));
    assertEquals(CellKind.TEXT, sqlite.cellKind(Types.VARCHAR, "", 0));
    assertEquals(CellKind.DOUBLE, Dialects.forSubprotocol("h2").cellKind(Types.DOUBLE, "DOUBLE PRECISION", 0));
  }
}
