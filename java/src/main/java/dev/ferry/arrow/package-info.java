/**
 * Query results as Arrow IPC record batches, streamed to Node over a Unix domain socket:
 * {@link dev.ferry.arrow.ArrowChunks} reads a JDBC result set into batches, one
 * {@link dev.ferry.arrow.ArrowColumn} writer per column type.
 */
package dev.ferry.arrow;
