package dev.ferry.archive;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.ColumnSpec;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a backup folder holds, as its {@code manifest.json} says: written last, so a folder
 * without one is a backup that did not finish.
 *
 * <p>The README documents every field for other tools. Chunk files are Arrow IPC streams
 * (zstd-compressed buffers unless {@code compression} is {@code none}); when {@code encryption}
 * is set each file is sealed in AES-256-GCM segments ({@code dev.ferry.crypt}).
 *
 * @param format always {@link #FORMAT}
 * @param version the format version ({@link #VERSION}); a reader refuses any other
 * @param createdAt when the snapshot was taken (ISO-8601 instant)
 * @param source the database backed up
 * @param position where the snapshot stands in the source's log ({@code lsn}; {@code binlogFile},
 *     {@code binlogPosition}, {@code gtid}); empty when the engine keeps none or it is off
 * @param compression {@code zstd} or {@code none}
 * @param encryption how the files are sealed; null when they are not
 * @param schema the source's tables and views in Ferry's snapshot model, source type names kept
 * @param tables the data of each table backed up, in backup order
 * @param notes what the backup wants a reader to know (fewer readers than asked, say)
 */
public record Manifest(String format, int version, String createdAt, Source source,
    Map<String, String> position, String compression, @Nullable Encryption encryption,
    Snapshot schema, List<TableData> tables, List<String> notes) {
  /** The format marker. */
  public static final String FORMAT = "ferry-backup";
  /** The only format version this Ferry reads and writes. */
  public static final int VERSION = 1;
  /** The manifest's file name inside a backup folder. */
  public static final String FILE = "manifest.json";

  /**
   * The database a backup was taken of.
   *
   * @param database its configured name
   * @param engine Ferry's name for its engine ({@code postgresql}, {@code mariadb}, …)
   * @param product the product name its driver reports
   * @param productVersion the product version its driver reports
   * @param namespace the schema (or MariaDB database) backed up; null where the engine has none
   */
  public record Source(String database, String engine, String product, String productVersion,
      @Nullable String namespace) {}

  /**
   * How chunk files are sealed; the key itself is never stored.
   *
   * @param cipher always {@code AES-256-GCM}
   * @param segmentBytes plaintext bytes per sealed segment
   * @param kdf {@code PBKDF2-SHA256} for a passphrase, {@code none} for a 64-hex-digit key
   * @param iterations the KDF's iterations
   * @param salt the KDF's salt, base64
   * @param keyCheck a value derived from the key (not the key), so a wrong key is named as such
   *     before any file is read
   */
  public record Encryption(String cipher, int segmentBytes, String kdf, int iterations,
      String salt, String keyCheck) {}

  /**
   * One table's rows.
   *
   * @param name the table's name in the source
   * @param columns the columns as Ferry typed them when reading (the Arrow schema's source)
   * @param key the primary key's columns (empty when it has none)
   * @param rows rows in all chunks
   * @param checksum the sum (mod 2^64, decimal) of every row's canonical hash, as
   *     {@code ferry verify} computes it in the JVM
   * @param identityNext per column, the next value of its identity, serial or AUTO_INCREMENT
   *     counter when the backup was taken
   * @param chunks the table's files in order
   */
  public record TableData(String name, List<ColumnSpec> columns, List<String> key, long rows,
      String checksum, Map<String, Long> identityNext, List<Chunk> chunks) {}

  /**
   * One chunk file.
   *
   * @param file its path inside the backup folder, with {@code /} separators
   * @param rows its rows
   * @param bytes its size on disk
   * @param sha256 the SHA-256 of its bytes on disk (hex)
   * @param checksum the sum of its rows' canonical hashes, like {@link TableData#checksum}
   * @param keyMin the smallest value of the key's first column in it (text), null when none
   * @param keyMax the largest, likewise
   */
  public record Chunk(String file, long rows, long bytes, String sha256, String checksum,
      @Nullable String keyMin, @Nullable String keyMax) {}
}
