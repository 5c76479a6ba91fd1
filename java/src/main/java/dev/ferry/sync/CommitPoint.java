package dev.ferry.sync;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How far a batch of Debezium records may be applied and committed: up to the last record whose
 * source offset a restart may resume after, and that offset.
 *
 * <p>Not every record's offset is such a place. Debezium sends an update that changes a row's
 * primary key as a delete of the old key (carrying the header {@value #SPLIT_DELETE}) and an
 * insert under the new one, and gives both the <em>same</em> offset, which says the whole row of
 * the log is done. A batch can end between the two; committing the delete with that offset would
 * make a restart skip the insert, and the row would be lost. So a batch ends before such a
 * delete: it is held back, unapplied, and applied with its insert in the next batch (together,
 * so the insert can also take values the log left out from the old row).
 *
 * @param through index of the last record to apply and mark processed; -1 for none
 * @param partition that record's source partition, or null when no record of the batch has one
 * @param offset that record's source offset, or null likewise
 */
record CommitPoint(int through, @Nullable Map<String, ?> partition, @Nullable Map<String, ?> offset) {
  /** The header Debezium puts on the delete half of a primary-key change (the new key). */
  static final String SPLIT_DELETE = "__debezium.newkey";

  /** Whether {@code r} is the delete half of a primary-key change, its insert still to come. */
  static boolean isSplitDelete(SourceRecord r) {
    return r.headers().lastWithName(SPLIT_DELETE) != null;
  }

  /** The commit point of {@code records}, in the order the engine delivered them. */
  static CommitPoint of(List<SourceRecord> records) {
    int pending = -1;
    Map<String, ?> partition = null;
    Map<String, ?> offset = null;
    for (int i = 0; i < records.size(); i++) {
      SourceRecord r = records.get(i);
      if (isSplitDelete(r)) {
        // Its create, with the same offset, is still to come.
        pending = pending < 0 ? i : pending;
      } else if (r.sourcePartition() != null && r.sourceOffset() != null) {
        pending = -1;
        partition = r.sourcePartition();
        offset = r.sourceOffset();
      }
    }
    return new CommitPoint(pending < 0 ? records.size() - 1 : pending - 1, partition, offset);
  }
}
