package dev.ferry.dialect.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.Connector;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.Dialects;
import dev.ferry.error.FerryFailure;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.TableSink;
import dev.ferry.types.ColumnTypes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A backup folder served as a read-only database ({@code jdbc:ferry-backup:/path}, or
 * {@code backup: ./folder} in the config): its tables are Calcite tables over the chunk files
 * ({@link BackupConnector}), its structure the manifest's snapshot of the source, with the
 * source's own type names ({@link #storedSnapshot}).
 *
 * <p>So {@code ferry query}, {@code check}, {@code verify}, {@code tables} and {@code describe}
 * work on a backup without restoring it, and a restore is a migration from it: the source
 * engine is {@link #original} (restoring PostgreSQL's backup into PostgreSQL keeps its types and
 * its view SQL unchanged). The folder is opened when first needed, so a missing or locked
 * backup only fails the commands that use it.
 */
public final class BackupDialect implements Dialect {
  /** The JDBC sub-protocol of backup folders. */
  public static final String SUBPROTOCOL = "ferry-backup";
  private static final Capabilities CAPABILITIES = new Capabilities(Capabilities.BulkLoad.BATCH,
      false, false, false, Capabilities.Namespaces.SCHEMAS, Capabilities.IdentityModel.GENERIC, true);

  private final @Nullable DatabaseSpec spec;
  private volatile @Nullable Archive archive;

  /** The unbound dialect the registry holds; each backup database gets its own ({@link #bind}). */
  public BackupDialect() {
    this.spec = null;
  }

  private BackupDialect(DatabaseSpec spec) {
    this.spec = spec;
  }

  @Override public Dialect bind(DatabaseSpec spec) {
    return this.spec == null ? new BackupDialect(spec) : this;
  }

  /** The backup's folder, from the URL {@code jdbc:ferry-backup:<path>}. */
  static Path folder(DatabaseSpec spec) {
    String url = spec.url();
    return Path.of(url.substring(url.indexOf(':', "jdbc:".length()) + 1));
  }

  /** The open backup; read on first use. */
  @Override public Archive archive() {
    Archive a = archive;
    if (a == null) {
      synchronized (this) {
        a = archive;
        if (a == null) {
          DatabaseSpec s = spec;
          if (s == null) {
            throw new IllegalStateException("an unbound backup dialect holds no backup");
          }
          a = Archive.open(folder(s), s.password());
          archive = a;
        }
      }
    }
    return a;
  }

  @Override public String name() {
    return "backup";
  }

  @Override public Set<String> subprotocols() {
    return Set.of(SUBPROTOCOL);
  }

  @Override public Capabilities capabilities() {
    return spec == null ? CAPABILITIES : withTyping(original().capabilities().enforcesTypes());
  }

  private static Capabilities withTyping(boolean enforces) {
    return new Capabilities(CAPABILITIES.bulkLoad(), false, false, false,
        CAPABILITIES.namespaces(), CAPABILITIES.identity(), enforces);
  }

  @Override public Dialect original() {
    String engine = archive().manifest().source().engine();
    for (Dialect d : Dialects.all()) {
      if (d.name().equals(engine)) {
        return d;
      }
    }
    return Dialects.forSubprotocol("");
  }

  @Override public @Nullable Snapshot storedSnapshot() {
    return archive().manifest().schema();
  }

  @Override public Connector connector(DatabaseSpec spec) {
    return new BackupConnector(this);
  }

  @Override public boolean isSystemNamespace(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("metadata") || n.equals("information_schema");
  }

  @Override public String instanceIdentity(Connection c, DatabaseSpec spec) {
    return SUBPROTOCOL + ":" + folder(spec).toAbsolutePath().normalize();
  }

  /** Calcite's own SQL: the tables are read by a Calcite connection of their own. */
  @Override public SqlDialect calciteDialect(DatabaseMetaData md) {
    return CalciteSqlDialect.DEFAULT;
  }

  @Override public SqlSpelling sqlSpelling() {
    return original().sqlSpelling();
  }

  @Override public ColumnTypes columnTypes() {
    return ColumnTypes.DEFAULT;
  }

  @Override public Ddl ddl() {
    return original().ddl();
  }

  /** Never read: the structure comes from the manifest ({@link #storedSnapshot}). */
  @Override public CatalogReader catalogReader() {
    return new CatalogReader() {
      @Override public boolean bulk() {
        return true;
      }

      @Override public void keys(Connection c, Scope scope, CatalogFacts facts) {}

      @Override public void foreignKeys(Connection c, Scope scope, CatalogFacts facts) {}

      @Override public void indexes(Connection c, Scope scope, CatalogFacts facts) {}
    };
  }

  @Override public TableSink openSink(SinkContext ctx, Connection c) {
    throw FerryFailure.of("READ_ONLY", "a backup is read-only: restore it into a database with"
        + " `ferry restore DIR --to DB`, then write there");
  }

  /** Each table's bytes on disk in the backup folder: its chunk files as written. */
  @Override public Map<String, Long> tableBytes(Connection c, @Nullable String namespace) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Manifest.TableData t : archive().manifest().tables()) {
      out.put(t.name(), t.chunks().stream().mapToLong(Manifest.Chunk::bytes).sum());
    }
    return out;
  }

  /** The counters' next values as the backup recorded them. */
  @Override public Map<String, Map<String, Long>> identityNext(Connection c,
      @Nullable String namespace) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Manifest.TableData t : archive().manifest().tables()) {
      if (!t.identityNext().isEmpty()) {
        out.put(t.name(), t.identityNext());
      }
    }
    return out;
  }
}
