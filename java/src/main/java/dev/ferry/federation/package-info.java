/**
 * The federation: one Calcite connection over every configured database
 * ({@link dev.ferry.federation.Federation}), each database a lazily connected schema
 * ({@link dev.ferry.federation.DatabaseSchema}), queries Calcite pushes whole into one database
 * read straight from its driver ({@link dev.ferry.federation.DirectPlan}), explain, the read-only
 * guard and name hints.
 */
package dev.ferry.federation;
