package dev.ferry.ddl;

import static java.util.Objects.requireNonNull;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What became of one piece of source SQL (a view's query, a CHECK condition, a column default)
 * for a target engine: its SQL there, or why it has none.
 *
 * <p>Plain data, so a migration lists the refused ones and goes on.
 *
 * @param kind what the source SQL turned out to be
 * @param sql the target's SQL; null for {@link Kind#IDENTITY} and {@link Kind#REFUSED}
 * @param reason why there is no SQL (naming the construct); null when there is
 */
public record Translation(Kind kind, @Nullable String sql, @Nullable String reason) {
  /** The kinds of translation, tagged so callers switch on them. */
  public enum Kind {
    /** A query, condition or expression default, translated. */
    SQL,
    /** A default that is the current date, time or timestamp, in the target's spelling. */
    CLOCK,
    /** A default that is a constant, casts removed, in the target's spelling. */
    LITERAL,
    /** A default drawn from a sequence: no default, the column is an identity. */
    IDENTITY,
    /** Not translated; {@link #reason} says which construct stopped it. */
    REFUSED
  }

  /** Translated SQL of {@code kind}. */
  static Translation of(Kind kind, String sql) {
    return new Translation(kind, requireNonNull(sql, "sql"), null);
  }

  /** A default that is no default: the column is an identity, fed by the sequence named. */
  static Translation identity(String reason) {
    return new Translation(Kind.IDENTITY, null, reason);
  }

  /** Not translated, because of {@code reason}. */
  static Translation refused(String reason) {
    return new Translation(Kind.REFUSED, null, reason);
  }

  /** Whether there is SQL to run on the target. */
  public boolean translated() {
    return sql != null;
  }
}
