package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digits written straight into a row buffer are the text java.time and BigDecimal give. */
class CanonDigitsTest {
  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.US_ASCII);
  }

  @Test void everyDateOfYearsZeroTo9999IsLocalDatesText() {
    byte[] buf = new byte[12];
    long first = LocalDate.of(0, 1, 1).toEpochDay();
    long last = LocalDate.of(9999, 12, 31).toEpochDay();
    for (long day = first; day <= last; day++) {
      int end = CanonDigits.date(buf, 1, day);
      assertEquals(LocalDate.ofEpochDay(day).toString(), text(buf, 1, end));
    }
    assertEquals(-1, CanonDigits.date(buf, 0, first - 1));
    assertEquals(-1, CanonDigits.date(buf, 0, last + 1));
    assertEquals(-1, CanonDigits.date(buf, 0, Integer.MIN_VALUE));
  }

  @Test void timesAreMicrosecondText() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    byte[] buf = new byte[16];
    Random r = new Random(7);
    long[] edges = {0, 1, 999_999, 1_000_000, 86_399_999_999L, 43_200_000_001L};
    for (int i = 0; i < 200_000; i++) {
      long micros = i < edges.length ? edges[i] : Math.floorMod(r.nextLong(), 86_400_000_000L);
      int end = CanonDigits.time(buf, 1, micros);
      assertEquals(f.format(LocalTime.ofNanoOfDay(micros * 1000)), text(buf, 1, end));
    }
  }

  @Test void plainDecimalsAreBigDecimalsPlainText() {
    byte[] buf = new byte[48];
    Random r = new Random(13);
    for (int scale = 0; scale <= 30; scale++) {
      for (int i = 0; i < 5000; i++) {
        long v = 1 + ((r.nextLong() >>> 1) >>> r.nextInt(63));
        if (scale > 0 && v % 10 == 0) {
          v++;
        }
        int width = CanonDigits.plainWidth(v, scale);
        CanonDigits.plain(buf, v, scale, 2 + width);
        assertEquals(new BigDecimal(BigInteger.valueOf(v), scale).toPlainString(),
            text(buf, 2, 2 + width), v + " at scale " + scale);
      }
    }
  }
}
