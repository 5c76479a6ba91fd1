package dev.ferry.types;

/**
 * Implemented by the Calcite SQL dialect of an engine whose string comparisons, groupings and
 * orderings can differ from comparing characters (MariaDB's case-insensitive collations,
 * SQLite's NOCASE columns): Ferry marks those strings {@link ExactText} in what it pushes there,
 * and the dialect writes the mark as a binary collation (or, for an engine that compares CHAR(n)
 * with a string by the string's own length, as a CHAR cast). Other engines get no marks.
 */
public interface ExactTextDialect {
  /**
   * Whether the engine may sort or group strings other than by their characters, so the string
   * keys of a pushed ORDER BY, GROUP BY, DISTINCT, MIN or MAX are marked too (true by default).
   */
  default boolean marksOrder() {
    return true;
  }
}
