package dev.ferry.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared digit writers print what Long.toString does, and the calendar is java.time's. */
class AsciiDigitsTest {
  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.US_ASCII);
  }

  @Test void wholeNumbersAreLongText() {
    byte[] buf = new byte[21];
    Random r = new Random(11);
    long[] edges = {0, 9, 10, 99, 100, 101, 999, 1000, Long.MAX_VALUE, 1_000_000_000_000_000_000L};
    for (int i = 0; i < 200_000; i++) {
      long v = i < edges.length ? edges[i] : (r.nextLong() >>> 1) >>> r.nextInt(63);
      int n = AsciiDigits.width(v);
      AsciiDigits.whole(buf, v, 1 + n);
      assertEquals(Long.toString(v), text(buf, 1, 1 + n));
    }
  }

  @Test void fixedWidthNumbersArePaddedWithZeros() {
    byte[] buf = new byte[20];
    Random r = new Random(5);
    for (int width = 1; width <= 18; width++) {
      long bound = (long) Math.pow(10, width);
      for (int i = 0; i < 2000; i++) {
        long v = i == 0 ? 0 : i == 1 ? bound - 1 : Math.floorMod(r.nextLong(), bound);
        AsciiDigits.fixed(buf, v, 1 + width, width);
        assertEquals(String.format("%0" + width + "d", v), text(buf, 1, 1 + width));
      }
    }
  }

  @Test void civilDatesAreJavaTimesFromBcToFarFuture() {
    long first = LocalDate.of(-5000, 1, 1).toEpochDay();
    long last = LocalDate.of(30000, 12, 31).toEpochDay();
    for (long day = first; day <= last; day++) {
      long civil = AsciiDigits.civil(day);
      LocalDate expected = LocalDate.ofEpochDay(day);
      assertEquals(expected.getYear(), AsciiDigits.year(civil), "year of " + expected);
      assertEquals(expected.getMonthValue(), AsciiDigits.month(civil), "month of " + expected);
      assertEquals(expected.getDayOfMonth(), AsciiDigits.day(civil), "day of " + expected);
    }
    for (int day : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      long civil = AsciiDigits.civil(day);
      LocalDate expected = LocalDate.ofEpochDay(day);
      assertEquals(expected.getYear(), AsciiDigits.year(civil));
      assertEquals(expected.getDayOfMonth(), AsciiDigits.day(civil));
    }
  }
}
