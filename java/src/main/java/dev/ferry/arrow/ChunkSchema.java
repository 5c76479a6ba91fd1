package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import dev.ferry.types.ColumnSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The column specs of a chunk file, kept in its Arrow schema's metadata.
 *
 * <p>A restore rebuilds the exact {@link ColumnSpec} list from the file alone: the Arrow type
 * cannot say it (a DECIMAL wider than 38 digits and a UUID are both text, an INTEGER and a
 * SERIAL both 32-bit), and the sinks pick their readers and target types by the spec.
 */
public final class ChunkSchema {
  /** Field metadata key holding the column's {@code java.sql.Types} code. */
  public static final String JDBC_TYPE = "ferry.jdbcType";
  /** Field metadata key holding the column's precision. */
  public static final String PRECISION = "ferry.precision";
  /** Field metadata key holding the column's scale. */
  public static final String SCALE = "ferry.scale";
  /** Schema metadata key holding the chunk format's version. */
  public static final String FORMAT = "ferry.chunkFormat";
  /** The chunk format of a file whose columns are all stored plain. */
  public static final String FORMAT_VERSION = "1";
  /**
   * The chunk format of a file with dictionary-encoded text columns ({@link TextDictionaries}):
   * format 1 plus Arrow dictionary fields, which a Ferry that reads only format 1 refuses.
   */
  public static final String DICTIONARY_FORMAT_VERSION = "2";

  private ChunkSchema() {}

  /** The metadata of the field for {@code spec}: its type name, JDBC type, precision, scale. */
  static Map<String, String> fieldMetadata(ColumnSpec spec) {
    return Map.of(ArrowChunks.SQL_TYPE, spec.typeName(),
        JDBC_TYPE, Integer.toString(spec.jdbcType()),
        PRECISION, Integer.toString(spec.precision()),
        SCALE, Integer.toString(spec.scale()));
  }

  /** The metadata of a chunk file's schema. */
  static Map<String, String> schemaMetadata() {
    return Map.of(FORMAT, FORMAT_VERSION);
  }

  /** The columns of a chunk file of {@code specs}, read the way {@code cells} says. */
  static ArrowColumn[] columns(List<ColumnSpec> specs, DriverCells cells) {
    ArrowColumn[] out = new ArrowColumn[specs.size()];
    for (int i = 0; i < out.length; i++) {
      ColumnSpec spec = specs.get(i);
      out[i] = ArrowColumn.of(spec, i + 1, fieldMetadata(spec), cells);
    }
    return out;
  }

  /** The schema of a chunk file with {@code columns}. */
  static Schema of(ArrowColumn[] columns) {
    List<Field> fields = new ArrayList<>(columns.length);
    for (ArrowColumn c : columns) {
      fields.add(c.field);
    }
    return new Schema(fields, schemaMetadata());
  }

  /**
   * The column specs a chunk file was written with, from its schema alone: labels are the
   * field names, nullability the fields'.
   *
   * @throws IllegalArgumentException when the schema is not a chunk file's, or a newer one's
   */
  public static List<ColumnSpec> specsOf(Schema schema) {
    requireNonNull(schema, "schema");
    Map<String, String> schemaMeta = schema.getCustomMetadata();
    String format = schemaMeta == null ? null : schemaMeta.get(FORMAT);
    if (format == null) {
      throw new IllegalArgumentException("not a Ferry chunk file: its schema has no " + FORMAT);
    }
    if (!format.equals(FORMAT_VERSION) && !format.equals(DICTIONARY_FORMAT_VERSION)) {
      throw new IllegalArgumentException("chunk format " + format + " is not one this Ferry reads ("
          + FORMAT_VERSION + " or " + DICTIONARY_FORMAT_VERSION
          + "); restore with the Ferry that wrote the backup or a newer one");
    }
    List<ColumnSpec> out = new ArrayList<>(schema.getFields().size());
    for (Field f : schema.getFields()) {
      Map<String, String> meta = f.getMetadata() == null ? Map.of() : f.getMetadata();
      out.add(new ColumnSpec(f.getName(), number(f, meta, JDBC_TYPE),
          value(f, meta, ArrowChunks.SQL_TYPE), number(f, meta, PRECISION),
          number(f, meta, SCALE), f.isNullable()));
    }
    return out;
  }

  private static String value(Field f, Map<String, String> meta, String key) {
    String v = meta.get(key);
    if (v == null) {
      throw new IllegalArgumentException("not a Ferry chunk file: field " + f.getName()
          + " has no " + key);
    }
    return v;
  }

  private static int number(Field f, Map<String, String> meta, String key) {
    String v = value(f, meta, key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field " + f.getName() + " has " + key + " '" + v
          + "', not a number", e);
    }
  }
}
