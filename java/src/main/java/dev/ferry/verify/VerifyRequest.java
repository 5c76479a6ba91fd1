package dev.ferry.verify;

import dev.ferry.message.Default;
import dev.ferry.message.Min;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
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
 * @param columns how target columns are computed from the source's (target column → Calcite SQL
 *     over the source table's columns), as the copy did; null: columns are matched by name
 * @param where a Calcite SQL condition: only source rows matching it are compared (as copied)
 * @param fromLoad compare the target with the source checksums the copy that loaded this table
 *     took in this session ({@code hashForVerify}), reading only the target; without them (the
 *     copy took none, or resumed after chunks of an earlier run) the source is read as usual;
 *     a backup restored into its source's engine is compared with the checksum its manifest
 *     recorded of the table, likewise reading only the target (the restore proved its files
 *     intact first)
 */
public record VerifyRequest(String from, String to, String table, @Nullable String targetTable,
    @Default("100000") @Min(1) long chunkRows, @Nullable String fromNamespace,
    @Nullable String toNamespace, @Nullable Map<String, String> columns, @Nullable String where,
    @Default("false") boolean fromLoad) {
  /** The target table's name as asked for. */
  public String targetName() {
    return targetTable != null ? targetTable : table;
  }
}
