package dev.ferry.backup;

import dev.ferry.crypt.BackupKey;
import dev.ferry.crypt.SealedOutputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One chunk file being written: what goes in is sealed (when a key is given) and the bytes that
 * reach the disk are counted and hashed, so the manifest records each file's size and SHA-256
 * without reading it again.
 */
final class ChunkOutput extends FilterOutputStream {
  private final DiskCounter disk;

  private ChunkOutput(OutputStream top, DiskCounter disk) {
    super(top);
    this.disk = disk;
  }

  /** Creates {@code file} (its folder too), sealed with {@code key} when one is given. */
  static ChunkOutput create(Path file, @Nullable BackupKey key) throws IOException {
    Files.createDirectories(file.getParent());
    DiskCounter disk = new DiskCounter(Files.newOutputStream(file));
    OutputStream top = key == null ? disk : new SealedOutputStream(disk, key);
    return new ChunkOutput(new BufferedOutputStream(top, 1 << 16), disk);
  }

  @Override public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  /** Bytes on disk (after {@link #close}). */
  long bytes() {
    return disk.bytes;
  }

  /** The SHA-256 of the bytes on disk, hex (after {@link #close}). */
  String sha256() {
    return HexFormat.of().formatHex(disk.sha.digest());
  }

  /** Counts and hashes what reaches the file. */
  private static final class DiskCounter extends FilterOutputStream {
    final MessageDigest sha;
    long bytes;

    DiskCounter(OutputStream out) {
      super(out);
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }

    @Override public void write(int b) throws IOException {
      out.write(b);
      sha.update((byte) b);
      bytes++;
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      sha.update(b, off, len);
      bytes += len;
    }
  }
}
