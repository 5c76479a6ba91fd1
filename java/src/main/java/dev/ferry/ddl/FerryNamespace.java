package dev.ferry.ddl;

import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Ferry's own namespace in a target, for its bookkeeping (a migration's or a copy's checkpoints,
 * a sync's position), so that none of it clutters the user's schema where the engine has
 * namespaces.
 */
public final class FerryNamespace {
  /** Its name. */
  public static final String NAME = "ferry";
  /** The table of a copy's or a migration's checkpoints. */
  public static final String CHECKPOINTS = "ferry_checkpoint";
  /** The table of a sync's position and tables. */
  public static final String SYNC = "ferry_sync";

  private FerryNamespace() {}

  /**
   * Whether {@code table} is one of Ferry's own, which inspection never shows: beside the user's
   * tables where the target has no namespace for Ferry, they are no part of the user's schema.
   */
  public static boolean isBookkeeping(String table) {
    return table.equalsIgnoreCase(CHECKPOINTS) || table.equalsIgnoreCase(SYNC);
  }

  /** Whether the engine {@code ddl} speaks for has namespaces, so that Ferry may keep one. */
  public static boolean possible(Ddl ddl, SqlDialect q) {
    return ddl.createNamespace(q, NAME) != null;
  }

  /**
   * Creates namespace {@code name} on {@code c} when missing, with {@code ddl}'s statement; its
   * name, or null where the engine has none or the user may not create one (the bookkeeping then
   * goes beside the user's tables).
   */
  public static @Nullable String ensure(Connection c, Ddl ddl, SqlDialect q, String name) {
    try {
      return create(c, ddl, q, name) ? name : null;
    } catch (SQLException refused) {
      return null;
    }
  }

  /**
   * Creates namespace {@code name} on {@code c} when missing, committing when {@code c} is in a
   * transaction; false where the engine has no namespaces.
   *
   * @throws SQLException the engine's refusal (no right to create one, say)
   */
  public static boolean create(Connection c, Ddl ddl, SqlDialect q, String name)
      throws SQLException {
    String create = ddl.createNamespace(q, name);
    if (create == null) {
      return false;
    }
    // Committed at once where c is in a transaction, so the copy's own work is not held up.
    boolean commit = !c.getAutoCommit();
    try {
      Jdbc.execute(c, create, commit);
    } catch (SQLException first) {
      // Two copies creating it at once: one loses PostgreSQL's race on the catalog (a duplicate
      // key), and the namespace exists by the time it asks again.
      Jdbc.execute(c, create, commit);
    }
    return true;
  }
}
