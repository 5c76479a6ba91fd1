package dev.ferry.wire;

import dev.ferry.backup.BackupJob;
import dev.ferry.message.Messages;

/**
 * The JVM side of one backup as Node holds it: {@link BackupJob}'s calls with JSON replies;
 * {@link #run} runs on one bridge thread while {@link #progress} and {@link #cancel} may be
 * called from others.
 */
public final class BackupTask {
  private final BackupJob job;

  BackupTask(BackupJob job) {
    this.job = job;
  }

  /** Runs the backup; a {@code BackupResult}. */
  public byte[] run() {
    return Messages.write(job.run());
  }

  /** The counters, a {@code BackupProgress}. */
  public byte[] progress() {
    return Messages.write(job.progress());
  }

  /** Stops the backup; the folder is emptied again. */
  public void cancel() {
    job.cancel();
  }
}
