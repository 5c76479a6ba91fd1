package dev.ferry.sync;

import dev.ferry.checksum.CellKind;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.error.FerryFailure;
import dev.ferry.sink.TargetColumns;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Bit strings in change events, and what a target column takes of them: the value
 * {@code ferry copy} writes there, so that a table's initial copy and its streamed changes agree
 * (and {@code ferry verify} finds them equal).
 *
 * <p>A bit string arrives as the reading Ferry gives it on its source. Debezium's
 * {@code io.debezium.data.Bits} (MariaDB's BIT(n), n > 1: the bits' bytes, little-endian) is
 * the unsigned integer the bits make, which copy writes into BIGINT, NUMERIC(20, 0) or BIT(n). A
 * field named {@link ChangeCapture#BIT_TEXT} (PostgreSQL's bit(n), n > 1, and varbit) is its
 * text of 0s and 1s, which copy writes into bit(n), varbit(n) or VARCHAR(n). BIT(1) and bit(1)
 * arrive as booleans, as Ferry reads them, and are not bit strings here.
 *
 * <p>The target column's reading ({@link CellKind}, from its dialect) decides what it gets. A
 * column that would read back something else (a bit string's text in a number, an integer in a
 * column of 0s and 1s, a value wider than the column) is refused with the table and column
 * named: never a silently different value.
 */
final class ChangeBits {
  /** The semantic name of Debezium's bit strings: little-endian bytes, {@code length} bits. */
  static final String DEBEZIUM_BITS = "io.debezium.data.Bits";

  private ChangeBits() {}

  /** A bit string read as the unsigned integer its bits make ({@code b'11111'} is 31). */
  record Unsigned(BigInteger value) {}

  /** A bit string read as its text of 0s and 1s ({@code '00101'}: leading zeros count). */
  record Text(String value) {}

  /**
   * The unsigned integer of Debezium's little-endian bit bytes: the first byte holds bits 0 to 7
   * ({@code {0x1f}} is 31, {@code {0x00, 0x01}} is 256); padding zero bytes at the end change
   * nothing, and eight 0xff bytes are 18446744073709551615, not -1.
   */
  static Unsigned littleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new Unsigned(new BigInteger(1, bigEndian));
  }

  /**
   * {@code bits} as the target column of reading {@code kind} takes it; {@code table} names the
   * source table for a refusal ({@code COPY_VALUE_REJECTED}, as for any value the target cannot
   * hold).
   */
  static Object forTarget(Object bits, TargetColumns.Column target, CellKind kind, String table) {
    Object v = bits instanceof Unsigned n ? number(n.value(), target, kind)
        : bits instanceof Text t ? text(t.value(), kind) : null;
    if (v == null) {
      throw refused(bits, target, table);
    }
    return v;
  }

  /** What copy writes of MariaDB's BIT(n) there; null when the column reads something else. */
  private static @Nullable Object number(BigInteger n, TargetColumns.Column target, CellKind kind) {
    boolean longs = n.bitLength() <= 63;
    switch (kind) {
      case INTEGER:
        return longs ? n.longValue() : null;
      case DECIMAL:
        return new BigDecimal(n);
      case BIT_INTEGER:
        if (target.size() > 0 && n.bitLength() > target.size()) {
          return null;
        }
        return longs ? (Object) n.longValue() : new BigDecimal(n);
      case BOOLEAN:
        // A boolean reads back 0 or 1: only those two are the same value.
        return n.signum() == 0 ? Boolean.FALSE : n.equals(BigInteger.ONE) ? Boolean.TRUE : null;
      case TEXT: case CHAR:
        // Its decimal text, as copy writes it; a bit string column would take the digits as bits.
        return target.jdbcType() == Types.BIT ? null : n.toString();
      default:
        return null;
    }
  }

  /** What copy writes of PostgreSQL's bit string there; null when the column reads something else. */
  private static @Nullable Object text(String s, CellKind kind) {
    return switch (kind) {
      // bit(n) and varbit(n) (reported as OTHER by some drivers), VARCHAR(n), text.
      case TEXT, CHAR, OTHER -> s;
      default -> null;
    };
  }

  private static FerryFailure refused(Object bits, TargetColumns.Column target, String table) {
    String reading = bits instanceof Unsigned n ? "the unsigned integer " + n.value()
        : bits instanceof Text t ? "the bit string '" + t.value() + "'" : String.valueOf(bits);
    return FerryFailure.of("COPY_VALUE_REJECTED", "ferry sync cannot apply " + table + "."
            + target.name() + " exactly: the source's bit string reads as " + reading + ", which"
            + " the target column (" + target.typeName() + (target.size() > 0 ? "(" + target.size()
            + ")" : "") + ") would not hold as that value. Nothing of this batch was applied; the"
            + " position stays. Give the column the type ferry copy --create makes (drop the"
            + " target table and run ferry sync with --create), then run ferry sync again")
        .with("table", table).with("column", target.name());
  }
}
