package dev.ferry.copy;

import dev.ferry.connect.FerryDataSource;
import dev.ferry.dialect.CopyTextLoader;
import dev.ferry.dialect.CopyTextSource;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.DirectPlan;
import dev.ferry.sink.CopyTextRows;
import dev.ferry.sink.TableSink;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A chunk that travels as COPY text from a source that prints it to a target that loads it,
 * with no value decoded in the JVM: what {@code psql \copy | psql \copy} does.
 *
 * <p>Possible when Calcite pushed the chunk's SELECT whole into the source, the source's dialect
 * has a {@link CopyTextSource} and the target's a {@link CopyTextLoader} that accepts every
 * column pairing. A loader that meets a value it cannot carry ({@link CopyTextRows.Unsuitable})
 * makes the chunk roll back; the caller then copies it through the typed path, which names any
 * value the target rejects.
 */
final class TextRelay {
  private TextRelay() {}

  /**
   * Copies the rows of {@code direct} into {@code table}, commits and returns the row count; or
   * returns null, having written nothing, when they cannot travel as text.
   */
  static @Nullable Long run(DirectPlan direct, DatabaseSchema target, Connection c,
      TableName table, List<String> columns, TableSink.Options options, CrossInsert.Hooks hooks,
      @Nullable Consumer<@Nullable Runnable> current) throws SQLException {
    CopyTextSource printer = direct.database().engine().copyTextSource();
    CopyTextLoader loader = target.engine().copyTextLoader();
    if (printer == null || loader == null
        || (options.mode() != TableSink.Mode.INSERT && !loader.merges())) {
      return null;
    }
    FerryDataSource pool = direct.database().dataSource();
    try (Connection source = pool.getConnection()) {
      ResultSetMetaData described;
      try (PreparedStatement ps = source.prepareStatement(direct.sql())) {
        described = ps.getMetaData();
      }
      if (described == null) {
        return null;
      }
      var ctx = CrossInsert.sinkContext(target, c, table, columns,
          target.engine().sinkReaders(direct.database().engine(), direct.columns()), options);
      try (CopyTextLoader.Load load = loader.open(ctx, c, described)) {
        if (load == null) {
          return null;
        }
        if (current != null) {
          current.accept(() -> printer.cancel(source));
        }
        hooks.beforeWrite(c);
        long n;
        try (CopyTextRows rows = printer.open(source, direct.sql(), () -> FerryDataSource.discard(source))) {
          n = load.load(rows);
        } catch (CopyTextRows.Unsuitable e) {
          c.rollback();
          return null;
        }
        load.finish();
        hooks.relayed(load.note());
        hooks.beforeCommit(c, n);
        c.commit();
        return n;
      }
    }
  }
}
