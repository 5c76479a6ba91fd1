package dev.ferry.copy;

import dev.ferry.message.Wire;

import java.util.Locale;

/** How rows arrive in a target table that may already hold some. */
public enum CopyMode implements Wire {
  /** Insert every source row; a key the target already holds fails the chunk. */
  APPEND,
  /** Empty the target table first (in the transaction that marks the copy started). */
  REPLACE,
  /** Merge rows into the target by primary key. */
  UPSERT,
  /** Merge the rows past the last watermark value synced, and remember the new one. */
  INCREMENTAL;

  @Override public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether rows are merged by key rather than inserted. */
  public boolean merges() {
    return this == UPSERT || this == INCREMENTAL;
  }
}
