package dev.ferry.config;

import dev.ferry.error.FerryFailure;
import dev.ferry.error.Secrets;
import dev.ferry.message.Default;
import dev.ferry.message.Min;

import java.sql.SQLException;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One configured database as Node hands it over: a name, a JDBC URL and how to treat it.
 *
 * <p>Built from the JSON that Node's validated config produces, so no validation happens here
 * beyond what the JVM alone can know. Which engine it is, and what that engine needs, is the
 * business of its {@code Dialect}, chosen from {@link #subprotocol()}.
 *
 * @param name how SQL addresses the database
 * @param url its JDBC URL
 * @param user the user, when the URL does not carry one
 * @param password the password; never shown (see {@link #scrub})
 * @param schema the one schema (or MariaDB database) it is pinned to, or null
 * @param readOnly whether Ferry must never write to it
 * @param fetchSize rows per round trip when streaming
 */
public record DatabaseSpec(
    String name,
    String url,
    @Nullable String user,
    @Nullable String password,
    @Nullable String schema,
    @Default("false") boolean readOnly,
    @Default("10000") @Min(0) int fetchSize) {

  /** Registers the password and the URL's own secrets, so no message ever repeats them. */
  public DatabaseSpec {
    Secrets.register(password);
    Secrets.inUrl(url).forEach(Secrets::register);
  }

  /** The URL's sub-protocol, lower case: {@code jdbc:postgresql:…} gives {@code postgresql}. */
  public String subprotocol() {
    String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
    int colon = rest.indexOf(':');
    return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /** The URL with any {@code password=…} parameter or {@code user:password@} masked, for messages. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }

  /**
   * {@code message} with this database's URL masked and its password and every other registered
   * secret removed.
   */
  public String scrub(String message) {
    String m = message.replace(url, safeUrl());
    if (password != null && !password.isEmpty()) {
      m = m.replace(password, Secrets.MASK);
    }
    return String.valueOf(Secrets.scrub(m));
  }

  /** The failure for a connection this database refused, never showing its password. */
  public FerryFailure connectionFailure(SQLException e) {
    return FerryFailure.of("CONNECTION_FAILED", "cannot connect to database '" + name + "' ("
            + safeUrl() + "): " + scrub(String.valueOf(e.getMessage())))
        .with("database", name)
        .with("sqlState", e.getSQLState());
  }
}
