package dev.ferry.wire;

import dev.ferry.copy.FileLoad;
import dev.ferry.message.Messages;

/**
 * The JVM side of one table of a restore as Node holds it: {@link FileLoad}'s calls with JSON
 * replies ({@code CopyResult}, {@code CopyProgress}, as a copy's), so Node shows a restore's
 * progress as it shows a copy's.
 */
public final class RestoreTask {
  private final FileLoad load;

  RestoreTask(FileLoad load) {
    this.load = load;
  }

  /** Loads the table's files; a {@code CopyResult}. */
  public byte[] run() {
    return Messages.write(load.run());
  }

  /** The counters, a {@code CopyProgress}. */
  public byte[] progress() {
    return Messages.write(load.progress());
  }

  /** Stops the load: the running file rolls back, committed files stay. */
  public void cancel() {
    load.cancel();
  }
}
