package dev.ferry.wire;

import dev.ferry.config.DatabaseSpec;

import java.util.List;

/**
 * Opens an engine over the configured databases.
 *
 * @param databases every configured database, secrets included
 */
public record OpenRequest(List<DatabaseSpec> databases) {}
