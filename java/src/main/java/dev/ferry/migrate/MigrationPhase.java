package dev.ferry.migrate;

import dev.ferry.message.Wire;

import java.util.Locale;

/** The structure phases of a migration, in the order they run; the load runs between TABLES and CONSTRAINTS. */
public enum MigrationPhase implements Wire {
  /** Ferry's own namespace for checkpoints, and enumerated types the tables use. */
  TYPES,
  /** The tables, with their columns, defaults, identity, CHECK constraints and comments. */
  TABLES,
  /** Secondary indexes and unique keys (after the load: building them once is faster). */
  CONSTRAINTS,
  /** Foreign keys (after the load, so load order and parallelism do not matter). */
  FOREIGN_KEYS,
  /** Identity, sequence and AUTO_INCREMENT counters set past the copied ids. */
  IDENTITIES,
  /** Views, translated to the target's SQL. */
  VIEWS,
  /** Ferry's checkpoints of this migration removed. */
  CLEANUP;

  @Override public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
