package dev.ferry.migrate;

import dev.ferry.message.Default;

import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What to migrate.
 *
 * @param from source database name
 * @param to target database name
 * @param fromNamespace source schema/catalog, when the database is not pinned to one
 * @param toNamespace target schema/catalog, likewise
 * @param tables source tables to migrate, as names or {@code *} patterns (null: every table)
 * @param exclude source tables to leave out, as names or {@code *} patterns
 * @param mapping per target table, where its rows come from and how its columns are computed
 *     (an upgrade into tables the new version's schema already has)
 * @param resume continue an interrupted migration: existing target tables are loaded from their
 *     last checkpoint and their missing structure added
 * @param jobs how many connections the structure after the load may use at once (indexes and
 *     foreign-key checks of different tables side by side, where the target allows it)
 */
public record MigrationRequest(
    String from,
    String to,
    @Nullable String fromNamespace,
    @Nullable String toNamespace,
    @Nullable List<String> tables,
    @Nullable List<String> exclude,
    @Nullable Map<String, TableMapping> mapping,
    @Default("false") boolean resume,
    @Default("1") int jobs) {}
