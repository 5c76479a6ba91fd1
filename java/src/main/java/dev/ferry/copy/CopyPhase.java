package dev.ferry.copy;

import dev.ferry.message.Wire;

import java.util.Locale;

/** Where a table copy stands, as its progress reports it. */
public enum CopyPhase implements Wire {
  PLANNING, PLANNED, PREPARING, COPYING, INDEXING, DONE, FAILED, CANCELLED;

  @Override public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
