package dev.ferry.wire;

import java.util.Map;

/**
 * The bytes on disk of one database's tables, as its engine reports them: what
 * {@code ferry tables} shows beside the row counts.
 *
 * @param database the configured database
 * @param bytes data and index bytes by table name; a table left out is one whose size the engine
 *     cannot tell
 */
public record TableBytes(String database, Map<String, Long> bytes) {}
