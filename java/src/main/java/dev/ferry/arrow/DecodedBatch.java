package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The batches of a chunk file as plain vectors: each dictionary-encoded text column (written by
 * {@link TextDictionaries}) decoded into text after every batch is read, the other columns the
 * reader's own vectors. For a file without dictionaries it is the reader's root unchanged.
 */
final class DecodedBatch implements AutoCloseable {
  private final VectorSchemaRoot read;
  private final VectorSchemaRoot plain;
  private final DictionaryProvider dictionaries;
  private final List<Decoded> decoded;

  /** One encoded column: the indices as read, the text they decode into, its dictionary id. */
  private record Decoded(BaseIntVector indices, VarCharVector text, long id) {}

  private DecodedBatch(VectorSchemaRoot read, VectorSchemaRoot plain,
      DictionaryProvider dictionaries, List<Decoded> decoded) {
    this.read = read;
    this.plain = plain;
    this.dictionaries = dictionaries;
    this.decoded = decoded;
  }

  /**
   * The plain view of {@code read}, whose dictionary-encoded fields look their dictionaries up
   * in {@code dictionaries}; decoded text vectors come from {@code allocator}.
   *
   * @throws IllegalArgumentException when an encoded field is not text
   */
  static DecodedBatch of(VectorSchemaRoot read, DictionaryProvider dictionaries,
      BufferAllocator allocator) {
    requireNonNull(read, "read");
    requireNonNull(dictionaries, "dictionaries");
    List<FieldVector> vectors = new ArrayList<>(read.getFieldVectors());
    List<Decoded> decoded = new ArrayList<>();
    try {
      for (int i = 0; i < vectors.size(); i++) {
        FieldVector v = vectors.get(i);
        DictionaryEncoding encoding = v.getField().getDictionary();
        if (encoding == null) {
          continue;
        }
        Dictionary dictionary = dictionaries.lookup(encoding.getId());
        if (!(v instanceof BaseIntVector indices) || dictionary == null
            || !(dictionary.getVector() instanceof VarCharVector)) {
          throw new IllegalArgumentException("column " + v.getName() + " is dictionary-encoded"
              + " but not as text with integer indices; this Ferry reads no other encoding");
        }
        Field f = v.getField();
        VarCharVector text = new VarCharVector(new Field(f.getName(), new FieldType(
            f.isNullable(), dictionary.getVectorType(), null, f.getMetadata()), null), allocator);
        decoded.add(new Decoded(indices, text, encoding.getId()));
        vectors.set(i, text);
      }
    } catch (RuntimeException e) {
      decoded.forEach(d -> d.text().close());
      throw e;
    }
    if (decoded.isEmpty()) {
      return new DecodedBatch(read, read, dictionaries, List.of());
    }
    List<Field> fields = new ArrayList<>(vectors.size());
    vectors.forEach(v -> fields.add(v.getField()));
    VectorSchemaRoot plain = new VectorSchemaRoot(
        new Schema(fields, read.getSchema().getCustomMetadata()), vectors, 0);
    return new DecodedBatch(read, plain, dictionaries, List.copyOf(decoded));
  }

  /** The plain vectors, the same object for every batch. */
  VectorSchemaRoot root() {
    return plain;
  }

  /**
   * Decodes the batch the reader has just loaded into the plain vectors; returns its rows.
   *
   * @throws IllegalStateException when an index points outside its dictionary
   */
  int decode() {
    int rows = read.getRowCount();
    if (decoded.isEmpty()) {
      return rows;
    }
    for (Decoded d : decoded) {
      VarCharVector dictionary = (VarCharVector) dictionaries.lookup(d.id()).getVector();
      int size = dictionary.getValueCount();
      VarCharVector text = d.text();
      FieldVector indices = (FieldVector) d.indices();
      text.reset();
      for (int r = 0; r < rows; r++) {
        if (indices.isNull(r)) {
          text.setNull(r);
          continue;
        }
        long k = d.indices().getValueAsLong(r);
        if (k < 0 || k >= size) {
          throw new IllegalStateException("row " + r + " of column " + text.getName()
              + " refers to entry " + k + " of a dictionary of " + size);
        }
        text.copyFromSafe((int) k, r, dictionary);
      }
    }
    plain.setRowCount(rows);
    return rows;
  }

  /** Frees the decoded text vectors (the reader's own vectors are the reader's). */
  @Override public void close() {
    decoded.forEach(d -> d.text().close());
  }
}
