/**
 * Result sets as Arrow IPC streams, both ways.
 *
 * <p>Query results go to Node over a Unix domain socket: {@link dev.ferry.arrow.ArrowChunks}
 * reads a JDBC result set into batches, one {@link dev.ferry.arrow.ArrowColumn} writer per
 * column type. Backups are chunk files: {@link dev.ferry.arrow.ArrowStreamFileWriter} writes a
 * table's rows with the same column writers into zstd-compressed streams whose schema keeps
 * each column's spec ({@link dev.ferry.arrow.ChunkSchema}), and
 * {@link dev.ferry.arrow.ArrowResultSet} reads one back as a JDBC result set for the sinks.
 */
package dev.ferry.arrow;
