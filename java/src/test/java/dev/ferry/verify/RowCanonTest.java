package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp text is the formatter's, for every year it handles and past them. */
class RowCanonTest {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  @Test void timestampTextIsTheFormattersText() {
    Random r = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      LocalDateTime t = LocalDateTime.of(r.nextInt(12_000) - 1000, 1 + r.nextInt(12),
          1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000_000));
      assertEquals(TS.format(t), RowCanon.timestampText(t), t.toString());
    }
    for (LocalDateTime t : new LocalDateTime[] {LocalDateTime.of(0, 1, 1, 0, 0),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1000)}) {
      assertEquals(TS.format(t), RowCanon.timestampText(t));
    }
  }
}
