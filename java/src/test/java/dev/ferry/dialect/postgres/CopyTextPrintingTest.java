package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The COPY text printed from Arrow numbers matches what java.time and BigDecimal print. */
class CopyTextPrintingTest {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private static String printed(CopyTextBuffer b) {
    return new String(b.buf, 0, b.len, StandardCharsets.UTF_8);
  }

  /** PostgreSQL's spelling of {@code t}: era years, BC suffix, six fraction digits when any. */
  private static String expected(LocalDateTime t, boolean utc) {
    String s = ISO.format(t).replace("+", "");
    int nanos = t.getNano();
    if (nanos != 0) {
      s += String.format(Locale.ROOT, ".%06d", nanos / 1000);
    }
    return s + (utc ? "+00" : "") + (t.getYear() <= 0 ? " BC" : "");
  }

  @Test void timestampsMatchJavaTimeFrom4713BcTo200000Ad() {
    SplittableRandom r = new SplittableRandom(7);
    long lo = LocalDateTime.of(-4712, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    long hi = LocalDateTime.of(200000, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    for (int i = 0; i < 200_000; i++) {
      long micros = i < 3 ? new long[] {0, -1, lo}[i] : r.nextLong(lo, hi);
      if (i % 3 == 0) {
        micros -= Math.floorMod(micros, 1_000_000L);
      }
      LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
      CopyTextBuffer b = new CopyTextBuffer(4);
      CopyTextDates.timestamp(b, micros, i % 2 == 0);
      assertEquals(expected(t, i % 2 == 0), printed(b), "micros " + micros);
      b.len = 0;
      CopyTextDates.date(b, Math.floorDiv(micros, 86_400_000_000L));
      String day = expected(t.toLocalDate().atStartOfDay(), false);
      assertEquals(day.replace(" 00:00:00", ""), printed(b));
    }
  }

  @Test void timesUpTo2400() {
    CopyTextBuffer b = new CopyTextBuffer(4);
    CopyTextDates.time(b, 86_400_000_000L);
    b.put((byte) ' ');
    CopyTextDates.time(b, 45_296_000_007L);
    assertEquals("24:00:00 12:34:56.000007", printed(b));
  }

  @Test void integersAndDecimalsMatchJava() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      long v = switch (i % 4) {
        case 0 -> r.nextLong();
        case 1 -> r.nextLong(-1000, 1000);
        case 2 -> i < 8 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE}[i / 4] : r.nextInt();
        default -> r.nextLong(-99_999_999_999L, 99_999_999_999L);
      };
      CopyTextBuffer b = new CopyTextBuffer(2);
      b.ensure(20);
      b.digits(v);
      assertEquals(Long.toString(v), printed(b));
      if (v != Long.MIN_VALUE) {
        int scale = r.nextInt(0, 25);
        b.len = 0;
        b.decimal(v, scale);
        assertEquals(BigDecimal.valueOf(v, scale).toPlainString(), printed(b), v + " scale " + scale);
      }
    }
  }

  @Test void textIsEscapedOnBytesAndByteaIsHex() {
    try (BufferAllocator a = new RootAllocator(); ArrowBuf data = a.buffer(64)) {
      byte[] in = "a\\b\tc\nd\re😀\\N".getBytes(StandardCharsets.UTF_8);
      data.setBytes(0, in);
      CopyTextBuffer b = new CopyTextBuffer(1);
      b.escaped(data, 0, in.length);
      b.put((byte) '|');
      b.bytea(data, 0, 2);
      assertEquals("a\\\\b\\tc\\nd\\re😀\\\\N|\\\\x615c", printed(b));
    }
  }
}
