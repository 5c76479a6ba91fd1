/**
 * The messages Node and the JVM exchange are Java records; {@link dev.ferry.message.Messages}
 * reads them strictly (each {@link dev.ferry.message.Default} written once, on the record) and
 * writes them, {@link dev.ferry.message.Wire} enums as their words.
 */
package dev.ferry.message;
