package dev.ferry.ddl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Ferry's own namespace in a target, for its bookkeeping (a migration's checkpoints, a sync's
 * position), so that none of it clutters the user's schema where the engine has namespaces.
 */
public final class FerryNamespace {
  /** Its name. */
  public static final String NAME = "ferry";

  private FerryNamespace() {}

  /**
   * Creates namespace {@code name} on {@code c} when missing, with {@code ddl}'s statement; its
   * name, or null where the engine has none or the user may not create one (the bookkeeping then
   * goes beside the user's tables).
   */
  public static @Nullable String ensure(Connection c, Ddl ddl, SqlDialect q, String name) {
    String create = ddl.createNamespace(q, name);
    if (create == null) {
      return null;
    }
    try (Statement st = c.createStatement()) {
      st.execute(create);
      return name;
    } catch (SQLException refused) {
      return null;
    }
  }
}
