package dev.ferry.copy;

import dev.ferry.error.FerryFailure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checkpoints in a JSON file. The file cannot commit with the target, so a chunk is marked
 * pending before its commit and done after; a resume finding a pending chunk deletes that
 * key range from the target before copying it again.
 */
final class StateFileCheckpoints extends Checkpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path path;

  StateFileCheckpoints(Path path) {
    this.path = path;
  }

  @Override boolean external() {
    return true;
  }

  private synchronized ObjectNode load() {
    try {
      return Files.exists(path) ? (ObjectNode) JSON.readTree(path.toFile()) : JSON.createObjectNode();
    } catch (IOException | ClassCastException e) {
      throw FerryFailure.of("COPY_STATE", "cannot read the copy state file " + path + ": "
          + e.getMessage());
    }
  }

  private synchronized void save(ObjectNode all) {
    try {
      Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw FerryFailure.of("COPY_STATE", "cannot write the copy state file " + path + ": "
          + e.getMessage());
    }
  }

  @Override @Nullable State read(String job, String tbl) {
    var n = load().path(job).get(tbl);
    if (n == null || n.isNull()) {
      return null;
    }
    return new State(text(n, "chunkHi"), n.path("rows").asLong(), text(n, "watermark"),
        n.path("done").asBoolean(false), text(n, "pendingLo"), text(n, "pendingHi"),
        n.path("pending").asBoolean(false));
  }

  private static @Nullable String text(com.fasterxml.jackson.databind.JsonNode n, String k) {
    var v = n.get(k);
    return v == null || v.isNull() ? null : v.asText();
  }

  private void put(String job, String tbl, State s, boolean pending, @Nullable State previous) {
    ObjectNode all = load();
    ObjectNode j = all.has(job) ? (ObjectNode) all.get(job) : all.putObject(job);
    ObjectNode t = j.putObject(tbl);
    State base = pending && previous != null ? previous : s;
    t.put("chunkHi", base.chunkHi());
    t.put("rows", base.rows());
    t.put("watermark", base.watermark());
    t.put("done", base.done());
    if (pending) {
      t.put("pending", true);
      t.put("pendingLo", previous == null ? null : previous.chunkHi());
      t.put("pendingHi", s.chunkHi());
    }
    t.put("updatedAt", LocalDateTime.now(ZoneOffset.UTC).toString());
    save(all);
  }

  @Override void write(Connection c, String job, String tbl, State s) {
    State previous = read(job, tbl);
    put(job, tbl, s, true, previous == null ? State.started(null) : previous);
  }

  @Override void committed(String job, String tbl, State state) {
    put(job, tbl, state, false, null);
  }
}
