package dev.ferry.types;

import dev.ferry.message.Wire;

import java.util.Locale;

/**
 * The families schema comparison groups types into: a change within a family (INTEGER to
 * BIGINT, VARCHAR(40) to VARCHAR(20)) is judged by size, a change across families by whether the
 * values convert.
 */
public enum TypeFamily implements Wire {
  INTEGER, DECIMAL, FLOAT, BOOLEAN, CHAR, BINARY, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, OTHER;

  @Override public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The family a snapshot names, as Node or an older Ferry wrote it; OTHER when unknown. */
  public static TypeFamily of(String word) {
    for (TypeFamily f : values()) {
      if (f.wire().equals(word)) {
        return f;
      }
    }
    return OTHER;
  }
}
