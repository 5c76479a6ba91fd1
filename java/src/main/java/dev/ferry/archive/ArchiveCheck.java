package dev.ferry.archive;

import dev.ferry.error.FerryFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proves the chunk files of a backup intact before anything is written from them: each file
 * present, of its recorded size and SHA-256, several files hashed side by side. A restore runs
 * it first, so a flipped byte, a truncated or missing file fails before the target is touched.
 */
public final class ArchiveCheck {
  private ArchiveCheck() {}

  /**
   * Checks every chunk of {@code tables} in {@code archive} with up to {@code jobs} threads;
   * returns the bytes checked, or fails with {@code BACKUP_CORRUPT} naming the first bad file.
   */
  public static long run(Archive archive, List<Manifest.TableData> tables, int jobs) {
    List<Manifest.Chunk> chunks = new ArrayList<>();
    tables.forEach(t -> chunks.addAll(t.chunks()));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, 4)), r -> {
      Thread t = new Thread(r, "ferry-backup-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (Manifest.Chunk c : chunks) {
        done.add(pool.submit(() -> check(archive.path(c), c)));
      }
      long bytes = 0;
      for (Future<Long> f : done) {
        try {
          bytes += f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof FerryFailure ff) {
            throw ff;
          }
          throw FerryFailure.wrap(e.getCause(), "checking the backup's files");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw FerryFailure.of("CANCELLED", "checking the backup's files was interrupted");
        }
      }
      return bytes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long check(Path p, Manifest.Chunk c) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    long size = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
        size += n;
      }
    } catch (NoSuchFileException e) {
      throw Archive.missing(p);
    } catch (IOException e) {
      throw FerryFailure.of("BACKUP_CORRUPT", "cannot read " + p + ": " + e.getMessage())
          .with("path", p.toString());
    }
    if (size != c.bytes()) {
      throw FerryFailure.of("BACKUP_CORRUPT", "the backup file " + p + " holds " + size
          + " bytes where the manifest recorded " + c.bytes() + ": it was "
          + (size < c.bytes() ? "truncated" : "appended to") + "; nothing was written")
          .with("path", p.toString());
    }
    if (!Archive.hex(sha.digest()).equals(c.sha256())) {
      throw FerryFailure.of("BACKUP_CORRUPT", "the backup file " + p + " does not match its"
          + " SHA-256 in the manifest: its bytes were altered; nothing was written")
          .with("path", p.toString());
    }
    return size;
  }
}
