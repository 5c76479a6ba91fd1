package dev.ferry.sync;

import dev.ferry.dialect.ChangeCapture;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code ferry sync status} and {@code ferry sync --drop}: a job read or removed, not run. */
public final class SyncAdmin {
  private SyncAdmin() {}

  /** Where the job of {@code request} stands, from the target's state and the source's log. */
  public static SyncStatus status(Federation federation, SyncRequest request) {
    DatabaseSchema source = federation.database(request.from());
    DatabaseSchema target = federation.database(request.to());
    ChangeCapture capture = SyncJob.captureOf(source);
    String job = request.job(source.dataSource().spec().safeUrl(), target.dataSource().spec().safeUrl());
    try (Connection tc = target.dataSource().openPhysical();
        Connection sc = source.dataSource().openPhysical()) {
      tc.setAutoCommit(true);
      sc.setAutoCommit(true);
      SyncState state = SyncJob.stateIn(target, tc, request.toNamespace(), false);
      SyncState.Job row = found(state, tc, job, request);
      List<SyncTableState> tables = new ArrayList<>();
      state.tables(tc, job).forEach((n, r) -> tables.add(new SyncTableState(n, r.state(),
          r.inserts(), r.updates(), r.deletes())));
      String end = capture.position(sc);
      String applied = row.position();
      String from = applied != null ? applied : row.start();
      long behind = capture.compare(from, end) >= 0 ? 0 : capture.bytesBetween(from, end);
      LocalDateTime at = row.appliedAt();
      double lag = behind == 0 ? 0 : at == null ? -1
          : Math.max(0, java.time.Duration.between(at, LocalDateTime.now(ZoneOffset.UTC))
              .toMillis() / 1000.0);
      return new SyncStatus(job, row.from(), row.to(), applied == null ? "started" : "streaming",
          row.start(), applied, end, behind, lag, at == null ? null : at.toString(), tables,
          List.of());
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "reading the sync's state");
    }
  }

  /**
   * Removes what the job of {@code request} made on the source (slot, publication) and its
   * state in the target; the synced tables and their rows stay.
   */
  public static SyncDropped drop(Federation federation, SyncRequest request) {
    DatabaseSchema source = federation.database(request.from());
    DatabaseSchema target = federation.database(request.to());
    ChangeCapture capture = SyncJob.captureOf(source);
    String job = request.job(source.dataSource().spec().safeUrl(), target.dataSource().spec().safeUrl());
    List<String> removed = new ArrayList<>();
    try (Connection sc = source.dataSource().openPhysical();
        Connection tc = target.dataSource().openPhysical()) {
      sc.setAutoCommit(true);
      tc.setAutoCommit(true);
      removed.addAll(capture.drop(sc, job));
      SyncState state = SyncJob.stateIn(target, tc, request.toNamespace(), false);
      int rows;
      try {
        rows = state.forget(tc, job);
      } catch (SQLException noTable) {
        rows = 0;
      }
      if (rows > 0) {
        removed.add("the sync's state in " + state.name() + " of '" + request.to() + "' ("
            + rows + " rows)");
      }
      if (removed.isEmpty()) {
        throw notFound(request);
      }
      return new SyncDropped(job, removed);
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "dropping the sync");
    }
  }

  private static SyncState.Job found(SyncState state, Connection tc, String job,
      SyncRequest request) {
    SyncState.@Nullable Job row;
    try {
      row = state.job(tc, job);
    } catch (SQLException noTable) {
      row = null;
    }
    if (row == null) {
      throw notFound(request);
    }
    return row;
  }

  private static FerryFailure notFound(SyncRequest request) {
    return FerryFailure.of("SYNC_NOT_FOUND", "no sync from '" + request.from() + "' to '"
        + request.to() + "' has run (nothing of it in either database); start one with ferry sync"
        + " --from " + request.from() + " --to " + request.to() + " --tables …");
  }
}
