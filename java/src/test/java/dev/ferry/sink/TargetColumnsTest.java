package dev.ferry.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.TableName;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values a target column cannot hold, named before they are sent (read from a real H2 table). */
class TargetColumnsTest {
  private static Connection h2;
  private static TargetColumns checked;

  @BeforeAll static void createTable() throws Exception {
    h2 = DriverManager.getConnection("jdbc:h2:mem:target_columns");
    try (Statement st = h2.createStatement()) {
      st.execute("CREATE TABLE T (S VARCHAR(5), C CHAR(3), D DECIMAL(5, 2), SI SMALLINT,"
          + " TI TINYINT, I INTEGER, DT DATE, TS TIMESTAMP, TZ TIMESTAMP WITH TIME ZONE,"
          + " B VARBINARY(4), BIG BIGINT, TXT VARCHAR, \"Mixed\" INTEGER, F DOUBLE PRECISION)");
      st.execute("CREATE TABLE A_B (X INTEGER)");
      st.execute("CREATE TABLE AXB (Y INTEGER)");
    }
    checked = TargetColumns.read(h2, ValueLimits.CHECKED.years(0, 9999), new TableName("PUBLIC", "T"));
  }

  @AfterAll static void close() throws Exception {
    h2.close();
  }

  private static String reject(String column, Object v) {
    return checked.reject(checked.get(column), v);
  }

  @Test void readsTheColumnsInTableOrder() throws Exception {
    assertTrue(checked.exists());
    assertEquals(List.of("S", "C", "D", "SI", "TI", "I", "DT", "TS", "TZ", "B", "BIG", "TXT", "Mixed", "F"),
        checked.names());
    TargetColumns.Column d = checked.get("d");
    assertEquals("D", d.name(), "found ignoring case");
    assertEquals(5, d.size());
    assertEquals(2, d.digits());
    assertEquals("Mixed", checked.get("Mixed").name());
    assertNull(checked.get("nope"));
  }

  @Test void likePatternCharactersInTableNamesAreEscaped() throws Exception {
    assertEquals(List.of("X"), TargetColumns.read(h2, ValueLimits.CHECKED, new TableName("PUBLIC", "A_B")).names());
    assertFalse(TargetColumns.read(h2, ValueLimits.CHECKED, new TableName("PUBLIC", "NONE")).exists());
  }

  @Test void textLongerThanItsColumn() {
    assertNull(reject("S", "abcde"));
    String why = reject("S", "abcdef");
    assertTrue(why.startsWith("6 characters, longer than "), why);
    assertTrue(why.endsWith("(5)"), why);
    assertTrue(reject("C", "abcd").startsWith("4 characters"));
    assertNull(reject("TXT", "x".repeat(100_000)), "an unbounded VARCHAR holds anything");
  }

  @Test void lengthsInCodePointsOrUtf16Units() throws Exception {
    String emoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"; // three code points, six UTF-16 units
    assertNull(reject("S", emoji));
    TargetColumns utf16 = TargetColumns.read(h2, new ValueLimits(true, true, Integer.MIN_VALUE,
        Integer.MAX_VALUE, false), new TableName("PUBLIC", "T"));
    assertTrue(utf16.reject(utf16.get("S"), emoji).startsWith("6 characters"));
  }

  @Test void bytesLongerThanTheirColumn() {
    assertNull(reject("B", new byte[4]));
    assertTrue(reject("B", new byte[5]).startsWith("5 bytes, longer than "));
  }

  @Test void decimalsWithTooManyPlacesOrDigits() {
    assertNull(reject("D", new BigDecimal("999.99")));
    assertNull(reject("D", new BigDecimal("1.2300")), "trailing zeros are no places");
    assertNull(reject("D", new BigDecimal("-1E+2")));
    assertEquals("more than 2 decimal places for DECIMAL(5,2)", reject("D", new BigDecimal("1.234")));
    assertEquals("out of range for DECIMAL(5,2)", reject("D", new BigDecimal("1000")));
    assertEquals("out of range for DECIMAL(5,2)", reject("D", new BigDecimal("-1234.5")));
    assertEquals("out of range for DECIMAL(5,2)", reject("D", 1000L));
    assertNull(reject("D", 999L));
    assertEquals("more than 2 decimal places for DECIMAL(5,2)", reject("D", new SourceText("0.001")));
    assertNull(reject("D", new SourceText("NaN")), "the server decides");
  }

  @Test void integersOutOfRange() {
    assertNull(reject("SI", -32768L));
    assertNull(reject("SI", 32767L));
    assertTrue(reject("SI", 32768L).startsWith("out of range for SMALLINT"));
    assertTrue(reject("SI", new BigDecimal("40000")).startsWith("out of range"));
    assertTrue(reject("SI", new SourceText("-40000")).startsWith("out of range"));
    assertTrue(reject("TI", 128L).startsWith("out of range for TINYINT"));
    assertNull(reject("TI", -128L));
    assertTrue(reject("I", 2_147_483_648L).startsWith("out of range for INTEGER"));
    assertNull(reject("BIG", Long.MIN_VALUE));
  }

  @Test void yearsOutsideTheTargetsRange() {
    assertNull(reject("DT", LocalDate.of(1, 1, 1)));
    assertNull(reject("DT", LocalDate.of(9999, 12, 31)));
    String why = reject("DT", LocalDate.of(10_000, 1, 1));
    assertTrue(why.startsWith("year 10000 is outside what DATE holds (0 to 9999)"), why);
    assertTrue(reject("TS", LocalDateTime.of(-1, 1, 1, 0, 0)).startsWith("year -1 is outside"));
    assertTrue(reject("TZ", OffsetDateTime.of(12_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
        .startsWith("year 12000"));
    assertTrue(reject("DT", LocalDate.MAX).endsWith("; the source holds infinity"));
  }

  @Test void nothingIsCheckedWhenTheEngineEnforcesNothing() throws Exception {
    TargetColumns free = TargetColumns.read(h2, ValueLimits.UNCHECKED, new TableName("PUBLIC", "T"));
    assertNull(free.reject(free.get("S"), "far too long"));
    assertNull(free.reject(free.get("D"), new BigDecimal("123456.789")));
    assertNull(free.reject(free.get("SI"), 1_000_000L));
    assertNull(free.reject(free.get("DT"), LocalDate.MAX));
  }

  @Test void yearsAreUncheckedByDefault() throws Exception {
    TargetColumns plain = TargetColumns.read(h2, ValueLimits.CHECKED, new TableName("PUBLIC", "T"));
    assertNull(plain.reject(plain.get("DT"), LocalDate.of(10_000, 1, 1)));
    assertEquals(new ValueLimits(true, false, -5, 5, false), ValueLimits.CHECKED.years(-5, 5));
  }

  @Test void nonFiniteFloatsAreNamedWhereTheTargetRefusesThem() throws Exception {
    assertNull(reject("F", Double.POSITIVE_INFINITY), "accepted unless the engine says otherwise");
    TargetColumns finite = TargetColumns.read(h2, ValueLimits.CHECKED.finiteFloatsOnly(),
        new TableName("PUBLIC", "T"));
    assertTrue(finite.reject(finite.get("F"), Double.POSITIVE_INFINITY).startsWith("not a finite number"));
    assertTrue(finite.reject(finite.get("F"), Double.NaN).startsWith("not a finite number"));
    assertTrue(finite.reject(finite.get("F"), new SourceText("-Infinity")).startsWith("not a finite"));
    assertNull(finite.reject(finite.get("F"), 1.5e300));
    assertNull(finite.reject(finite.get("F"), new SourceText("1e-300")));
  }
}
