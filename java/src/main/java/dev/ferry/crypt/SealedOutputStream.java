package dev.ferry.crypt;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts what is written to it into a sealed file: a header, then AES-256-GCM segments as
 * {@link SealedFormat} lays them out.
 *
 * <p>It holds one segment of plaintext and one record, whatever the file's size. A full segment
 * is sealed only when more bytes arrive, so that {@link #close()} can seal the final one with the
 * last flag: a file of exactly one segment is one record, and an empty file is one empty record.
 * {@link #flush()} flushes the underlying stream but cannot push out a partial segment, since a
 * record sealed early would have to be the last one. Not thread-safe, like most streams.
 */
public final class SealedOutputStream extends OutputStream {
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * How much plaintext each cipher call takes. HotSpot runs AES-GCM at full speed only once the
   * provider's inner methods are compiled, which takes thousands of calls: a cold JDK 17 fed
   * whole 1 MiB segments needed about 35 s for its first 4 GiB, fed 16 KiB pieces under 3 s
   * (measured with a throwaway benchmark); once warm, both run at over 4 GiB/s.
   */
  private static final int PIECE = 16 * 1024;

  private final OutputStream out;
  private final BackupKey key;
  private final Cipher cipher = SealedFormat.newCipher();
  private final byte[] aad;
  private final byte[] nonce = new byte[SealedFormat.NONCE_BYTES];
  private final byte[] plain = new byte[SealedFormat.SEGMENT];
  /** Nonce, ciphertext and tag of one segment, written with a single call. */
  private final byte[] record =
      new byte[SealedFormat.NONCE_BYTES + SealedFormat.SEGMENT + SealedFormat.TAG_BYTES];
  private int filled;
  private long index;
  private boolean closed;

  /**
   * Starts a sealed file on {@code out} by writing its header with a fresh random file id.
   *
   * @throws IOException when the header cannot be written
   */
  public SealedOutputStream(OutputStream out, BackupKey key) throws IOException {
    this.out = requireNonNull(out, "out");
    this.key = requireNonNull(key, "key");
    byte[] fileId = new byte[SealedFormat.FILE_ID_BYTES];
    RANDOM.nextBytes(fileId);
    byte[] header = SealedFormat.header(fileId, SealedFormat.SEGMENT);
    this.aad = SealedFormat.aad(header);
    out.write(header);
  }

  @Override public void write(int b) throws IOException {
    ensureOpen();
    if (filled == plain.length) {
      seal(false);
    }
    plain[filled++] = (byte) b;
  }

  @Override public void write(byte[] b, int off, int len) throws IOException {
    requireNonNull(b, "b");
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    while (len > 0) {
      if (filled == plain.length) {
        seal(false);
      }
      int n = Math.min(len, plain.length - filled);
      System.arraycopy(b, off, plain, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  /** Flushes the underlying stream; buffered plaintext stays until its segment is full or closed. */
  @Override public void flush() throws IOException {
    ensureOpen();
    out.flush();
  }

  /**
   * Seals the last segment and closes the underlying stream; a file is complete only once this
   * returns, and calling it again does nothing.
   */
  @Override public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (OutputStream o = out) {
      seal(true);
      o.flush();
    }
  }

  /** Encrypts the buffered plaintext as the next segment and writes its record. */
  private void seal(boolean last) throws IOException {
    RANDOM.nextBytes(nonce);
    System.arraycopy(nonce, 0, record, 0, nonce.length);
    SealedFormat.position(aad, index, last);
    int end = SealedFormat.NONCE_BYTES;
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(),
          new GCMParameterSpec(SealedFormat.TAG_BITS, nonce));
      cipher.updateAAD(aad);
      int at = 0;
      for (; filled - at > PIECE; at += PIECE) {
        end += cipher.update(plain, at, PIECE, record, end);
      }
      end += cipher.doFinal(plain, at, filled - at, record, end);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused a segment it should seal", e);
    }
    out.write(record, 0, end);
    filled = 0;
    index++;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("sealed stream closed");
    }
  }
}
