package dev.ferry.dialect.postgres;

import dev.ferry.util.AsciiDigits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A growing byte buffer that COPY data is written into: for text, digits, escaped UTF-8 and
 * bytea hex written by hand; for binary COPY, big-endian integers and raw bytes; so a value goes
 * from a vector's buffer to the wire without a Java object.
 *
 * <p>Callers {@link #ensure} room for what they write next and then write through the public
 * fields; the buffer is reused for a whole load and sent to the server in large blocks.
 */
final class CopyTextBuffer {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** The bytes; valid up to {@link #len}. */
  byte[] buf;
  /** How many bytes are written. */
  int len;
  private byte[] scratch = new byte[256];

  CopyTextBuffer(int capacity) {
    buf = new byte[capacity];
  }

  /** Makes room for {@code extra} more bytes. */
  void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** One byte, room included. */
  void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  /** A big-endian int16 (binary COPY), room included. */
  void i16(int v) {
    ensure(2);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  /** A big-endian int32 (binary COPY), room included. */
  void i32(int v) {
    ensure(4);
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  /** A big-endian int64 (binary COPY), room included. */
  void i64(long v) {
    i32((int) (v >>> 32));
    i32((int) v);
  }

  /** {@code n} bytes of {@code data} from {@code start} as they are (binary COPY). */
  void raw(ArrowBuf data, long start, int n) {
    ensure(n);
    data.getBytes(start, buf, len, n);
    len += n;
  }

  /** COPY's NULL, {@code \N}. */
  void nul() {
    ensure(2);
    buf[len++] = '\\';
    buf[len++] = 'N';
  }

  /** ASCII text that needs no escaping (numbers as Java prints them). */
  void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** {@code v} in decimal; room for 20 bytes must be ensured. */
  void digits(long v) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        ascii("-9223372036854775808");
        return;
      }
      buf[len++] = '-';
      v = -v;
    }
    len = unsigned(v, len);
  }

  /** The digits of {@code v} (not negative) written at {@code at}; returns the end. */
  private int unsigned(long v, int at) {
    int end = at + AsciiDigits.width(v);
    AsciiDigits.whole(buf, v, end);
    return end;
  }

  /** {@code v} zero-padded to {@code width} digits (no sign; {@code v} below 10^width). */
  void padded(long v, int width) {
    len += width;
    AsciiDigits.fixed(buf, v, len, width);
  }

  /**
   * The decimal {@code unscaled × 10^-scale} as plain text with exactly {@code scale} fraction
   * digits, as PostgreSQL keeps a NUMERIC's scale; {@code unscaled} is not Long.MIN_VALUE.
   */
  void decimal(long unscaled, int scale) {
    ensure(24 + scale);
    if (unscaled < 0) {
      buf[len++] = '-';
      unscaled = -unscaled;
    }
    if (scale == 0) {
      len = unsigned(unscaled, len);
      return;
    }
    int n = AsciiDigits.width(unscaled);
    if (n <= scale) {
      buf[len++] = '0';
      buf[len++] = '.';
      for (int i = n; i < scale; i++) {
        buf[len++] = '0';
      }
      len = unsigned(unscaled, len);
      return;
    }
    // Print the digits one place to the right, then move the integer part left over the dot.
    int start = len;
    int end = unsigned(unscaled, start + 1);
    int intDigits = n - scale;
    System.arraycopy(buf, start + 1, buf, start, intDigits);
    buf[start + intDigits] = '.';
    len = end;
  }

  /**
   * Bytes {@code [start, start + n)} of {@code data} (UTF-8 text) with COPY's escapes for
   * backslash, tab, newline and carriage return; every other byte goes as it is.
   */
  void escaped(ArrowBuf data, long start, int n) {
    ensure(n);
    int at = len;
    data.getBytes(start, buf, at, n);
    int specials = 0;
    for (int i = at, end = at + n; i < end; i++) {
      byte b = buf[i];
      if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
        specials++;
      }
    }
    if (specials == 0) {
      len = at + n;
      return;
    }
    ensure(n + specials);
    // Spread the bytes from the end so each special gets its backslash in place.
    int w = at + n + specials;
    len = w;
    for (int r = at + n - 1; r >= at; r--) {
      byte b = buf[r];
      switch (b) {
      case '\\' -> { buf[--w] = '\\'; buf[--w] = '\\'; }
      case '\t' -> { buf[--w] = 't'; buf[--w] = '\\'; }
      case '\n' -> { buf[--w] = 'n'; buf[--w] = '\\'; }
      case '\r' -> { buf[--w] = 'r'; buf[--w] = '\\'; }
      default -> buf[--w] = b;
      }
    }
  }

  /** Bytes {@code [start, start + n)} of {@code data} as bytea's {@code \\x} hex in COPY text. */
  void bytea(ArrowBuf data, long start, int n) {
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, scratch.length * 2)];
    }
    data.getBytes(start, scratch, 0, n);
    ensure(3 + 2 * n);
    // "\\x" in COPY text is bytea's input "\x" with its backslash escaped.
    buf[len++] = '\\';
    buf[len++] = '\\';
    buf[len++] = 'x';
    for (int i = 0; i < n; i++) {
      byte x = scratch[i];
      buf[len++] = HEX[(x >> 4) & 0xf];
      buf[len++] = HEX[x & 0xf];
    }
  }
}
