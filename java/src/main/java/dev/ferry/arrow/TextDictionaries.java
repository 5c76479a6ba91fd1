package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The text columns a chunk file stores dictionary-encoded, and their encoding batch by batch.
 *
 * <p>A text column of few distinct values (a status, a category, a code) costs four bytes of
 * offsets per row, which zstd compresses poorly because every offset differs from the last: on
 * TPC-H's lineitem its four such columns took 76 MB of a 241 MB file. Stored as Arrow
 * dictionary-encoded fields (16-bit indices into a dictionary of the batch's distinct values,
 * the dictionary written again only when it changes) they take 8 MB. The choice is made once per
 * writer from its first batch: a column is encoded when that batch has at least
 * {@value #MIN_ROWS} rows and at most one distinct value per {@value #ROWS_PER_VALUE} rows; later
 * batches of any cardinality still fit, since an index covers a whole batch. The rows are read
 * (and hashed) as plain text; only what is written changes, and {@link DecodedBatch} turns it
 * back into plain text on reading.
 */
final class TextDictionaries implements AutoCloseable {
  /** Rows the first batch needs before any column is encoded. */
  static final int MIN_ROWS = 64;
  /** A column is encoded when its first batch has at most one distinct value per this many rows. */
  static final int ROWS_PER_VALUE = 4;

  private final VectorSchemaRoot wire;
  private final DictionaryProvider.MapDictionaryProvider provider;
  private final Encoded[] encoded;

  /** One encoded column: its plain vector, its index vector, its dictionary and lookup table. */
  private record Encoded(VarCharVector plain, BaseIntVector indices, VarCharVector dictionary,
      ValueTable table) {}

  private TextDictionaries(VectorSchemaRoot wire, DictionaryProvider.MapDictionaryProvider provider,
      Encoded[] encoded) {
    this.wire = wire;
    this.provider = provider;
    this.encoded = encoded;
  }

  /**
   * Chooses the columns of {@code plain} to encode from its current batch ({@code rows} rows),
   * for batches of at most {@code batchRows} rows; the vectors it adds come from
   * {@code allocator}. With no column chosen, {@link #root} is {@code plain} itself.
   */
  static TextDictionaries plan(VectorSchemaRoot plain, int rows, int batchRows,
      BufferAllocator allocator) {
    requireNonNull(plain, "plain");
    DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
    List<Encoded> encoded = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>(plain.getFieldVectors());
    ArrowType.Int indexType = new ArrowType.Int(batchRows <= Short.MAX_VALUE ? 16 : 32, true);
    for (int i = 0; i < vectors.size(); i++) {
      if (!(vectors.get(i) instanceof VarCharVector text) || !fewValues(text, rows)) {
        continue;
      }
      Field field = text.getField();
      DictionaryEncoding encoding = new DictionaryEncoding(i, false, indexType);
      FieldType indexField = new FieldType(field.isNullable(), indexType, encoding,
          field.getMetadata());
      BaseIntVector indices = (BaseIntVector) new Field(field.getName(), indexField, null)
          .createVector(allocator);
      VarCharVector dictionary = new VarCharVector(new Field(field.getName(),
          FieldType.notNullable(field.getType()), null), allocator);
      provider.put(new Dictionary(dictionary, encoding));
      encoded.add(new Encoded(text, indices, dictionary, new ValueTable()));
      vectors.set(i, (FieldVector) indices);
    }
    if (encoded.isEmpty()) {
      return new TextDictionaries(plain, provider, new Encoded[0]);
    }
    Map<String, String> meta = new HashMap<>(plain.getSchema().getCustomMetadata());
    meta.put(ChunkSchema.FORMAT, ChunkSchema.DICTIONARY_FORMAT_VERSION);
    List<Field> fields = new ArrayList<>(vectors.size());
    vectors.forEach(v -> fields.add(v.getField()));
    VectorSchemaRoot wire = new VectorSchemaRoot(new Schema(fields, meta), vectors, 0);
    return new TextDictionaries(wire, provider, encoded.toArray(new Encoded[0]));
  }

  /** Whether {@code v}'s first {@code rows} values hold at most one distinct per few rows. */
  private static boolean fewValues(VarCharVector v, int rows) {
    if (rows < MIN_ROWS) {
      return false;
    }
    int most = rows / ROWS_PER_VALUE;
    ValueTable seen = new ValueTable();
    for (int r = 0; r < rows; r++) {
      if (!v.isNull(r)) {
        seen.put(v, r);
        if (seen.size() > most) {
          return false;
        }
      }
    }
    return true;
  }

  /** The vectors written: the plain ones, with each encoded column's indices in its place. */
  VectorSchemaRoot root() {
    return wire;
  }

  /** The dictionaries the written fields refer to. */
  DictionaryProvider provider() {
    return provider;
  }

  /** Encodes the plain vectors' current {@code rows} rows into the written ones. */
  void encode(int rows) {
    for (Encoded e : encoded) {
      e.dictionary().reset();
      e.indices().reset();
      e.table().clear();
      VarCharVector plain = e.plain();
      for (int r = 0; r < rows; r++) {
        if (plain.isNull(r)) {
          ((FieldVector) e.indices()).setNull(r);
          continue;
        }
        int known = e.table().size();
        int k = e.table().put(plain, r);
        if (k == known) {
          e.dictionary().copyFromSafe(r, k, plain);
        }
        setIndex(e.indices(), r, k);
      }
      e.dictionary().setValueCount(e.table().size());
    }
    if (encoded.length > 0) {
      wire.setRowCount(rows);
    }
  }

  private static void setIndex(BaseIntVector indices, int row, int value) {
    if (indices instanceof SmallIntVector s) {
      s.setSafe(row, value);
    } else {
      ((IntVector) indices).setSafe(row, value);
    }
  }

  /** Frees the index and dictionary vectors (the plain ones belong to the caller). */
  @Override public void close() {
    for (Encoded e : encoded) {
      ((FieldVector) e.indices()).close();
      e.dictionary().close();
    }
  }

  /**
   * An open-addressing table from a text value to its dictionary index, holding for each index
   * the row of the plain vector it was first seen on.
   */
  private static final class ValueTable {
    private int[] slots = new int[64];
    private int[] rowOf = new int[32];
    private int[] hashOf = new int[32];
    private int size;

    ValueTable() {
      Arrays.fill(slots, -1);
    }

    int size() {
      return size;
    }

    void clear() {
      Arrays.fill(slots, -1);
      size = 0;
    }

    /**
     * The index of row {@code r}'s value of {@code v}: the index it was given when first seen,
     * or {@link #size} before the call when it is new (and added now).
     */
    int put(VarCharVector v, int r) {
      ArrowBuf data = v.getDataBuffer();
      long start = v.getStartOffset(r);
      long end = v.getStartOffset(r + 1);
      int hash = ByteFunctionHelpers.hash(data, start, end);
      int mask = slots.length - 1;
      int s = hash & mask;
      for (; slots[s] >= 0; s = (s + 1) & mask) {
        int k = slots[s];
        int other = rowOf[k];
        if (hashOf[k] == hash && ByteFunctionHelpers.equal(data, start, end, data,
            v.getStartOffset(other), v.getStartOffset(other + 1)) == 1) {
          return k;
        }
      }
      if (size == rowOf.length) {
        rowOf = Arrays.copyOf(rowOf, size * 2);
        hashOf = Arrays.copyOf(hashOf, size * 2);
      }
      rowOf[size] = r;
      hashOf[size] = hash;
      slots[s] = size;
      size++;
      if (size * 2 > slots.length) {
        grow();
      }
      return size - 1;
    }

    private void place(int k, int hash) {
      int mask = slots.length - 1;
      int s = hash & mask;
      while (slots[s] >= 0) {
        s = (s + 1) & mask;
      }
      slots[s] = k;
    }

    private void grow() {
      slots = new int[slots.length * 2];
      Arrays.fill(slots, -1);
      for (int k = 0; k < size; k++) {
        place(k, hashOf[k]);
      }
    }
  }
}
