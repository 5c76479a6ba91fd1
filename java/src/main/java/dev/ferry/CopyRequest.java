package dev.ferry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One table copy as Node asks for it (see {@code COPY-DESIGN.md}).
 *
 * @param from source database name
 * @param to target database name
 * @param table source table name
 * @param targetTable target table name (default: the source's)
 * @param where a Calcite SQL condition on the source table's columns, or null
 * @param mode {@code append}, {@code replace}, {@code upsert} or {@code incremental}
 * @param watermark the column an incremental copy follows
 * @param create create the target table when it is missing
 * @param chunkRows rows per chunk (per committed transaction)
 * @param resume continue after the last committed chunk
 * @param dryRun plan only
 * @param fromNamespace source schema/catalog, when the database is not pinned to one
 * @param toNamespace target schema/catalog, likewise
 * @param stateFile a JSON file holding checkpoints instead of a table in the target
 * @param fallbackStateFile the JSON file to keep checkpoints in when the target cannot hold a
 *     {@code ferry_checkpoint} table, or null to fail then
 * @param job what checkpoints are filed under (default: {@code from->to})
 * @param parallel chunks written at once, each on a target connection of its own (default 2)
 */
record CopyRequest(String from, String to, String table, String targetTable, @Nullable String where,
    String mode, @Nullable String watermark, boolean create, long chunkRows, boolean resume,
    boolean dryRun, @Nullable String fromNamespace, @Nullable String toNamespace,
    @Nullable String stateFile, @Nullable String fallbackStateFile, String job, int parallel) {
  private static final String WHAT = "a copy request";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MODES = Set.of("append", "replace", "upsert", "incremental");

  /** Reads and checks a request. */
  static CopyRequest parse(byte[] json) throws IOException {
    JsonNode n = JSON.readTree(json);
    String from = JsonFields.required(n, "from", WHAT);
    String to = JsonFields.required(n, "to", WHAT);
    String table = JsonFields.required(n, "table", WHAT);
    String mode = java.util.Objects.requireNonNullElse(JsonFields.text(n, "mode"), "append").toLowerCase(Locale.ROOT);
    if (!MODES.contains(mode)) {
      throw FerryFailure.of("USAGE", "copy mode '" + mode + "' is not one of append, replace,"
          + " upsert, incremental").with("mode", mode);
    }
    String watermark = JsonFields.text(n, "watermark");
    if (mode.equals("incremental") && watermark == null) {
      throw FerryFailure.of("USAGE", "an incremental copy of " + table + " needs a watermark column"
          + " (--watermark updated_at)");
    }
    long chunkRows = n.path("chunkRows").asLong(100_000);
    if (chunkRows < 1) {
      throw FerryFailure.of("USAGE", "chunkRows must be at least 1, not " + chunkRows);
    }
    int parallel = n.path("parallel").asInt(2);
    if (parallel < 1) {
      throw FerryFailure.of("USAGE", "parallel must be at least 1, not " + parallel);
    }
    String targetTable = JsonFields.text(n, "targetTable");
    String job = JsonFields.text(n, "job");
    return new CopyRequest(from, to, table, targetTable == null ? table : targetTable,
        JsonFields.text(n, "where"), mode, watermark, n.path("create").asBoolean(false), chunkRows,
        n.path("resume").asBoolean(false), n.path("dryRun").asBoolean(false),
        JsonFields.text(n, "fromNamespace"), JsonFields.text(n, "toNamespace"), JsonFields.text(n, "stateFile"),
        JsonFields.text(n, "fallbackStateFile"),
        job == null ? from + "->" + to : job, parallel);
  }
}
