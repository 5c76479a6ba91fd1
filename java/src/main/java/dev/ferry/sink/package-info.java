/**
 * Writing rows into a target table: the {@link dev.ferry.sink.TableSink} contract every engine's
 * bulk path implements, what sinks share ({@link dev.ferry.sink.SinkContext}, value readers and
 * binders, target column checks) and the generic {@link dev.ferry.sink.BatchSink}.
 */
package dev.ferry.sink;
