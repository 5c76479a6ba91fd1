package dev.ferry.dialect;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The registry of dialects: every {@link Dialect} listed in
 * {@code META-INF/services/dev.ferry.dialect.Dialect}, found by a database's JDBC URL.
 *
 * <p>Adding an engine is one package and one line in that file. A URL no dialect claims gets the
 * generic JDBC dialect (the one whose {@link Dialect#subprotocols} is empty): standard SQL and
 * plain {@code DatabaseMetaData}, which is how HSQLDB, Derby and any driver in {@code drivers:}
 * are served.
 */
public final class Dialects {
  /** Standard SQL DDL, for engines that spell nothing their own way. */
  static final Ddl STANDARD_DDL = new Ddl();

  private static final List<Dialect> ALL = load();

  private Dialects() {}

  private static List<Dialect> load() {
    List<Dialect> out = new ArrayList<>();
    ServiceLoader.load(Dialect.class, Dialect.class.getClassLoader()).forEach(out::add);
    if (out.stream().noneMatch(d -> d.subprotocols().isEmpty())) {
      throw new IllegalStateException("no generic JDBC dialect is registered in"
          + " META-INF/services/" + Dialect.class.getName());
    }
    return List.copyOf(out);
  }

  /** Every registered dialect, the generic one included. */
  public static List<Dialect> all() {
    return ALL;
  }

  /** The dialect for {@code spec}'s URL. */
  public static Dialect of(DatabaseSpec spec) {
    return forSubprotocol(spec.subprotocol()).bind(spec);
  }

  /** The dialect serving JDBC URLs {@code jdbc:<subprotocol>:…}; the generic one otherwise. */
  public static Dialect forSubprotocol(String subprotocol) {
    String s = subprotocol.toLowerCase(Locale.ROOT);
    Dialect generic = null;
    for (Dialect d : ALL) {
      if (d.subprotocols().contains(s)) {
        return d;
      }
      if (d.subprotocols().isEmpty()) {
        generic = d;
      }
    }
    return generic;
  }
}
