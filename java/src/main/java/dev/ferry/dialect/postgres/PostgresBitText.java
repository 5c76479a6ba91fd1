package dev.ferry.dialect.postgres;

import dev.ferry.dialect.ChangeCapture;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PGobject;

/**
 * A Debezium converter that carries PostgreSQL's bit strings ({@code bit(n)} with n > 1 and
 * every {@code varbit}) as their text of 0s and 1s, the value {@code ferry copy} writes.
 *
 * <p>Debezium turns them into {@code io.debezium.data.Bits}: the bits' bytes, little-endian,
 * without leading zeros, so {@code B'0010'} and {@code B'10'} of a {@code varbit} arrive alike
 * and cannot be told apart. {@code pgoutput} hands the connector the text, and this converter
 * keeps it, under the schema name {@link ChangeCapture#BIT_TEXT}. {@code bit(1)} stays the
 * boolean Debezium makes of it, as Ferry reads it. Registered by {@link PostgresCdcProperties}.
 */
public final class PostgresBitText implements CustomConverter<SchemaBuilder, RelationalColumn> {
  /** Nothing to configure. */
  @Override public void configure(Properties props) {
    // No settings: every bit string column of the captured tables is converted.
  }

  /** Registers the text conversion for a bit string column; other columns keep Debezium's. */
  @Override public void converterFor(RelationalColumn column,
      ConverterRegistration<SchemaBuilder> registration) {
    if (!bitString(column.typeName(), column.length().orElse(0))) {
      return;
    }
    SchemaBuilder schema = SchemaBuilder.string().name(ChangeCapture.BIT_TEXT);
    if (column.isOptional()) {
      schema.optional();
    }
    registration.register(schema, PostgresBitText::text);
  }

  /**
   * Whether a column of type {@code typeName} and length {@code length} is a bit string Ferry
   * reads as text: {@code bit(n)} with n > 1, and {@code varbit} of any length (one of one bit
   * still tells {@code B''} from {@code B'0'}).
   */
  static boolean bitString(String typeName, int length) {
    String n = typeName.toLowerCase(Locale.ROOT);
    return n.equals("varbit") || n.equals("bit varying") || (n.equals("bit") && length > 1);
  }

  /** The text of a value as the connector hands it (pgoutput: a String; JDBC: a PGobject). */
  static @Nullable Object text(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    return v instanceof PGobject p ? p.getValue() : v.toString();
  }
}
