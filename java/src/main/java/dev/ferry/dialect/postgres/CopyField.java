package dev.ferry.dialect.postgres;

import org.apache.arrow.vector.FieldVector;

/**
 * One chunk-file column written into a {@code COPY … FROM STDIN} stream straight from its Arrow
 * vector: as text ({@link ArrowCopyFields}) or in binary ({@link ArrowBinaryFields}). The loader
 * writes nulls and the separators of its format.
 */
abstract class CopyField {
  /** The vector the current batch's values are read from. */
  final FieldVector vector;

  CopyField(FieldVector vector) {
    this.vector = vector;
  }

  /** Writes row {@code row} (not null) of the current batch. */
  abstract void write(int row, CopyTextBuffer out);
}
