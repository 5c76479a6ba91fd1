/**
 * Whole-database migrations: the plan (which tables, in which order, with which structure and
 * type mappings) and the structure phases around the load — tables and enumerated types before
 * it; indexes, unique keys, foreign keys, identity counters and views after it. Node runs the load
 * itself with {@link dev.ferry.copy} (chunked, parallel, resumable) between those phases.
 */
package dev.ferry.migrate;
