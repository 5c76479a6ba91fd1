package dev.ferry.copy;

import dev.ferry.catalog.Scope;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.sink.TargetColumns;
import dev.ferry.types.TableName;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where one copy keeps its checkpoints: the state file the request names; else a
 * {@code ferry_checkpoint} table in the target, created when missing; else, when the target
 * refuses that table (no right to create tables, say) and the request names a fallback file,
 * that file, with a note saying so.
 */
final class CheckpointPlace {
  private final CopyRequest request;
  private final DatabaseSchema target;

  CheckpointPlace(CopyRequest request, DatabaseSchema target) {
    this.request = request;
    this.target = target;
  }

  /** The checkpoint of {@code table} under this copy's job, or null when none is recorded. */
  Checkpoints.@Nullable State read(Connection c, Scope scope, String table) throws SQLException {
    if (request.stateFile() != null) {
      return new StateFileCheckpoints(Path.of(request.stateFile())).read(request.jobName(), table);
    }
    String namespace = namespace(scope.namespace());
    TableName checkpoints = new TableName(namespace, "ferry_checkpoint");
    if (TargetColumns.read(c, target.engine().valueLimits(), checkpoints).exists()) {
      try {
        Checkpoints.State s = new InTargetCheckpoints(c, namespace, target.dialect(),
            target.engine()).read(request.jobName(), table);
        if (s != null) {
          return s;
        }
      } catch (SQLException e) {
        // A table this user may not read (another user's checkpoints) counts as none when a
        // fallback file holds this user's; without one the failure is the answer.
        if (request.fallbackStateFile() == null) {
          throw e;
        }
      }
    }
    return request.fallbackStateFile() == null ? null
        : new StateFileCheckpoints(Path.of(request.fallbackStateFile()))
            .read(request.jobName(), table);
  }

  /** Opens where this run writes its checkpoints; a fallback to a file adds a note. */
  Checkpoints open(Connection c, @Nullable String namespace, List<String> notes)
      throws SQLException {
    if (request.stateFile() != null) {
      return new StateFileCheckpoints(Path.of(request.stateFile()));
    }
    InTargetCheckpoints in = new InTargetCheckpoints(c, namespace(namespace), target.dialect(),
        target.engine());
    try {
      try {
        in.ensure();
      } catch (SQLException first) {
        // Two copies creating the table at once: one loses PostgreSQL's race on the catalog
        // (a duplicate type), and the table exists by the time it asks again.
        in.ensure();
      }
      return in;
    } catch (SQLException e) {
      if (request.fallbackStateFile() == null) {
        throw e;
      }
      String why = target.dataSource().spec().scrub(String.valueOf(e.getMessage()))
          .strip().split("\n", 2)[0].replaceFirst("^ERROR: ", "");
      notes.add("the target cannot hold a ferry_checkpoint table (" + why + "); checkpoints go to "
          + request.fallbackStateFile());
      return new StateFileCheckpoints(Path.of(request.fallbackStateFile()));
    }
  }

  /** The namespace of the checkpoint table: the request's, else the target table's. */
  private @Nullable String namespace(@Nullable String tableNamespace) {
    return request.checkpointNamespace() != null ? request.checkpointNamespace() : tableNamespace;
  }
}
