package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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

  /** The hash as the class comment defines it, one digest update per part. */
  private static long reference(List<String> cells) throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    for (String c : cells) {
      if (c == null) {
        md5.update((byte) 0);
      } else {
        md5.update((byte) 1);
        md5.update(c.getBytes(StandardCharsets.UTF_8));
        md5.update((byte) 0xFF);
      }
    }
    byte[] d = md5.digest();
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (d[i] & 0xFF);
    }
    return h;
  }

  @Test void rowHashIsTheDefinedDigestForAnyText() throws Exception {
    Random r = new Random(7);
    String[] parts = {"", "a", "é", "€", "\uD83D\uDE00", "\uD800", "x y", "0123456789"};
    RowCanon canon = new RowCanon(false);
    for (int i = 0; i < 20_000; i++) {
      List<String> cells = new ArrayList<>();
      for (int c = r.nextInt(20); c >= 0; c--) {
        if (r.nextInt(5) == 0) {
          cells.add(null);
          continue;
        }
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(i % 100 == 0 ? 400 : 6); k > 0; k--) {
          b.append(parts[r.nextInt(parts.length)]);
        }
        cells.add(b.toString());
      }
      assertEquals(reference(cells), canon.hash(cells), cells.toString());
    }
  }
}
