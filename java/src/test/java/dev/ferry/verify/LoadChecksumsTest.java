package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.copy.CopyJob;
import dev.ferry.copy.CopyMode;
import dev.ferry.copy.CopyRequest;
import dev.ferry.federation.Federation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checksums taken while rows load from SQLite (which has no hash function) into H2: an exact
 * copy is proven reading only the target; a row missing, extra or changed is caught by the sums
 * and reported exactly as a verification reading both sides reports it. No server needed.
 */
class LoadChecksumsTest {
  private static final String TARGET = "jdbc:h2:mem:ferry_load_sums;DB_CLOSE_DELAY=-1";
  @TempDir static Path dir;
  private static Connection keep;
  private static Federation federation;

  @BeforeAll static void open() throws Exception {
    String source = "jdbc:sqlite:" + dir.resolve("source.db");
    try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price DECIMAL(12,2),"
          + " at_ TIMESTAMP, day_ DATE)");
      st.execute("CREATE TABLE lines (o INTEGER NOT NULL, n INTEGER NOT NULL, qty DECIMAL(10,2),"
          + " note VARCHAR(20), PRIMARY KEY (o, n))");
      st.execute("BEGIN");
      for (int i = 1; i <= 3000; i++) {
        // Even ids only, so a row can be added inside the key range.
        st.execute("INSERT INTO items VALUES (" + 2 * i + ", 'item " + i + "', " + (i * 1.25)
            + ", '2024-02-29 12:34:56." + (100 + i % 900) + "', '2024-03-" + (10 + i % 20) + "')");
        st.execute("INSERT INTO lines VALUES (" + i / 4 + ", " + i % 4 + ", " + i * 0.5 + ", "
            + (i % 7 == 0 ? "NULL" : "'n" + i + "'") + ")");
      }
      st.execute("COMMIT");
    }
    keep = DriverManager.getConnection(TARGET);
    federation = Federation.open(List.of(
        new DatabaseSpec("src", source, null, null, null, false, 1000),
        new DatabaseSpec("tgt", TARGET, null, null, "PUBLIC", false, 1000)));
  }

  @AfterAll static void close() throws Exception {
    if (federation != null) {
      federation.close();
    }
    keep.close();
  }

  private static CopyRequest load(String table, String into) {
    return new CopyRequest("src", "tgt", table, into, null, null, null, CopyMode.APPEND, null, true,
        700, 2, false, false, null, null, "test", null, null, true);
  }

  private static VerifyRequest verify(String table, String into, boolean fromLoad) {
    return new VerifyRequest("src", "tgt", table, into, 500, null, null, null, null, fromLoad);
  }

  private static VerifyReport run(LoadChecksumStore store, VerifyRequest r) throws Exception {
    return new Verifier(federation.database("src").dataSource(),
        federation.database("tgt").dataSource(), r, store).run();
  }

  private static void target(String sql) throws Exception {
    try (Statement st = keep.createStatement()) {
      st.execute(sql);
    }
  }

  private static boolean readOnlyTarget(VerifyReport r) {
    return r.notes().stream().anyMatch(n -> n.contains("hashed while they were loaded"));
  }

  /**
   * Verifies {@code table} against {@code into} with the sums its load took, which find the
   * difference, then reading both sides: the same findings either way. Returns the first report.
   */
  private static VerifyReport bothWays(LoadChecksumStore store, String table, String into)
      throws Exception {
    VerifyReport fromLoad = run(store, verify(table, into, true));
    assertTrue(fromLoad.notes().stream().anyMatch(n -> n.contains("the target differs from them")),
        fromLoad.notes().toString());
    VerifyReport bothSides = run(store, verify(table, into, false));
    assertFalse(readOnlyTarget(bothSides));
    sameFindings(bothSides, fromLoad);
    return fromLoad;
  }

  /** The same findings, however they were reached. */
  private static void sameFindings(VerifyReport expected, VerifyReport actual) {
    assertEquals(expected.match(), actual.match());
    assertEquals(expected.sourceRows(), actual.sourceRows());
    assertEquals(expected.targetRows(), actual.targetRows());
    assertEquals(expected.differences(), actual.differences());
    assertEquals(List.of(expected.missing(), expected.extra(), expected.changed()),
        List.of(actual.missing(), actual.extra(), actual.changed()));
    assertEquals(expected.method(), actual.method());
  }

  @Test void findsWhatTheTargetLostGainedOrChangedReadingOnlyTheTarget() throws Exception {
    LoadChecksumStore store = new LoadChecksumStore();
    new CopyJob(federation, load("items", "items_a"), store).run();
    VerifyReport intact = run(store, verify("items", "items_a", true));
    assertTrue(intact.match(), intact.toString());
    assertTrue(readOnlyTarget(intact), intact.notes().toString());
    assertEquals(3000, intact.sourceRows());
    // Taken: a second verification reads both sides.
    assertFalse(readOnlyTarget(run(store, verify("items", "items_a", true))));

    target("DELETE FROM \"items_a\"");
    new CopyJob(federation, load("items", "items_a"), store).run();
    target("DELETE FROM \"items_a\" WHERE \"id\" = 14");
    target("UPDATE \"items_a\" SET \"name\" = 'changed' WHERE \"id\" = 2000");
    target("UPDATE \"items_a\" SET \"price\" = 1.26 WHERE \"id\" = 2");
    target("INSERT INTO \"items_a\" (\"id\", \"name\") VALUES (1001, 'extra')");
    VerifyReport fromLoad = bothWays(store, "items", "items_a");
    assertFalse(fromLoad.match());
    assertEquals(4, fromLoad.differingKeyCount());
    assertEquals(List.of(1L, 1L, 2L), List.of(fromLoad.missing(), fromLoad.extra(), fromLoad.changed()));
  }

  @Test void comparesATableWithACompositeKeyByKeyHash() throws Exception {
    LoadChecksumStore store = new LoadChecksumStore();
    new CopyJob(federation, load("lines", "lines_b"), store).run();
    target("UPDATE \"lines_b\" SET \"note\" = NULL WHERE \"o\" = 10 AND \"n\" = 1");
    target("DELETE FROM \"lines_b\" WHERE \"o\" = 700");
    VerifyReport fromLoad = bothWays(store, "lines", "lines_b");
    assertEquals(List.of(4L, 0L, 1L), List.of(fromLoad.missing(), fromLoad.extra(), fromLoad.changed()));
  }

  @Test void readsTheSourceAgainForAKeyBeyondTheLoadedRange() throws Exception {
    LoadChecksumStore store = new LoadChecksumStore();
    new CopyJob(federation, load("items", "items_c"), store).run();
    target("INSERT INTO \"items_c\" (\"id\", \"name\") VALUES (9001, 'beyond')");
    VerifyReport r = run(store, verify("items", "items_c", true));
    assertFalse(readOnlyTarget(r));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("outside the source's range")), r.notes().toString());
    assertEquals(List.of("id=9001"), r.differingKeys());
  }

  @Test void aResumedLoadTakesNoSumsAndTheSourceIsReadAgain() throws Exception {
    LoadChecksumStore store = new LoadChecksumStore();
    new CopyJob(federation, load("items", "items_d"), store).run();
    // As if killed after the chunks up to id 3000: the later rows gone, the checkpoint there.
    target("DELETE FROM \"items_d\" WHERE \"id\" > 3000");
    target("UPDATE \"ferry\".\"ferry_checkpoint\" SET \"chunk_hi\" = 'hi:3000', \"rows\" = 1500"
        + " WHERE \"job\" = 'test' AND \"tbl\" LIKE '%items_d'");
    CopyRequest resume = new CopyRequest("src", "tgt", "items", "items_d", null, null, null, CopyMode.APPEND,
        null, true, 700, 2, true, false, null, null, "test", null, null, true);
    assertEquals(1500, new CopyJob(federation, resume, store).run().rows());
    VerifyReport r = run(store, verify("items", "items_d", true));
    assertTrue(r.match(), r.toString());
    assertFalse(readOnlyTarget(r), r.notes().toString());
    // A row of the chunks the first run loaded is still compared with the source.
    target("UPDATE \"items_d\" SET \"name\" = 'changed' WHERE \"id\" = 10");
    new CopyJob(federation, resume, store).run();
    VerifyReport changed = run(store, verify("items", "items_d", true));
    assertEquals(List.of("id=10"), changed.differingKeys());
  }
}
