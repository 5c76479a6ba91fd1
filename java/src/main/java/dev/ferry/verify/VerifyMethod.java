package dev.ferry.verify;

import dev.ferry.message.Wire;

/** How a verification compared the two sides of a table. */
public enum VerifyMethod implements Wire {
  /** Both sides the same engine with a hash function: chunk sums computed in each database. */
  CHECKSUM_IN_DATABASE("checksum-in-database"),
  /** Rows streamed from both sides and hashed in the JVM from one canonical text. */
  CHECKSUM_IN_JVM("checksum-in-jvm"),
  /** Like {@link #CHECKSUM_IN_JVM}, for a side whose cells carry no declared type (SQLite). */
  ROWS("rows");

  private final String word;

  VerifyMethod(String word) {
    this.word = word;
  }

  @Override public String wire() {
    return word;
  }
}
