package dev.ferry.archive;

import static java.util.Objects.requireNonNull;

import dev.ferry.crypt.BackupKey;
import dev.ferry.crypt.SealedInputStream;
import dev.ferry.error.FerryFailure;
import dev.ferry.message.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A finished backup folder opened for reading: its manifest read and checked (format, version,
 * key), its chunk files opened on demand, decrypted as they are read.
 *
 * <p>Opening reads only the manifest. {@link ArchiveCheck} proves every file intact before a
 * restore writes anything; a single chunk read later still fails on any altered byte (the
 * sealed segments' tags, or Arrow's own framing for unencrypted files).
 */
public final class Archive {
  private final Path dir;
  private final Manifest manifest;
  private final @Nullable BackupKey key;

  private Archive(Path dir, Manifest manifest, @Nullable BackupKey key) {
    this.dir = dir;
    this.manifest = manifest;
    this.key = key;
  }

  /**
   * Opens the backup in {@code dir}; {@code secret} is the key or passphrase of an encrypted
   * backup (ignored for one that is not). A folder without a finished manifest, another format
   * version, or a missing or wrong key fails here, naming the folder.
   */
  public static Archive open(Path dir, @Nullable String secret) {
    requireNonNull(dir, "dir");
    Path file = dir.resolve(Manifest.FILE);
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw FerryFailure.of("BACKUP_NOT_FOUND", "no " + Manifest.FILE + " in " + dir + ": it is not"
          + " a Ferry backup, or the backup writing it did not finish (its manifest is written"
          + " last); name the folder `ferry backup --output` wrote").with("path", dir.toString());
    } catch (IOException e) {
      throw FerryFailure.of("BACKUP_NOT_FOUND", "cannot read " + file + ": " + e.getMessage())
          .with("path", file.toString());
    }
    Manifest m = readManifest(json, file);
    BackupKey key = null;
    Manifest.Encryption enc = m.encryption();
    if (enc != null) {
      if (secret == null || secret.isEmpty()) {
        throw FerryFailure.of("BACKUP_KEY", "the backup in " + dir + " is encrypted: give its key"
            + " with --encrypt-key-env VAR or --encrypt-key-file FILE (or encryptKeyEnv /"
            + " encryptKeyFile in its config entry)").with("path", dir.toString());
      }
      key = BackupKey.derive(secret, Base64.getDecoder().decode(enc.salt()), enc.iterations());
      if (!key.matches(enc.keyCheck())) {
        throw FerryFailure.of("BACKUP_KEY", "the key given does not open the backup in " + dir
            + ": it was encrypted with another key or passphrase; nothing was read")
            .with("path", dir.toString());
      }
    }
    return new Archive(dir, m, key);
  }

  private static Manifest readManifest(byte[] json, Path file) {
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      tree = Messages.JSON.readTree(json);
    } catch (IOException e) {
      throw FerryFailure.of("BACKUP_CORRUPT", file + " is not valid JSON (" + e.getMessage()
          + "); the backup's manifest was altered or cut").with("path", file.toString());
    }
    if (tree == null || !Manifest.FORMAT.equals(tree.path("format").asText())) {
      throw FerryFailure.of("BACKUP_NOT_FOUND", file + " is not a Ferry backup manifest (its"
          + " format is not '" + Manifest.FORMAT + "')").with("path", file.toString());
    }
    int version = tree.path("version").asInt(-1);
    if (version != Manifest.VERSION) {
      throw FerryFailure.of("BACKUP_FORMAT", file + " is a Ferry backup of format version "
          + version + "; this Ferry reads version " + Manifest.VERSION + " only: use the Ferry"
          + " release that wrote it").with("path", file.toString()).with("version", version);
    }
    try {
      return Messages.read(tree, Manifest.class);
    } catch (RuntimeException e) {
      throw FerryFailure.of("BACKUP_CORRUPT", file + " does not match the backup format: "
          + e.getMessage()).with("path", file.toString());
    }
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** The table {@code name} names (exactly, else ignoring case), or null. */
  public Manifest.@Nullable TableData table(String name) {
    for (Manifest.TableData t : manifest.tables()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    for (Manifest.TableData t : manifest.tables()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  /** The path of {@code chunk} on disk. */
  public Path path(Manifest.Chunk chunk) {
    return dir.resolve(chunk.file());
  }

  /**
   * The plain bytes of {@code chunk} (an Arrow IPC stream): decrypted as they are read when the
   * backup is encrypted. A missing file fails naming it.
   */
  public InputStream open(Manifest.Chunk chunk) {
    Path p = path(chunk);
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
      return key == null ? in : new SealedInputStream(in, key, p.toString());
    } catch (NoSuchFileException e) {
      throw missing(p);
    } catch (IOException e) {
      throw FerryFailure.of("BACKUP_CORRUPT", "cannot read " + p + ": " + e.getMessage())
          .with("path", p.toString());
    }
  }

  static FerryFailure missing(Path p) {
    return FerryFailure.of("BACKUP_CORRUPT", "the backup file " + p + " is missing: the backup"
        + " is incomplete; nothing was written").with("path", p.toString());
  }

  /** Lower-case hex, as the manifest writes digests. */
  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
