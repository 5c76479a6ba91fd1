package dev.ferry.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.ArchiveCheck;
import dev.ferry.archive.Manifest;
import dev.ferry.arrow.ArrowResultSet;
import dev.ferry.copy.FileLoad;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.Federation;
import dev.ferry.types.ColumnSpec;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The restore side of backups: a configured backup database's files checked, and each table's
 * files loaded into a target ({@link FileLoad}).
 */
public final class Backups {
  private Backups() {}

  /** The backup behind database {@code name}; a database that is no backup is a usage error. */
  public static Archive archive(Federation federation, String name) {
    Dialect engine = federation.database(name).engine();
    Archive a = engine.archive();
    if (a == null) {
      throw FerryFailure.of("USAGE", "database '" + name + "' is not a backup (it is "
          + engine.name() + "); restore from a folder `ferry backup` wrote").with("database", name);
    }
    return a;
  }

  /** Proves every file of the backup behind {@code database} intact, with {@code jobs} threads. */
  public static BackupCheck check(Federation federation, String database, int jobs) {
    long start = System.nanoTime();
    Archive a = archive(federation, database);
    long bytes = ArchiveCheck.run(a, a.manifest().tables(), jobs);
    int files = a.manifest().tables().stream().mapToInt(t -> t.chunks().size()).sum();
    return new BackupCheck(database, a.dir().toString(), files, bytes,
        (System.nanoTime() - start) / 1e9);
  }

  /** A load of one table of a backup, as {@code r} asks. */
  public static FileLoad restore(Federation federation, RestoreRequest r) {
    Archive a = archive(federation, r.from());
    Manifest.TableData data = a.table(r.table());
    if (data == null) {
      throw FerryFailure.of("UNKNOWN_TABLE", "the backup in " + a.dir() + " holds no table '"
          + r.table() + "'").with("table", r.table());
    }
    BufferAllocator allocator = federation.allocator();
    FileLoad.Files files = new FileLoad.Files() {
      @Override public List<ColumnSpec> columns() {
        return data.columns();
      }

      @Override public int count() {
        return data.chunks().size();
      }

      @Override public long rows(int i) {
        return data.chunks().get(i).rows();
      }

      @Override public ArrowResultSet open(int i) throws SQLException {
        return new ArrowResultSet(a.open(data.chunks().get(i)), allocator);
      }
    };
    return new FileLoad(federation, new FileLoad.Request(r.to(), r.toNamespace(), r.targetTable(),
        r.table(), r.job(), r.checkpointNamespace(), r.resume()), files);
  }
}
