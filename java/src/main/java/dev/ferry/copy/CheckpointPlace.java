package dev.ferry.copy;

import dev.ferry.catalog.Scope;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.FerryNamespace;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.sink.TargetColumns;
import dev.ferry.types.TableName;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where one copy keeps its checkpoints: the state file the request names; else a
 * {@code ferry_checkpoint} table in the target, in Ferry's own namespace ({@link FerryNamespace},
 * created when missing) so that the user's schema holds none of Ferry's bookkeeping, or beside
 * the target table where the engine has no namespaces or the user may not create one; else,
 * when the target refuses that table (no right to create tables, say) and the request names a
 * fallback file, that file, with a note saying so.
 *
 * <p>A checkpoint is read where this Ferry writes it, then beside the target table, where Ferry
 * wrote every copy's before it had a namespace of its own: so a copy interrupted before an
 * upgrade resumes after it, and an incremental copy keeps its watermark.
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
    for (String namespace : places(scope.namespace())) {
      if (!exists(c, namespace)) {
        continue;
      }
      try {
        Checkpoints.State s = store(c, namespace).read(request.jobName(), table);
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

  /**
   * Opens where this run writes its checkpoints, the target table being in {@code namespace};
   * a fallback beside the table or to a file adds a note saying why.
   */
  Checkpoints open(Connection c, @Nullable String namespace, List<String> notes)
      throws SQLException {
    if (request.stateFile() != null) {
      return new StateFileCheckpoints(Path.of(request.stateFile()));
    }
    List<String> tries = new ArrayList<>();
    String refused = null;
    if (request.checkpointNamespace() != null) {
      tries.add(request.checkpointNamespace());
    } else if (own() != null && !FerryNamespace.NAME.equals(namespace)) {
      try {
        // One made earlier serves a user who may use it but not create namespaces.
        if (!exists(c, FerryNamespace.NAME)) {
          FerryNamespace.create(c, ddl(), target.dialect(), FerryNamespace.NAME);
        }
        tries.add(FerryNamespace.NAME);
      } catch (SQLException e) {
        refused = why(e);
      }
    }
    if (request.checkpointNamespace() == null && !tries.contains(namespace)) {
      tries.add(namespace);
    }
    SQLException last = null;
    for (String ns : tries) {
      InTargetCheckpoints in = store(c, ns);
      try {
        try {
          in.ensure();
        } catch (SQLException first) {
          // Two copies creating the table at once: one loses PostgreSQL's race on the catalog
          // (a duplicate type), and the table exists by the time it asks again.
          in.ensure();
        }
        if (refused != null && Objects.equals(ns, namespace)) {
          notes.add("checkpoints go to " + new TableName(ns, CheckpointTable.NAME) + ", beside the"
              + " copied table, as this user may not keep them in Ferry's own schema "
              + FerryNamespace.NAME + " (" + refused + "); to keep them out of your schema, let"
              + " the user create schema " + FerryNamespace.NAME + ", or create it and let the"
              + " user create tables in it");
        }
        return in;
      } catch (SQLException e) {
        last = e;
        if (!Objects.equals(ns, namespace)) {
          refused = why(e);
        }
      }
    }
    if (request.fallbackStateFile() == null) {
      throw Objects.requireNonNull(last, "last");
    }
    notes.add("the target cannot hold a " + CheckpointTable.NAME + " table (" + why(last)
        + "); checkpoints go to " + request.fallbackStateFile());
    return new StateFileCheckpoints(Path.of(request.fallbackStateFile()));
  }

  /**
   * Tidies the target after a copy whose tables ({@code targets}, by the names the checkpoints
   * use) all completed, on {@code c} (autocommit off): a table's checkpoint beside the copied
   * tables goes when Ferry's own namespace holds one too (an older Ferry wrote it beside them),
   * or else unless it holds an incremental copy's watermark, which the next run starts from;
   * the table goes when left empty.
   */
  void finish(Connection c, List<String> targets) throws SQLException {
    if (request.stateFile() != null) {
      return;
    }
    String namespace = target.inspectionScope(request.toNamespace()).namespace();
    if (!exists(c, namespace)) {
      return;
    }
    String own = request.checkpointNamespace() != null ? request.checkpointNamespace() : own();
    boolean elsewhere = own != null && !Objects.equals(own, namespace) && exists(c, own);
    List<String> done = new ArrayList<>();
    for (String t : targets) {
      if (elsewhere && movedFrom(c, own, t) || request.mode() != CopyMode.INCREMENTAL) {
        done.add(t);
      }
    }
    if (!done.isEmpty()) {
      CheckpointTable.remove(c, target.dialect(), namespace, request.jobName(), done, true);
      c.commit();
    }
  }

  /** Whether the checkpoint table in {@code own} holds {@code table}'s (one this user may read). */
  private boolean movedFrom(Connection c, String own, String table) {
    try {
      return store(c, own).read(request.jobName(), table) != null;
    } catch (SQLException unreadable) {
      return false;
    }
  }

  /** Ferry's own namespace where the engine has namespaces, else null. */
  private @Nullable String own() {
    return FerryNamespace.possible(ddl(), target.dialect()) ? FerryNamespace.NAME : null;
  }

  /** Where checkpoints may be, in the order they are read. */
  private List<String> places(@Nullable String tableNamespace) {
    List<String> out = new ArrayList<>();
    String own = request.checkpointNamespace() != null ? request.checkpointNamespace() : own();
    if (own != null) {
      out.add(own);
    }
    if (!out.contains(tableNamespace)) {
      out.add(tableNamespace);
    }
    return out;
  }

  private boolean exists(Connection c, @Nullable String namespace) throws SQLException {
    return TargetColumns.read(c, target.engine().valueLimits(),
        new TableName(namespace, CheckpointTable.NAME)).exists();
  }

  private InTargetCheckpoints store(Connection c, @Nullable String namespace) {
    return new InTargetCheckpoints(c, namespace, target.dialect(), target.engine());
  }

  private Ddl ddl() {
    return target.engine().ddl();
  }

  /** The first line of a refusal, without the password or the engine's prefix. */
  private String why(SQLException e) {
    return target.dataSource().spec().scrub(String.valueOf(e.getMessage())).strip()
        .split("\n", 2)[0].replaceFirst("^ERROR: ", "");
  }
}
