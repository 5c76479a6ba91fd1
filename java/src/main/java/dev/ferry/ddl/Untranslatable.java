package dev.ferry.ddl;

/**
 * Thrown inside a translation when a construct has no translation; {@link SqlTranslator} turns
 * it into a refused {@link Translation} and never lets it out.
 */
public final class Untranslatable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Names the construct that cannot be translated. */
  public Untranslatable(String reason) {
    super(reason, null, false, false);
  }
}
