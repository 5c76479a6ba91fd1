/**
 * The DDL that creates tables in a target engine ({@link dev.ferry.ddl.Ddl}): standard SQL here,
 * each engine's spelling in a subclass in its dialect package; and the translation of views,
 * CHECK conditions and defaults from one engine's SQL into another's
 * ({@link dev.ferry.ddl.SqlTranslator}), each engine's reading and writing of SQL in a
 * {@link dev.ferry.ddl.SqlSpelling} of its dialect package. Also Ferry's own namespace for its
 * bookkeeping ({@link dev.ferry.ddl.FerryNamespace}) and the names of its tables.
 */
package dev.ferry.ddl;
