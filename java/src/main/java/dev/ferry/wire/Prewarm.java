package dev.ferry.wire;

import java.nio.charset.StandardCharsets;

/**
 * Readies a fresh JVM for its first statement while Node is still loading the command's modules.
 *
 * <p>A first statement pays once per process for starting Calcite: its rules and planner
 * program, the metadata handlers Janino compiles, the SQL parser, validator and converter. The
 * CLI starts the JVM before it loads the command and runs this on a thread of its own, so part
 * of that work overlaps Node's instead of following it. It plans (without running) one
 * statement over literal rows: it touches no database, holds nothing afterwards and never
 * fails; a problem here only means the first statement pays the cost itself.
 */
public final class Prewarm {
  private Prewarm() {}

  /** Opens an engine over no database, plans one statement and closes it. */
  public static void run() {
    try (Engine engine = empty()) {
      engine.explain(("SELECT a, b FROM (VALUES (1, 'x')) AS t(a, b) WHERE a > 0 ORDER BY a")
          .getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException | LinkageError ignored) {
      // Only the first statement's speed depends on this.
    }
  }

  /**
   * Only opens and closes an engine over no database: the classes every command loads first
   * (messages, the federation, Calcite's connection), for a command that plans no statement,
   * where planning one would only take a core from its work.
   */
  public static void open() {
    try {
      empty().close();
    } catch (RuntimeException | LinkageError ignored) {
      // Only the first call's speed depends on this.
    }
  }

  private static Engine empty() {
    return Engine.open("{\"databases\":[]}".getBytes(StandardCharsets.UTF_8));
  }
}
