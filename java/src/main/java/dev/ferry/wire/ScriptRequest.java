package dev.ferry.wire;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Native SQL for one database, run outside Calcite in one transaction (demo and test set-up).
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null; never shown
 * @param statements the statements, in order
 */
public record ScriptRequest(String url, @Nullable String user, @Nullable String password,
    List<String> statements) {}
