package dev.ferry.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.archive.Archive;
import dev.ferry.archive.ArchiveCheck;
import dev.ferry.archive.Manifest;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.Federation;
import dev.ferry.federation.SourceRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of an embedded H2 database, read back as a database (queried through the
 * federation, scanned exactly), its files proven intact, damage and wrong keys refused: no
 * server needed.
 */
class BackupRoundTripTest {
  private static final String H2 = "jdbc:h2:mem:ferry_backup_src;DB_CLOSE_DELAY=-1";
  @TempDir static Path dir;
  private static Connection keep;
  private static Federation federation;
  private static BackupResult result;

  @BeforeAll static void backUp() throws Exception {
    keep = DriverManager.getConnection(H2);
    try (Statement st = keep.createStatement()) {
      st.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40), price DECIMAL(12,2),"
          + " at_ TIMESTAMP(6), day_ DATE, ok BOOLEAN, data VARBINARY(10))");
      st.execute("INSERT INTO items SELECT x, 'item ' || x, x * 1.25, TIMESTAMP '2024-02-29 12:34:56.123456'"
          + " + x * INTERVAL '1' SECOND, DATE '1969-12-31' + CAST(x AS INT), MOD(x, 2) = 0, X'00ff' FROM SYSTEM_RANGE(1, 2500)");
      st.execute("INSERT INTO items VALUES (0, NULL, NULL, NULL, NULL, NULL, NULL)");
      st.execute("CREATE TABLE empty_one (id INT PRIMARY KEY, note VARCHAR(10))");
    }
    federation = Federation.open(List.of(
        new DatabaseSpec("src", H2, null, null, "PUBLIC", false, 1000),
        new DatabaseSpec("bk", "jdbc:ferry-backup:" + dir.resolve("plain"), null, null, null, true, 1000),
        new DatabaseSpec("sealed", "jdbc:ferry-backup:" + dir.resolve("sealed"), null,
            "a passphrase long enough", null, true, 1000)));
    result = new BackupJob(federation, new BackupRequest("src", null, null, null,
        dir.resolve("plain").toString(), 2, "zstd", null, 1000)).run();
  }

  @AfterAll static void close() throws Exception {
    if (federation != null) {
      federation.close();
    }
    keep.close();
  }

  @Test void writesEveryTableInChunksWithTheManifestLast() throws Exception {
    assertEquals(2501, result.tables().stream().filter(t -> t.table().equals("ITEMS")).findFirst().orElseThrow().rows());
    Archive a = Archive.open(dir.resolve("plain"), null);
    Manifest.TableData items = a.table("items");
    assertEquals(3, items.chunks().size());
    assertEquals("0", items.chunks().get(0).keyMin());
    assertTrue(ArchiveCheck.run(a, a.manifest().tables(), 2) > 0);
    assertEquals(1, a.table("EMPTY_ONE").chunks().size());
  }

  @Test void isQueriedAsADatabase() throws Exception {
    assertEquals(List.of("2501", "3907812.50"), row("SELECT COUNT(*), SUM(price) FROM bk.items"));
    assertEquals(List.of("0"), row("SELECT COUNT(*) FROM bk.empty_one"));
    assertEquals(List.of("2501"), row("SELECT COUNT(*) FROM bk.items b JOIN src.items s ON s.id = b.id AND s.name IS NOT DISTINCT FROM b.name"));
  }

  @Test void plainScansAreExact() throws Exception {
    Connection c = federation.database("bk").dataSource().getConnection();
    try (c; Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"AT_\", \"ID\" FROM \"PUBLIC\".\"ITEMS\"")) {
      assertTrue(rs.next());
      if (rs.getLong(2) == 0) {
        assertEquals(null, rs.getObject(1, java.time.LocalDateTime.class));
        assertTrue(rs.wasNull());
        assertTrue(rs.next());
      }
      assertEquals("2024-02-29T12:34:57.123456", rs.getObject(1, java.time.LocalDateTime.class).toString());
      assertEquals(1L, rs.getLong(2));
    }
  }

  @Test void countsAndKeyRangesComeFromTheManifest() throws Exception {
    // A copy of the backup whose chunk files are all emptied: only the manifest can answer.
    Path counted = dir.resolve("counted");
    Files.createDirectories(counted);
    try (Stream<Path> all = Files.walk(dir.resolve("plain"))) {
      for (Path p : all.toList()) {
        Path to = counted.resolve(dir.resolve("plain").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.write(to, p.toString().endsWith(".arrow") ? new byte[0] : Files.readAllBytes(p));
        }
      }
    }
    try (Federation f = Federation.open(List.of(new DatabaseSpec("counted",
        "jdbc:ferry-backup:" + counted, null, null, null, true, 1000)))) {
      Connection c = f.database("counted").dataSource().getConnection();
      try (c; Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(\"ID\"), MAX(\"ID\") FROM \"PUBLIC\".\"ITEMS\"")) {
        assertTrue(rs.next());
        assertEquals(2501L, rs.getLong(1));
        assertEquals(0L, rs.getLong(2));
        assertEquals(2500L, rs.getLong(3));
      }
    }
    assertEquals(List.of("2501", "0", "2500"), row("SELECT COUNT(*), MIN(id), MAX(id) FROM bk.items"));
  }

  @Test void refusesDamageAndWrongKeys() throws Exception {
    new BackupJob(federation, new BackupRequest("src", null, List.of("ITEMS"), null,
        dir.resolve("sealed").toString(), 1, "zstd", "a passphrase long enough", 1000)).run();
    assertEquals(List.of("2501"), row("SELECT COUNT(*) FROM sealed.items"));
    FerryFailure wrong = assertThrows(FerryFailure.class, () -> Archive.open(dir.resolve("sealed"), "another passphrase entirely"));
    assertEquals("BACKUP_KEY", wrong.code());
    Archive a = Archive.open(dir.resolve("sealed"), "a passphrase long enough");
    Path file = a.path(a.table("ITEMS").chunks().get(1));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    FerryFailure damaged = assertThrows(FerryFailure.class, () -> ArchiveCheck.run(a, a.manifest().tables(), 1));
    assertEquals("BACKUP_CORRUPT", damaged.code());
    assertTrue(damaged.getMessage().contains(file.toString()), damaged.getMessage());
  }

  @Test void refusesAFolderThatHoldsFiles() {
    FerryFailure f = assertThrows(FerryFailure.class, () -> new BackupJob(federation,
        new BackupRequest("src", null, null, null, dir.resolve("plain").toString(), 1, "none", null, 10)).run());
    assertEquals("BACKUP_OUTPUT", f.code());
  }

  private static List<String> row(String sql) throws Exception {
    try (SourceRows rows = federation.openRows(sql)) {
      ResultSet rs = rows.resultSet();
      assertTrue(rs.next());
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getString(i));
      }
      return out;
    }
  }
}
