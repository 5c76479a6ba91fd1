package dev.ferry.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the running JVM has.
 *
 * @param version Java's version
 * @param vendor Java's vendor
 * @param home where Java lives
 * @param timeZone the JVM's default time zone (always UTC for Ferry)
 * @param drivers the JDBC drivers on the classpath
 * @param dialects the dialects Ferry knows, by name
 */
public record RuntimeInfo(String version, String vendor, String home, String timeZone,
    List<Driver> drivers, List<String> dialects) {
  /**
   * One JDBC driver.
   *
   * @param className its class
   * @param version its major and minor version
   */
  public record Driver(@JsonProperty("class") String className, String version) {}
}
