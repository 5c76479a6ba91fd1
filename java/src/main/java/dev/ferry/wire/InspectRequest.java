package dev.ferry.wire;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Inspects one database's tables and views.
 *
 * @param database the configured database
 * @param namespace its schema, when its entry does not pin one and it has several
 * @param tables only these tables (null: every table and view)
 */
public record InspectRequest(String database, @Nullable String namespace,
    @Nullable List<String> tables) {}
