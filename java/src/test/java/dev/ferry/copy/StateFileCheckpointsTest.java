package dev.ferry.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints kept in a JSON file: pending before a chunk's commit, committed after. */
class StateFileCheckpointsTest {
  @TempDir Path dir;

  private static Checkpoints.State committed(String chunkHi, long rows) {
    return new Checkpoints.State(chunkHi, rows, null, false, null, null, false);
  }

  @Test void noFileNoState() throws Exception {
    StateFileCheckpoints s = new StateFileCheckpoints(dir.resolve("state.json"));
    assertNull(s.read("job", "t"));
    assertTrue(s.external());
  }

  @Test void pendingThenCommitted() throws Exception {
    Path file = dir.resolve("state.json");
    StateFileCheckpoints s = new StateFileCheckpoints(file);

    s.write(null, "job", "t", committed("100", 100));
    assertEquals(new Checkpoints.State(null, 0, null, false, null, "100", true), s.read("job", "t"),
        "a first chunk is pending from the start up to its key");

    s.committed("job", "t", committed("100", 100));
    assertEquals(committed("100", 100), s.read("job", "t"));

    s.write(null, "job", "t", committed("200", 200));
    assertEquals(new Checkpoints.State("100", 100, null, false, "100", "200", true), s.read("job", "t"),
        "the committed state stays while the next chunk is pending");

    s.committed("job", "t", new Checkpoints.State("200", 200, "2024-01-01", true, null, null, false));
    assertEquals(new Checkpoints.State("200", 200, "2024-01-01", true, null, null, false),
        new StateFileCheckpoints(file).read("job", "t"), "read back by a new instance");
    assertFalse(Files.exists(dir.resolve("state.json.tmp")), "written through a temp file");
  }

  @Test void jobsAndTablesAreKeptApart() throws Exception {
    StateFileCheckpoints s = new StateFileCheckpoints(dir.resolve("state.json"));
    s.committed("a", "t", committed("1", 1));
    s.committed("a", "u", committed("2", 2));
    s.committed("b", "t", committed("3", 3));
    assertEquals(committed("1", 1), s.read("a", "t"));
    assertEquals(committed("2", 2), s.read("a", "u"));
    assertEquals(committed("3", 3), s.read("b", "t"));
    assertNull(s.read("b", "u"));
  }

  @Test void aCorruptFileIsACopyStateFailure() throws Exception {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{ not json");
    FerryFailure f = assertThrows(FerryFailure.class, () -> new StateFileCheckpoints(file).read("j", "t"));
    assertEquals("COPY_STATE", f.code());
    assertTrue(f.getMessage().contains(file.toString()), f.getMessage());

    Files.writeString(file, "[1, 2]");
    assertEquals("COPY_STATE", assertThrows(FerryFailure.class,
        () -> new StateFileCheckpoints(file).read("j", "t")).code());
  }

  @Test void anUnwritableFileIsACopyStateFailure() {
    StateFileCheckpoints s = new StateFileCheckpoints(dir.resolve("missing/dir/state.json"));
    FerryFailure f = assertThrows(FerryFailure.class, () -> s.committed("j", "t", committed("1", 1)));
    assertEquals("COPY_STATE", f.code());
  }
}
