package dev.ferry.verify;

import java.util.List;

/**
 * What {@link Verifier} answers, serialized as JSON for Node's {@code VerifyReport}.
 *
 * @param table the source table as found
 * @param targetTable the target table as found
 * @param sourceRows rows in the source table
 * @param targetRows rows in the target table
 * @param match whether every chunk's count and checksum agree
 * @param differingKeys at most {@link Verifier#MAX_KEYS} keys ({@code id=5}) that are missing, extra
 *     or changed in the target, in key order within each chunk
 * @param differences the same keys with what is wrong with each
 * @param differingKeyCount every differing key found, including those not listed
 * @param missing keys of the source absent from the target
 * @param extra keys of the target absent from the source
 * @param changed keys present on both sides with different rows
 * @param chunks how many chunks were compared
 * @param mismatchedChunks how many of them differed
 * @param method how the sides were compared
 * @param key the source's primary key columns (empty: compared as one chunk, no keys named)
 * @param columns the columns compared, as the source names them
 * @param millis time taken
 * @param notes why a method was chosen, columns not compared, limits met
 */
public record VerifyReport(String table, String targetTable, long sourceRows, long targetRows,
    boolean match, List<String> differingKeys, List<Difference> differences,
    long differingKeyCount, long missing, long extra, long changed, int chunks,
    int mismatchedChunks, VerifyMethod method, List<String> key, List<String> columns, long millis,
    List<String> notes) {

  /**
   * One differing key and how it differs.
   *
   * @param kind missing, extra or changed
   * @param key the key, as {@code id=5}
   */
  public record Difference(DifferenceKind kind, String key) {}
}
