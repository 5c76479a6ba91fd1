package dev.ferry.ddl;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a foreign key does when a referenced row is deleted or its key updated.
 *
 * <p>The catalog reports these as SQL words ({@code Snapshot.ForeignKey.onDelete}); a target
 * engine writes the ones its {@link Ddl#referentialActions()} include.
 */
public enum ReferentialAction {
  /** Refuse the change at the end of the statement (the SQL default, never written). */
  NO_ACTION("NO ACTION"),
  /** Refuse the change at once. */
  RESTRICT("RESTRICT"),
  /** Delete or update the referencing rows too. */
  CASCADE("CASCADE"),
  /** Set the referencing columns to NULL. */
  SET_NULL("SET NULL"),
  /** Set the referencing columns to their defaults. */
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** The action in SQL words, as written after {@code ON DELETE}. */
  public String sql() {
    return sql;
  }

  /**
   * Whether the action changes the referencing rows: an application that deletes a parent
   * relies on it, so losing it changes what the application does.
   */
  public boolean changesRows() {
    return this == CASCADE || this == SET_NULL || this == SET_DEFAULT;
  }

  /** The action named by {@code words} as a catalog reports it; NO ACTION when null or unknown. */
  public static ReferentialAction of(@Nullable String words) {
    if (words != null) {
      String w = words.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
      for (ReferentialAction a : values()) {
        if (a.sql.equals(w)) {
          return a;
        }
      }
    }
    return NO_ACTION;
  }
}
