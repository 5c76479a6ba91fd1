package dev.ferry.arrow;

/**
 * What one driver's result sets hand over more cheaply than through the getter JDBC types a
 * cell by: facts a dialect states about its own driver, used when a backup reads a table
 * through JDBC into Arrow vectors.
 *
 * <p>MariaDB's protocol is text: {@code getString} makes a String of a text cell's UTF-8
 * bytes, which the vector then encodes back to UTF-8, and {@code getObject(i, LocalDate.class)}
 * searches the driver's codecs and builds a LocalDate per date. Reading the bytes, and a
 * date's text, halved the driver's share of a TPC-H backup. Each fact is used only where the
 * value it gives is the one the typed getter gives; anything else still takes the typed way.
 *
 * @param textBytes {@code getBytes} of a text column gives the UTF-8 bytes {@code getString}
 *     decodes (it may refuse a column, which is then read with {@code getString})
 * @param isoDateText {@code getString} of a DATE column gives its {@code yyyy-MM-dd} text
 *     (text in any other form is read again with the typed getter)
 */
public record DriverCells(boolean textBytes, boolean isoDateText) {
  /** Every cell through the getter its JDBC type names: any driver, and Calcite. */
  public static final DriverCells TYPED = new DriverCells(false, false);
}
