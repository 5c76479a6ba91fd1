package dev.ferry.migrate;

import dev.ferry.message.Default;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How one target table gets its rows in a migration (one entry of a mapping file).
 *
 * @param from the source table (null: the target's name)
 * @param where only source rows matching this Calcite SQL condition
 * @param columns target column → Calcite SQL expression over the source table's columns; other
 *     target columns take the source column of their name, else their default
 * @param skip leave this table alone
 */
public record TableMapping(
    @Nullable String from,
    @Nullable String where,
    @Nullable Map<String, String> columns,
    @Default("false") boolean skip) {}
