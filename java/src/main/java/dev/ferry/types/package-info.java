/**
 * Types across engines: Calcite types from JDBC metadata ({@link dev.ferry.types.ColumnTypes}),
 * the comparison type {@link dev.ferry.types.LogicalType}, result columns, temporal text and table
 * names.
 */
package dev.ferry.types;
