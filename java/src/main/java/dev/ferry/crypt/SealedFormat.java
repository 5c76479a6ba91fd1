package dev.ferry.crypt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * The byte layout of a sealed backup file, shared by {@link SealedOutputStream} and
 * {@link SealedInputStream}.
 *
 * <p>It lives in one place so the writer and the reader cannot drift apart. A file is a header
 * followed by one or more segment records (integers big-endian):
 * <pre>
 * header = "FERRYGCM" (8 bytes) | version 1 (1 byte) | file id (16 random bytes)
 *          | segment size in plaintext bytes (int32)                        29 bytes
 * record = nonce (12 random bytes) | ciphertext (as long as its plaintext) | tag (16 bytes)
 * aad    = header (29 bytes) | segment index (int64, from 0) | last (1 byte: 1 or 0)
 * </pre>
 * Every record but the last holds exactly a segment of plaintext; the last holds 0 to a full
 * segment and alone is sealed with last = 1, so a reader that meets the end of the file after a
 * record sealed with 0 knows the file was cut. The whole header is in the additional data (not
 * just the file id) so that its version and segment size cannot be altered either; the file id
 * keeps records from being spliced between files sealed with the same key.
 */
public final class SealedFormat {
  /** Plaintext bytes per segment: large enough that the per-segment cost vanishes, small enough to hold one in memory. */
  public static final int SEGMENT = 1 << 20;
  static final byte[] MAGIC = "FERRYGCM".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int FILE_ID_BYTES = 16;
  static final int HEADER_BYTES = MAGIC.length + 1 + FILE_ID_BYTES + Integer.BYTES;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  static final int TAG_BITS = TAG_BYTES * 8;
  /** The largest segment size a reader accepts from a header, so a damaged one cannot exhaust memory. */
  static final int MAX_SEGMENT = 64 << 20;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private SealedFormat() {}

  /**
   * The size on disk of a sealed file holding {@code plaintextBytes} bytes.
   *
   * <p>Lets a caller report sizes or check a file's length without opening it.
   */
  public static long sealedSize(long plaintextBytes) {
    if (plaintextBytes < 0) {
      throw new IllegalArgumentException("plaintextBytes < 0: " + plaintextBytes);
    }
    long segments = plaintextBytes == 0 ? 1 : (plaintextBytes + SEGMENT - 1) / SEGMENT;
    return HEADER_BYTES + segments * (NONCE_BYTES + TAG_BYTES) + plaintextBytes;
  }

  /** The header of a file with this id and segment size. */
  static byte[] header(byte[] fileId, int segment) {
    byte[] h = new byte[HEADER_BYTES];
    System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
    h[MAGIC.length] = (byte) VERSION;
    System.arraycopy(fileId, 0, h, MAGIC.length + 1, FILE_ID_BYTES);
    ByteBuffer.wrap(h).putInt(HEADER_BYTES - Integer.BYTES, segment);
    return h;
  }

  /** The segment size a header announces (its last four bytes). */
  static int segmentSize(byte[] header) {
    return ByteBuffer.wrap(header).getInt(HEADER_BYTES - Integer.BYTES);
  }

  /** A buffer for the additional data of this header's segments, to be filled by {@link #position}. */
  static byte[] aad(byte[] header) {
    byte[] aad = new byte[HEADER_BYTES + Long.BYTES + 1];
    System.arraycopy(header, 0, aad, 0, HEADER_BYTES);
    return aad;
  }

  /** Writes a segment's index and last flag into its additional data, in place. */
  static void position(byte[] aad, long index, boolean last) {
    ByteBuffer.wrap(aad).putLong(HEADER_BYTES, index).put(HEADER_BYTES + Long.BYTES,
        (byte) (last ? 1 : 0));
  }

  /** A fresh AES-GCM cipher; every JDK ships one, so its absence is a broken runtime. */
  static Cipher newCipher() {
    try {
      return Cipher.getInstance(TRANSFORMATION);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no " + TRANSFORMATION, e);
    }
  }
}
