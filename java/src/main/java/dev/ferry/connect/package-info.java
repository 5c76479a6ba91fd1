/**
 * Connections Ferry owns from open to close: {@link dev.ferry.connect.FerryDataSource}, a pool
 * per database whose connections are made and prepared by the engine's dialect.
 */
package dev.ferry.connect;
