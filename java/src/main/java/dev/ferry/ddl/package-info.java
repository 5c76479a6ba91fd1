/**
 * The DDL that creates tables in a target engine ({@link dev.ferry.ddl.Ddl}): standard SQL here,
 * each engine's spelling in a subclass in its dialect package.
 */
package dev.ferry.ddl;
