package dev.ferry.copy;

import dev.ferry.error.FerryFailure;
import dev.ferry.message.Default;
import dev.ferry.message.Min;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One table copy as Node asks for it; the defaults here are the only ones (Node's help texts
 * read them from the generated contract).
 *
 * @param from source database name
 * @param to target database name
 * @param table source table name
 * @param targetTable target table name (null: the source's)
 * @param fromNamespace source schema/catalog, when the database is not pinned to one
 * @param toNamespace target schema/catalog, likewise
 * @param where a Calcite SQL condition on the source table's columns, or null
 * @param mode how rows arrive in the target
 * @param watermark the column an incremental copy follows (required then, refused otherwise)
 * @param create create the target table when it is missing
 * @param chunkRows rows per chunk (per committed transaction)
 * @param parallel chunks written at once, each on a target connection of its own
 * @param resume continue after the last committed chunk
 * @param dryRun plan only
 * @param stateFile a JSON file holding checkpoints instead of a table in the target
 * @param fallbackStateFile the JSON file to keep checkpoints in when the target cannot hold a
 *     {@code ferry_checkpoint} table, or null to fail then
 * @param job what checkpoints are filed under (null: {@code from->to})
 * @param columns how target columns get their values: target column → Calcite SQL expression
 *     over the source table's columns; when given (even empty) the copy fills the columns the
 *     target table has, each from its expression, else from the source column of its name, else
 *     by its default (null: every source column into the target column of its name)
 * @param checkpointNamespace the target schema/catalog holding the {@code ferry_checkpoint}
 *     table (null: Ferry's own {@code ferry} namespace, created when missing, where the target
 *     has namespaces and the user may create it, else the target table's own)
 * @param hashForVerify hash the source rows as they load, as {@code verify} would hash them read
 *     back from the source, so a verification asked with {@code fromLoad} reads only the target;
 *     done where the source computes no checksums itself and the rows are read as typed values
 */
public record CopyRequest(
    String from,
    String to,
    String table,
    @Nullable String targetTable,
    @Nullable String fromNamespace,
    @Nullable String toNamespace,
    @Nullable String where,
    @Default("\"append\"") CopyMode mode,
    @Nullable String watermark,
    @Default("false") boolean create,
    @Default("100000") @Min(1) long chunkRows,
    @Default("2") @Min(1) int parallel,
    @Default("false") boolean resume,
    @Default("false") boolean dryRun,
    @Nullable String stateFile,
    @Nullable String fallbackStateFile,
    @Nullable String job,
    @Nullable Map<String, String> columns,
    @Nullable String checkpointNamespace,
    @Default("false") boolean hashForVerify) {

  /**
   * Checks what no single field can (the watermark goes with an incremental copy alone) and
   * keeps {@code where} only as the one expression it must be ({@link RowFilter}).
   */
  public CopyRequest {
    where = RowFilter.canonical(where, table);
    if (mode == CopyMode.INCREMENTAL && (watermark == null || watermark.isBlank())) {
      throw FerryFailure.of("USAGE", "--mode incremental needs --watermark COLUMN (the column"
          + " whose newest synced value is remembered, e.g. updated_at)");
    }
    if (watermark != null && mode != CopyMode.INCREMENTAL) {
      throw FerryFailure.of("USAGE", "--watermark only applies with --mode incremental");
    }
  }

  /** The target table's name as asked for. */
  public String targetName() {
    return targetTable != null ? targetTable : table;
  }

  /** What checkpoints are filed under. */
  public String jobName() {
    return job != null ? job : from + "->" + to;
  }
}
