/**
 * The endpoint Node calls through java-bridge ({@link dev.ferry.wire.Engine},
 * {@link dev.ferry.wire.Tools}): bytes in and out, every message a record listed in
 * {@link dev.ferry.wire.Contract}, from which the TypeScript side is generated
 * ({@link dev.ferry.wire.TypeScriptContract}).
 */
package dev.ferry.wire;
