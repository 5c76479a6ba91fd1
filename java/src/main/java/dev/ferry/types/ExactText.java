package dev.ferry.types;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Marks the right-hand operand of a string comparison pushed into a database: Ferry compares
 * strings by their characters, case included, so an engine whose comparisons follow a
 * case-insensitive collation (MariaDB's default, SQLite's NOCASE columns) writes the operand
 * with a binary collation.
 *
 * <p>It prints as its operand (cast to CHAR for {@link #PADDED}) unless the engine's SQL dialect
 * writes it otherwise. {@link #PADDED} marks a comparison
 * that involves CHAR(n), where trailing spaces do not count (SQL's PAD SPACE), and carries as a
 * second operand the length both sides are compared at; {@link #EXACT} one between VARCHARs,
 * where they do.
 */
public final class ExactText extends SqlFunction {
  /** A comparison involving CHAR(n): trailing spaces are ignored. */
  public static final ExactText PADDED = new ExactText("FERRY_TEXT_PADDED", true);
  /** A comparison between variable-length strings: every character counts. */
  public static final ExactText EXACT = new ExactText("FERRY_TEXT_EXACT", false);

  private final boolean padSpace;

  private ExactText(String name, boolean padSpace) {
    super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, InferTypes.RETURN_TYPE, OperandTypes.VARIADIC,
        SqlFunctionCategory.SYSTEM);
    this.padSpace = padSpace;
  }

  /** Whether trailing spaces are ignored in the marked comparison. */
  public boolean padSpace() {
    return padSpace;
  }

  /** The marker of {@code call}, or null when it is not a marked operand. */
  public static @Nullable ExactText of(@Nullable Object node) {
    return node instanceof SqlCall c && c.getOperator() instanceof ExactText t ? t : null;
  }

  /**
   * The length a {@link #PADDED} comparison pads both sides to (the longer of the two declared
   * lengths), or -1 when the call does not say.
   */
  public static int padLength(SqlCall call) {
    return call.operandCount() > 1 && call.operand(1) instanceof SqlLiteral l
        ? l.intValue(true) : -1;
  }

  /**
   * Writes the operand alone, or, for a {@link #PADDED} comparison that carries a length, the
   * operand cast to CHAR of that length: engines that compare strings by their characters need
   * no more, and PostgreSQL and H2 then compare CHAR(n) with it ignoring trailing spaces (they
   * compare a CHAR column with a VARCHAR value, which Calcite makes of every literal, by the
   * value's own length).
   */
  @Override public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    int length = padSpace ? padLength(call) : -1;
    if (length <= 0) {
      call.operand(0).unparse(writer, leftPrec, rightPrec);
      return;
    }
    SqlWriter.Frame cast = writer.startFunCall("CAST");
    call.operand(0).unparse(writer, 0, 0);
    writer.sep("AS");
    writer.keyword("CHAR(" + length + ")");
    writer.endFunCall(cast);
  }
}
