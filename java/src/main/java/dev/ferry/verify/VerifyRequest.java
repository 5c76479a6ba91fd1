package dev.ferry.verify;

import dev.ferry.message.Default;
import dev.ferry.message.Min;

import com.fasterxml.jackson.databind.JsonNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What Node asks {@link Verifier} to compare: one table of {@code from} against one of {@code to}.
 *
 * <p>Table names are as each database spells them (matched case-insensitively when no exact
 * match exists); a namespace is needed only for a database not pinned to one schema and whose
 * connection default is not the one holding the table.
 *
 * @param from the source database
 * @param to the target database
 * @param table the source table
 * @param targetTable the target table (null: the source's name)
 * @param chunkRows rows per checksum chunk
 * @param fromNamespace the source's schema, when its database is not pinned to one
 * @param toNamespace the target's schema, likewise
 */
public record VerifyRequest(String from, String to, String table, @Nullable String targetTable,
    @Default("100000") @Min(1) long chunkRows, @Nullable String fromNamespace,
    @Nullable String toNamespace) {
  /** The target table's name as asked for. */
  public String targetName() {
    return targetTable != null ? targetTable : table;
  }
}
