/**
 * The generic dialect for any engine without one of its own (HSQLDB, Derby, drivers in
 * {@code drivers:}): standard SQL and what plain JDBC metadata offers.
 */
package dev.ferry.dialect.jdbc;
