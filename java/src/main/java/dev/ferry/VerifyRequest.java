package dev.ferry;

import com.fasterxml.jackson.databind.JsonNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What Node asks {@link Verifier} to compare: one table of {@code from} against one of {@code to}.
 *
 * <p>Table names are as each database spells them (matched case-insensitively when no exact
 * match exists); a namespace is needed only for a database not pinned to one schema and whose
 * connection default is not the one holding the table.
 */
record VerifyRequest(String from, String to, String table, String targetTable, long chunkRows,
    @Nullable String fromNamespace, @Nullable String toNamespace) {
  private static final String WHAT = "verify: the request";


  /** Rows per checksum chunk when the request names none. */
  static final long DEFAULT_CHUNK_ROWS = 100_000;

  /** Reads Node's request; {@code targetTable} defaults to {@code table}. */
  static VerifyRequest fromJson(JsonNode n) {
    String table = JsonFields.required(n, "table", WHAT);
    String target = JsonFields.text(n, "targetTable");
    long chunk = n.path("chunkRows").asLong(DEFAULT_CHUNK_ROWS);
    return new VerifyRequest(JsonFields.required(n, "from", WHAT), JsonFields.required(n, "to", WHAT), table,
        target == null ? table : target, chunk > 0 ? chunk : DEFAULT_CHUNK_ROWS,
        JsonFields.text(n, "fromNamespace"), JsonFields.text(n, "toNamespace"));
  }
}
