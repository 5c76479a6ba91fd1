/**
 * SQLite: values kept in the storage classes SQLite gives them and read by declared type; batches
 * with {@code ON CONFLICT} upserts; {@code sqlite_master} and PRAGMA functions for the catalog.
 */
package dev.ferry.dialect.sqlite;
