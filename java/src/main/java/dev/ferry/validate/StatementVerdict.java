package dev.ferry.validate;

import dev.ferry.error.Secrets;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's verdict on one statement of the application's SQL.
 *
 * @param valid whether it parses and validates
 * @param message why not, or null
 * @param line where the problem is, relative to the statement (1-based), or null
 * @param column likewise
 * @param tables each name or alias the statement uses → its table; null when it does not parse
 */
public record StatementVerdict(boolean valid, @Nullable String message, @Nullable Integer line,
    @Nullable Integer column, @Nullable Map<String, String> tables) {

  /** A verdict whose message never repeats a secret (it may quote a driver's). */
  public StatementVerdict {
    message = Secrets.scrub(message);
  }
}
