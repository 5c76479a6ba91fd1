package dev.ferry.sink;

/**
 * What one engine's columns hold, so that {@link TargetColumns} can name a value the target
 * would refuse or change before it is sent.
 *
 * @param enforced whether declared lengths and precisions are enforced at all (SQLite's are not)
 * @param utf16Lengths whether character lengths count UTF-16 units (H2) rather than code points
 * @param minYear the earliest year its dates and timestamps hold
 * @param maxYear the latest year they hold
 * @param finiteFloats whether its floating-point columns refuse Infinity and NaN (MariaDB's do)
 */
public record ValueLimits(boolean enforced, boolean utf16Lengths, int minYear, int maxYear,
    boolean finiteFloats) {
  /** Lengths and precisions checked in code points, years not checked, any float accepted. */
  public static final ValueLimits CHECKED =
      new ValueLimits(true, false, Integer.MIN_VALUE, Integer.MAX_VALUE, false);
  /** Nothing checked: the engine keeps whatever it is given. */
  public static final ValueLimits UNCHECKED =
      new ValueLimits(false, false, Integer.MIN_VALUE, Integer.MAX_VALUE, false);

  /** These limits with dates and timestamps restricted to {@code min..max}. */
  public ValueLimits years(int min, int max) {
    return new ValueLimits(enforced, utf16Lengths, min, max, finiteFloats);
  }

  /** These limits with floating-point columns refusing Infinity and NaN. */
  public ValueLimits finiteFloatsOnly() {
    return new ValueLimits(enforced, utf16Lengths, minYear, maxYear, true);
  }
}
