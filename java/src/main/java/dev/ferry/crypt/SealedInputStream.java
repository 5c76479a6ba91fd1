package dev.ferry.crypt;

import static java.util.Objects.requireNonNull;

import dev.ferry.error.FerryFailure;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Decrypts a sealed file written by {@link SealedOutputStream}, one segment at a time.
 *
 * <p>It holds at most one segment, so a file of any size streams in constant memory, and no byte
 * of a segment is returned before its tag is verified. A record is the last one when it is
 * shorter than a full record or the file ends right after it; it is then opened expecting the
 * last flag, so a file cut at a segment boundary fails on the record before the cut instead of
 * ending early and quietly. Every failure to authenticate (wrong key, altered, reordered,
 * truncated or spliced records) is a {@link FerryFailure} {@code BACKUP_CORRUPT} naming the file;
 * after one, every further read fails the same way. Not thread-safe, like most streams.
 */
public final class SealedInputStream extends InputStream {
  private static final int OVERHEAD = SealedFormat.NONCE_BYTES + SealedFormat.TAG_BYTES;

  private final InputStream in;
  private final BackupKey key;
  private final String name;
  private final Cipher cipher = SealedFormat.newCipher();
  private final byte[] aad;
  private final byte[] record;
  private final byte[] plain;
  private int pos;
  private int limit;
  private long index;
  /** A byte read past a full record to learn whether another follows; -1 when none is held. */
  private int lookahead = -1;
  private boolean lastOpened;
  private boolean closed;
  private @Nullable FerryFailure failure;

  /**
   * Opens a sealed file by reading and checking its header.
   *
   * @param name the file as the user knows it, for messages
   * @throws FerryFailure {@code BACKUP_CORRUPT} when the header is not a sealed file's
   * @throws IOException when {@code in} cannot be read
   */
  public SealedInputStream(InputStream in, BackupKey key, String name) throws IOException {
    this.in = requireNonNull(in, "in");
    this.key = requireNonNull(key, "key");
    this.name = requireNonNull(name, "name");
    byte[] header = in.readNBytes(SealedFormat.HEADER_BYTES);
    if (header.length < SealedFormat.HEADER_BYTES
        || !Arrays.equals(header, 0, SealedFormat.MAGIC.length, SealedFormat.MAGIC, 0,
            SealedFormat.MAGIC.length)) {
      throw corrupt("backup file " + name + " is not an encrypted Ferry file (its header is"
          + " missing or wrong); it may be damaged or not encrypted at all");
    }
    int version = header[SealedFormat.MAGIC.length] & 0xff;
    if (version != SealedFormat.VERSION) {
      throw corrupt("backup file " + name + " has encryption format version " + version
          + ", which this Ferry cannot read (it reads version " + SealedFormat.VERSION + ")")
          .with("version", version);
    }
    int segment = SealedFormat.segmentSize(header);
    if (segment < 1 || segment > SealedFormat.MAX_SEGMENT) {
      throw corrupt("backup file " + name + " has a damaged header (segment size " + segment
          + ")");
    }
    this.aad = SealedFormat.aad(header);
    this.record = new byte[OVERHEAD + segment];
    this.plain = new byte[segment];
  }

  @Override public int read() throws IOException {
    if (!ready()) {
      return -1;
    }
    return plain[pos++] & 0xff;
  }

  @Override public int read(byte[] b, int off, int len) throws IOException {
    requireNonNull(b, "b");
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!ready()) {
      return -1;
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(plain, pos, b, off, n);
    pos += n;
    return n;
  }

  /** The plaintext left in the current segment, which can be read without blocking. */
  @Override public int available() throws IOException {
    ensureOpen();
    return limit - pos;
  }

  /** Closes the underlying stream; the file need not have been read to its end. */
  @Override public void close() throws IOException {
    if (!closed) {
      closed = true;
      Arrays.fill(plain, (byte) 0);
      in.close();
    }
  }

  /** Whether plaintext is buffered, opening segments until some is or the last one is spent. */
  private boolean ready() throws IOException {
    ensureOpen();
    if (failure != null) {
      throw failure;
    }
    while (pos == limit) {
      if (lastOpened) {
        return false;
      }
      try {
        open();
      } catch (FerryFailure f) {
        failure = f;
        throw f;
      }
    }
    return true;
  }

  /** Reads the next record, decides whether it is the last, and decrypts it into the buffer. */
  private void open() throws IOException {
    int n = 0;
    if (lookahead >= 0) {
      record[n++] = (byte) lookahead;
      lookahead = -1;
    }
    n += in.readNBytes(record, n, record.length - n);
    boolean last = n < record.length;
    if (!last) {
      lookahead = in.read();
      last = lookahead < 0;
    }
    pos = 0;
    limit = 0;
    if (n < OVERHEAD) {
      throw corrupt("backup file " + name + " is truncated: segment " + index + " is incomplete"
          + " or missing")
          .with("segment", index);
    }
    SealedFormat.position(aad, index, last);
    try {
      cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
          new GCMParameterSpec(SealedFormat.TAG_BITS, record, 0, SealedFormat.NONCE_BYTES));
      cipher.updateAAD(aad);
      limit = cipher.doFinal(record, SealedFormat.NONCE_BYTES, n - SealedFormat.NONCE_BYTES,
          plain, 0);
    } catch (AEADBadTagException e) {
      throw unauthentic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused segment " + index + " of " + name, e);
    }
    index++;
    lastOpened = last;
    GcmWarmup.decrypted(limit);
  }

  /**
   * The failure for a segment whose tag does not verify. Only the first segment can tell a wrong
   * key: once one has opened, the key is right and the file is damaged.
   */
  private FerryFailure unauthentic() {
    String message = index == 0
        ? "backup file " + name + " cannot be decrypted: either the key is not the one the backup"
            + " was made with, or the file is damaged"
        : "backup file " + name + " is damaged at segment " + index + " (altered, truncated or"
            + " reordered); the key is right, since the segments before it decrypted";
    return corrupt(message).with("segment", index).with("keyMayBeWrong", index == 0);
  }

  private FerryFailure corrupt(String message) {
    return FerryFailure.of("BACKUP_CORRUPT", message).with("file", name);
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("sealed stream closed");
    }
  }
}
