package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numerics in PostgreSQL's binary format read exactly, as the JDBC path stores them. */
class BinaryNumericTest {
  /** {@code v} as PostgreSQL's numeric_send writes it (no leading or trailing zero digits). */
  static byte[] send(BigDecimal v) {
    int dscale = Math.max(v.scale(), 0);
    BigDecimal abs = v.abs().setScale(dscale);
    // Digits in base 10000, aligned so the point falls between digits.
    int fracGroups = (dscale + 3) / 4;
    BigInteger all = abs.movePointRight(4 * fracGroups).toBigIntegerExact();
    List<Integer> digits = new ArrayList<>();
    BigInteger base = BigInteger.valueOf(10000);
    while (all.signum() > 0) {
      BigInteger[] qr = all.divideAndRemainder(base);
      digits.add(0, qr[1].intValue());
      all = qr[0];
    }
    int weight = digits.size() - fracGroups - 1;
    while (!digits.isEmpty() && digits.get(0) == 0) {
      digits.remove(0);
      weight--;
    }
    while (!digits.isEmpty() && digits.get(digits.size() - 1) == 0) {
      digits.remove(digits.size() - 1);
    }
    if (digits.isEmpty()) {
      weight = 0;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    short16(out, digits.size());
    short16(out, weight);
    short16(out, v.signum() < 0 ? 0x4000 : 0);
    short16(out, dscale);
    for (int d : digits) {
      short16(out, d);
    }
    return out.toByteArray();
  }

  private static void short16(ByteArrayOutputStream out, int v) {
    out.write((v >> 8) & 0xFF);
    out.write(v & 0xFF);
  }

  private static void check(BigDecimal v, int scale, int precision) {
    byte[] b = send(v);
    assertEquals(v.setScale(Math.max(v.scale(), 0)), BinaryNumeric.exact(b, 0), v.toString());
    assertEquals(v.setScale(Math.max(v.scale(), 0)).toPlainString(),
        BinaryNumeric.exact(b, 0).toPlainString());
    BigDecimal jdbc = v.setScale(scale, RoundingMode.HALF_UP);
    long u = BinaryNumeric.unscaled(b, 0, scale, precision);
    if (u != Long.MIN_VALUE) {
      assertEquals(jdbc.unscaledValue(), BigInteger.valueOf(u), v + " at scale " + scale);
      assertEquals(true, jdbc.precision() <= precision || jdbc.signum() == 0, v.toString());
    } else {
      assertEquals(jdbc, BinaryNumeric.atScale(b, 0, scale), v + " at scale " + scale);
    }
  }

  @Test void edgeValues() {
    String[] values = {"0", "0.00", "1", "-1", "0.01", "-0.01", "9999999999.99", "-9999999999.99",
        "10000", "100000000", "0.0001", "0.00001", "1.5", "-1.50", "123456789012345678",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9999999999999999999999999999.9999999999", "0.0000000001", "1e20", "12345678901234567890.123",
        "0.5", "-0.5", "2.345", "-2.345", "99999999999999999999999999999999999999"};
    for (String s : values) {
      BigDecimal v = new BigDecimal(s);
      for (int scale : new int[] {0, 2, 4, 10}) {
        check(v, scale, 38);
        check(v, scale, 12);
      }
    }
  }

  @Test void randomValuesAtEveryScale() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      BigInteger unscaled = new BigInteger(1 + r.nextInt(120), r);
      BigDecimal v = new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), r.nextInt(30) - 5);
      if (v.scale() < 0) {
        v = v.setScale(0);
      }
      check(v, r.nextInt(12), 1 + r.nextInt(38));
    }
  }

  /** Writes {@code v} both ways (as a long when it fits) and compares with numeric_send's bytes. */
  private static void checkWrite(BigDecimal v) {
    byte[] want = send(v);
    List<CopyTextBuffer> outs = new ArrayList<>();
    CopyTextBuffer big = new CopyTextBuffer(4);
    BinaryNumeric.write(v.unscaledValue(), v.scale(), big);
    outs.add(big);
    if (v.unscaledValue().bitLength() < 64) {
      CopyTextBuffer small = new CopyTextBuffer(4);
      BinaryNumeric.write(v.unscaledValue().longValueExact(), v.scale(), small);
      outs.add(small);
    }
    for (CopyTextBuffer out : outs) {
      byte[] got = java.util.Arrays.copyOf(out.buf, out.len);
      assertEquals(want.length, ((got[0] & 0xFF) << 24) | ((got[1] & 0xFF) << 16)
          | ((got[2] & 0xFF) << 8) | (got[3] & 0xFF), v.toString());
      assertEquals(java.util.HexFormat.of().formatHex(want),
          java.util.HexFormat.of().formatHex(got, 4, got.length), v.toString());
    }
  }

  @Test void writesWhatNumericSendWrites() {
    String[] values = {"0", "0.00", "1", "-1", "0.01", "-0.01", "9999999999.99", "-9999999999.99",
        "10000", "100000000", "0.0001", "0.00001", "1.5", "-1.50", "123456789012345678",
        "9223372036854775807", "-9223372036854775808", "922337203685477.5807",
        "-9999999999999999999999999999.9999999999", "0.0000000001", "12345678901234567890.123",
        "99999999999999999999999999999999999999", "0.000000000000000000000000000000000001"};
    for (String s : values) {
      checkWrite(new BigDecimal(s));
    }
    Random r = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      BigInteger unscaled = new BigInteger(1 + r.nextInt(127), r);
      checkWrite(new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), r.nextInt(40)));
    }
  }

  @Test void nanAndInfinityAreNoNumbers() {
    assertEquals("NaN", BinaryNumeric.notANumber(new byte[] {0, 0, 0, 0, (byte) 0xC0, 0, 0, 0}, 0));
    assertEquals("Infinity", BinaryNumeric.notANumber(new byte[] {0, 0, 0, 0, (byte) 0xD0, 0, 0, 0}, 0));
    assertEquals("-Infinity", BinaryNumeric.notANumber(new byte[] {0, 0, 0, 0, (byte) 0xF0, 0, 0, 0}, 0));
    assertEquals(null, BinaryNumeric.notANumber(send(new BigDecimal("-1.5")), 0));
  }
}
