package dev.ferry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One configured database as Node hands it over: a name, a JDBC URL and how to treat it.
 *
 * <p>Built from the JSON that Node's validated config produces, so no validation happens here
 * beyond what the JVM alone can know.
 */
public record DatabaseSpec(
    String name,
    String url,
    @Nullable String user,
    @Nullable String password,
    @Nullable String schema,
    boolean readOnly,
    int fetchSize) {

  /** Reads one entry of the {@code databases} array that Node sends. */
  static DatabaseSpec fromJson(JsonNode node) {
    return new DatabaseSpec(
        node.get("name").asText(),
        node.get("url").asText(),
        JsonFields.text(node, "user"),
        JsonFields.text(node, "password"),
        JsonFields.text(node, "schema"),
        node.path("readOnly").asBoolean(false),
        node.path("fetchSize").asInt(10_000));
  }

  /** The engine, from the URL's sub-protocol ({@code jdbc:postgresql:…} → {@code postgresql}). */
  public String engine() {
    String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
    int colon = rest.indexOf(':');
    return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /** Driver properties: credentials plus the switches that make reads stream. */
  Properties driverProperties() {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    if (engine().equals("h2") && !url.toUpperCase(java.util.Locale.ROOT).contains("LAZY_QUERY_EXECUTION")) {
      // H2 otherwise builds the whole result in memory before the first row is read.
      p.setProperty("LAZY_QUERY_EXECUTION", "TRUE");
    }
    if ((engine().equals("mariadb") || engine().equals("mysql")) && !readOnly
        && !url.toLowerCase(Locale.ROOT).contains("allowlocalinfile")) {
      // Lets `ferry copy` load with LOAD DATA LOCAL from a stream Ferry itself writes; it never
      // names a file of the client machine.
      p.setProperty("allowLocalInfile", "true");
    }
    if (engine().equals("sqlite") && readOnly) {
      p.setProperty("open_mode", "1");
    }
    return p;
  }

  /** The URL with any {@code password=…} parameter masked, for messages. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }
}
