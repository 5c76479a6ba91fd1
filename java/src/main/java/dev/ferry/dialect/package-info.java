/**
 * Everything that differs between engines, behind one interface: {@link dev.ferry.dialect.Dialect}
 * (capability flags, catalog reader, sink, DDL, checksum SQL, value readers and binders, Calcite
 * {@code SqlDialect}), the registry {@link dev.ferry.dialect.Dialects}, and the relay hooks
 * {@link dev.ferry.dialect.CopyTextSource} and {@link dev.ferry.dialect.CopyTextLoader}, and
 * {@link dev.ferry.dialect.ArrowLoader} for restores that load Arrow vectors directly. Each
 * engine is one sub-package, registered in {@code META-INF/services/dev.ferry.dialect.Dialect}.
 */
package dev.ferry.dialect;
