/**
 * The neutral catalog model and how it is read: {@link dev.ferry.catalog.Snapshot} (tables,
 * columns, keys, indexes, views), {@link dev.ferry.catalog.CatalogFacts} (what inspection learns,
 * grouped by table), and {@link dev.ferry.catalog.CatalogReader}, the hook each engine implements
 * ({@link dev.ferry.catalog.SqlCatalog} for engines with bulk catalog queries,
 * {@link dev.ferry.catalog.MetadataCatalog} for plain JDBC metadata).
 */
package dev.ferry.catalog;
