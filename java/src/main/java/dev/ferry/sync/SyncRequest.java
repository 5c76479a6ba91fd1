package dev.ferry.sync;

import dev.ferry.message.Default;
import dev.ferry.message.Min;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One sync as Node asks for it: which tables of which source follow into which target.
 *
 * @param from source database name
 * @param to target database name
 * @param fromNamespace source schema/catalog, when the database is not pinned to one
 * @param toNamespace target schema/catalog, likewise
 * @param tables the source tables to follow (each into the target table of its name); empty for
 *     {@code sync status} and {@code sync --drop}, which act on the job as it stands
 * @param untilCaughtUp stop, successfully, once every change committed on the source before the
 *     stream started is applied
 * @param stallSeconds the watchdog: a stream that delivers nothing, not even a heartbeat, for this
 *     long while it should fails with {@code SYNC_STALLED}
 * @param batchRows at most this many changes in one applied target transaction
 */
public record SyncRequest(
    String from,
    String to,
    @Nullable String fromNamespace,
    @Nullable String toNamespace,
    List<String> tables,
    @Default("false") boolean untilCaughtUp,
    @Default("120") @Min(1) int stallSeconds,
    @Default("5000") @Min(1) int batchRows) {

  /**
   * The job's name for the databases {@code from} and {@code to} (their URLs without secrets):
   * what its state in the target, its slot and its publication are filed under. The same two
   * databases give the same job whatever they are called in the config, and two configs that use
   * one name for different databases do not share a job.
   */
  public String job(String fromUrl, String toUrl) {
    String key = fromUrl + "|" + (fromNamespace == null ? "" : fromNamespace) + "->" + toUrl + "|"
        + (toNamespace == null ? "" : toNamespace);
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
