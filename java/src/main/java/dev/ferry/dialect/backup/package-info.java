/**
 * A backup folder as a read-only database: the dialect, its Calcite connection over the chunk
 * files, and the direct path for plain table scans.
 */
package dev.ferry.dialect.backup;
