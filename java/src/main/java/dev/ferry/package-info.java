/**
 * Ferry's JVM side: a federation engine over Apache Calcite that Node drives through java-bridge.
 *
 * <p>Everything Node calls lives in {@link dev.ferry.Engine} and {@link dev.ferry.Tools}; results
 * leave the JVM as Arrow IPC bytes ({@link dev.ferry.ArrowChunks}) and failures as
 * {@link dev.ferry.FerryFailure}, whose message carries a JSON envelope Node decodes. Schema
 * snapshots for {@code ferry check} come from {@link dev.ferry.Catalog}, one
 * {@link dev.ferry.CatalogDialect} per engine, with types named by {@link dev.ferry.LogicalType}.
 */
package dev.ferry;
