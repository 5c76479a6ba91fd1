package dev.ferry.wire;

import dev.ferry.federation.AnalyzedQuery;
import dev.ferry.federation.Federation;
import dev.ferry.message.Messages;

/**
 * The JVM side of one analyzed query as Node holds it: its result streamed like any query's,
 * then the {@code Analysis} of the run as JSON.
 */
public final class AnalyzeTask {
  private final Federation federation;
  private final AnalyzedQuery query;

  AnalyzeTask(Federation federation, AnalyzedQuery query) {
    this.federation = federation;
    this.query = query;
  }

  /** Writes the result to Node's socket at {@code socketPath} (UTF-8); returns the rows. */
  public long streamTo(byte[] socketPath) {
    return query.streamTo(socketPath);
  }

  /** The figures of the run, an {@code Analysis}: complete once the result was streamed. */
  public byte[] analysis() {
    return Messages.write(query.analysis());
  }

  /** Forgets the result; Node calls it after the last chunk or on abandoning it. */
  public void release() {
    federation.release(query.chunks());
  }
}
