package dev.ferry.federation;

import dev.ferry.dialect.Capabilities;

/**
 * What answered a connection check.
 *
 * @param database the configured name
 * @param product the product name its driver reports
 * @param productVersion the product version its driver reports
 * @param driver the driver's name and version
 * @param millis how long connecting took
 * @param dialect the Ferry dialect serving it
 * @param capabilities what that dialect can do
 */
public record Ping(String database, String product, String productVersion, String driver,
    long millis, String dialect, Capabilities capabilities) {}
