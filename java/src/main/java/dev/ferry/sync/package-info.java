/**
 * {@code ferry sync}: follows a source database's log of committed changes through Debezium's
 * embedded engine and applies them to a target, exactly once in effect. Each applied batch
 * commits in one target transaction together with the source position it reaches
 * ({@link SyncState}, in Ferry's own namespace of the target), and the engine's offsets are read
 * back from there ({@link TargetOffsetStore}), so a crash at any moment resumes where the target
 * stands. What differs between source engines is their dialect's {@code ChangeCapture}.
 */
package dev.ferry.sync;
