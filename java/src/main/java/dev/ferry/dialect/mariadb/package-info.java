/**
 * MariaDB and MySQL: {@code LOAD DATA LOCAL} from a stream (and PostgreSQL COPY text re-encoded
 * for it), {@code information_schema} for the catalog, MD5 for checksums.
 */
package dev.ferry.dialect.mariadb;
