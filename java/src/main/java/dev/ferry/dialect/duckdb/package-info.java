/**
 * DuckDB: embedded databases shared by duplicated connections, the appender as bulk path,
 * {@code duckdb_constraints()} and {@code duckdb_indexes()} for the catalog, {@code hash()} for
 * checksums.
 */
package dev.ferry.dialect.duckdb;
