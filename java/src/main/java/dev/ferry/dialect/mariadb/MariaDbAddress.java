package dev.ferry.dialect.mariadb;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a MariaDB server listens and who logs in, read from a database's JDBC URL for a client
 * that does not take URLs (Debezium's binlog reader wants host, port, user and password apart).
 *
 * <p>Reads {@code jdbc:mariadb://host:port/db?user=…&password=…} and {@code jdbc:mysql://…},
 * a {@code user:password@} before the host, an {@code address=(host=…)(port=…)} host and a
 * bracketed IPv6 host; of several hosts, the first. The spec's user, password and schema win
 * over the URL's.
 *
 * @param host the server's host name or address
 * @param port its port, 3306 when the URL names none
 * @param database the database the URL or spec names, or null
 * @param user the user, or null
 * @param password the password, or null
 */
record MariaDbAddress(String host, int port, @Nullable String database, @Nullable String user,
    @Nullable String password) {
  private static final Pattern URL = Pattern.compile(
      "(?i)jdbc:(?:mariadb|mysql):(?:[a-z]+:)?//(?:([^/@?]*)@)?([^/?]*)(?:/([^?]*))?(?:\\?(.*))?");
  private static final Pattern ADDRESS = Pattern.compile("(?i)\\((host|port)=([^)]*)\\)");

  /** The address of {@code spec}; a {@code SYNC_SETUP} failure when its URL has no host. */
  static MariaDbAddress of(DatabaseSpec spec) {
    Matcher m = URL.matcher(spec.url());
    if (!m.matches() || m.group(2).isEmpty()) {
      throw FerryFailure.of("SYNC_SETUP", "cannot find the host in the URL of database '"
          + spec.name() + "' (" + spec.safeUrl() + "); expected jdbc:mariadb://host:port/database");
    }
    String user = null;
    String password = null;
    if (m.group(1) != null) {
      int colon = m.group(1).indexOf(':');
      user = decode(colon < 0 ? m.group(1) : m.group(1).substring(0, colon));
      password = colon < 0 ? null : decode(m.group(1).substring(colon + 1));
    }
    if (m.group(4) != null) {
      for (String kv : m.group(4).split("&")) {
        int eq = kv.indexOf('=');
        String key = (eq < 0 ? kv : kv.substring(0, eq)).toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "" : decode(kv.substring(eq + 1));
        if (key.equals("user")) {
          user = value;
        } else if (key.equals("password")) {
          password = value;
        }
      }
    }
    String firstHost = m.group(2).split(",")[0];
    String host = firstHost;
    String port = null;
    if (firstHost.toLowerCase(Locale.ROOT).startsWith("address=")) {
      Matcher a = ADDRESS.matcher(firstHost);
      host = "";
      while (a.find()) {
        if (a.group(1).equalsIgnoreCase("host")) {
          host = a.group(2);
        } else {
          port = a.group(2);
        }
      }
    } else if (firstHost.startsWith("[")) {
      int close = firstHost.indexOf(']');
      host = firstHost.substring(1, close < 0 ? firstHost.length() : close);
      port = close >= 0 && firstHost.startsWith(":", close + 1) ? firstHost.substring(close + 2) : null;
    } else if (firstHost.contains(":")) {
      host = firstHost.substring(0, firstHost.indexOf(':'));
      port = firstHost.substring(firstHost.indexOf(':') + 1);
    }
    String database = m.group(3) == null || m.group(3).isEmpty() ? null : decode(m.group(3));
    return new MariaDbAddress(host, port == null || port.isEmpty() ? 3306 : Integer.parseInt(port),
        spec.schema() != null ? spec.schema() : database,
        spec.user() != null ? spec.user() : user,
        spec.password() != null ? spec.password() : password);
  }

  /** As the MariaDB driver reads them: parameters are taken as written, never percent-decoded. */
  private static String decode(String s) {
    return s;
  }
}
