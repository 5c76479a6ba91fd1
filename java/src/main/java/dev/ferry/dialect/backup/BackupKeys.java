package dev.ferry.dialect.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.types.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link DatabaseMetaData#getPrimaryKeys} of a backup table answered from its manifest, which
 * records each table's key: Calcite's metadata knows no keys, so without this a verification
 * against a backup treated every table as keyless (one chunk, no differing row named).
 */
final class BackupKeys {
  private static final String[] LABELS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
      "KEY_SEQ", "PK_NAME"};

  private BackupKeys() {}

  /** The key columns of {@code table} (none when the backup has no such table or key). */
  static ResultSet of(Archive archive, @Nullable String catalog, @Nullable String schema,
      String table) {
    Manifest.TableData data = archive.table(table);
    List<String> key = data == null ? List.of() : data.key();
    String name = data == null ? table : data.name();
    List<FieldVector> vectors = new ArrayList<>();
    List<ColumnSpec> specs = new ArrayList<>();
    for (String label : LABELS) {
      boolean seq = label.equals("KEY_SEQ");
      specs.add(seq ? new ColumnSpec(label, Types.SMALLINT, "SMALLINT", 5, 0, false)
          : new ColumnSpec(label, Types.VARCHAR, "VARCHAR", 128, 0, true));
      vectors.add(seq ? new IntVector(label, BackupRows.ALLOCATOR)
          : new VarCharVector(label, BackupRows.ALLOCATOR));
    }
    for (FieldVector v : vectors) {
      v.setInitialCapacity(Math.max(1, key.size()));
      v.allocateNew();
    }
    for (int i = 0; i < key.size(); i++) {
      String[] texts = {catalog, schema, name, key.get(i), null, name + "_pkey"};
      for (int c = 0; c < LABELS.length; c++) {
        FieldVector v = vectors.get(c);
        if (v instanceof IntVector seq) {
          seq.setSafe(i, i + 1);
        } else if (texts[c] == null) {
          v.setNull(i);
        } else {
          ((VarCharVector) v).setSafe(i, texts[c].getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return BackupCounts.answer(vectors, specs, key.size(),
        "reading the key of " + table + " from the backup's manifest");
  }
}
