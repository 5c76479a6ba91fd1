/**
 * PostgreSQL: {@code COPY} both ways (and COPY text relayed untouched between PostgreSQL
 * databases, or printed straight from a backup's Arrow vectors), {@code pg_catalog} for the
 * catalog, {@code hashtextextended} for checksums.
 */
package dev.ferry.dialect.postgres;
