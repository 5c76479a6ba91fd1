package dev.ferry.verify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@link LoadChecksums} of the tables loaded in this session, kept from the end of a table's
 * load until its verification takes them.
 *
 * <p>One per engine session: the copy that took the sums and the verification after it run in
 * the same JVM. A table loaded again replaces its earlier sums; taking them removes them, so a
 * later verification of the same table reads both sides again.
 */
public final class LoadChecksumStore {
  private final Map<String, LoadChecksums> byTable = new ConcurrentHashMap<>();

  /** Keeps the sums of a table whose load completed. */
  public void put(LoadChecksums sums) {
    byTable.put(sums.id(), sums);
  }

  /** Forgets what a table's earlier load left, when a new load of it takes none. */
  public void forget(VerifyRequest table) {
    byTable.remove(LoadChecksums.key(table));
  }

  /** Removes and returns the sums of the table {@code request} compares, or null. */
  @Nullable LoadChecksums take(VerifyRequest request) {
    return byTable.remove(LoadChecksums.key(request));
  }
}
