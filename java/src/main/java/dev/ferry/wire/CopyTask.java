package dev.ferry.wire;

import dev.ferry.copy.CopyJob;
import dev.ferry.message.Messages;

/**
 * The JVM side of one table copy as Node holds it: {@link CopyJob}'s calls with their replies as
 * JSON. {@link #run} runs on one bridge thread while {@link #progress} and {@link #cancel} may be
 * called from others.
 */
public final class CopyTask {
  private final CopyJob job;

  CopyTask(CopyJob job) {
    this.job = job;
  }

  /** The plan, a {@code CopyPlan}; writes nothing. */
  public byte[] plan() {
    return Messages.write(job.plan());
  }

  /** Runs the copy; a {@code CopyResult}. */
  public byte[] run() {
    return Messages.write(job.run());
  }

  /** The counters, a {@code CopyProgress}. */
  public byte[] progress() {
    return Messages.write(job.progress());
  }

  /** Stops the copy: the running chunk rolls back, committed chunks stay. */
  public void cancel() {
    job.cancel();
  }
}
