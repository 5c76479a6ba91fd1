/**
 * Inspection of one namespace, or of named tables in it, into a schema snapshot
 * ({@link dev.ferry.inspect.Inspector}), in a fixed number of catalog round trips.
 */
package dev.ferry.inspect;
