package dev.ferry.catalog;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Something of a database that runs its engine's own code, which a migration does not carry:
 * a trigger, a stored function or procedure, a scheduled event, a column's {@code ON UPDATE}.
 *
 * @param kind {@code trigger}, {@code function}, {@code procedure}, {@code event} or
 *     {@code on update}
 * @param name its name (for {@code on update}, the column's)
 * @param table the table it belongs to; null for routines and events
 * @param detail what it does, in the engine's words ({@code BEFORE UPDATE}); null when unknown
 */
public record CodeObject(String kind, String name, @Nullable String table, @Nullable String detail) {}
