/**
 * What verification needs of an engine's SQL: {@link dev.ferry.checksum.ChecksumSql} (row
 * hashes and chunk numbers computed in the database) and {@link dev.ferry.checksum.CellKind} (how
 * a column's values are written as canonical text).
 */
package dev.ferry.checksum;
