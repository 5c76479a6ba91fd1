/**
 * H2: batches and {@code MERGE INTO … KEY}, {@code INFORMATION_SCHEMA} for the catalog, SHA-256
 * for checksums, lazy query execution so results stream.
 */
package dev.ferry.dialect.h2;
