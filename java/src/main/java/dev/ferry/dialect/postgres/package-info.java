/**
 * PostgreSQL: {@code COPY} both ways (and COPY text relayed untouched between PostgreSQL
 * databases, or printed straight from a backup's Arrow vectors), {@code pg_catalog} for the
 * catalog, {@code hashtextextended} for checksums, and change capture for {@code ferry sync} through
 * logical decoding ({@code pgoutput}, a slot and a publication per job).
 */
package dev.ferry.dialect.postgres;
