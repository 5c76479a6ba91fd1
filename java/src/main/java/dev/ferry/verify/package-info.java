/**
 * Proving a copy exact: row counts and per-chunk checksums on both sides, computed in the
 * database or hashed in the JVM from one canonical row text, then the keys of any differing chunk
 * ({@link dev.ferry.verify.Verifier}).
 */
package dev.ferry.verify;
