/**
 * Ferry's JVM side: a federation engine over Apache Calcite that Node drives through java-bridge.
 *
 * <p>One package per concept; each imports only packages below it (from the top): {@code wire}
 * (the endpoint Node calls) → {@code copy}, {@code verify} (services) → {@code federation}
 * (Calcite) → {@code inspect} → {@code connect} (pools) → the engines' {@code dialect.<engine>}
 * packages → {@code dialect} (the interface every engine implements) → {@code ddl} →
 * {@code catalog}, {@code sink}, {@code arrow}, {@code validate} → {@code config},
 * {@code types}, {@code checksum}, {@code message}, {@code util} → {@code error}. Nothing
 * outside an engine's package names it: engines are found through {@link java.util.ServiceLoader}
 * ({@code dev.ferry.dialect.Dialects}).
 */
package dev.ferry;
