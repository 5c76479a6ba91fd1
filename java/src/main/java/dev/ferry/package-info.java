/**
 * Ferry's JVM side: a federation engine over Apache Calcite that Node drives through java-bridge.
 *
 * <p>Everything Node calls lives in {@link dev.ferry.Engine} and {@link dev.ferry.Tools}; results
 * leave the JVM as Arrow IPC bytes ({@link dev.ferry.ArrowChunks}) and failures as
 * {@link dev.ferry.FerryFailure}, whose message carries a JSON envelope Node decodes.
 */
package dev.ferry;
