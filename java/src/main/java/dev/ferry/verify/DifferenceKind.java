package dev.ferry.verify;

import dev.ferry.message.Wire;

import java.util.Locale;

/** How a key differs between source and target. */
public enum DifferenceKind implements Wire {
  /** In the source, not in the target. */
  MISSING,
  /** In the target, not in the source. */
  EXTRA,
  /** On both sides, with different rows. */
  CHANGED;

  @Override public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
