package dev.ferry.wire;

import dev.ferry.message.Messages;
import dev.ferry.sync.SyncJob;

import java.nio.charset.StandardCharsets;

/**
 * The JVM side of one {@code ferry sync} as Node holds it: {@link SyncJob}'s calls with JSON
 * replies. {@link #run} blocks one bridge thread while {@link #progress} and {@link #stop} are
 * called from others.
 */
public final class SyncTask {
  private final SyncJob job;

  SyncTask(SyncJob job) {
    this.job = job;
  }

  /** Checks the source and fixes the stream's start; a {@code SyncStart}. */
  public byte[] prepare() {
    return Messages.write(job.prepare());
  }

  /** Records that the initial copy of a table (UTF-8 name) began or finished. */
  public void copied(byte[] tableUtf8, boolean finished) {
    job.copied(new String(tableUtf8, StandardCharsets.UTF_8), finished);
  }

  /** Streams until stopped, caught up or failed; a {@code SyncResult}. */
  public byte[] run() {
    return Messages.write(job.run());
  }

  /** The counters, a {@code SyncProgress}. */
  public byte[] progress() {
    return Messages.write(job.progress());
  }

  /** Stops the stream after the batch it applies; what was applied stays, position kept. */
  public void stop() {
    job.stop();
  }
}
