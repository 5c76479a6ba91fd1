import { startJvm } from '../bridge/jvm.js';

interface JavaPrewarm {
  run(): Promise<void>;
}

/**
 * Starts this process's JVM now, with the drivers folder the config names, and readies Calcite
 * for a first statement on a JVM thread of its own (`dev.ferry.wire.Prewarm`: one statement
 * over literal rows planned, no database touched), so that work overlaps whatever the caller loads next
 * instead of following it. Never throws and never waits for the warm-up: a JVM that cannot start
 * is reported by the call that needs it, and a failed warm-up only leaves the first statement
 * to pay for itself.
 *
 * @example
 * prestartEngine('/srv/ferry/drivers'); // then load modules, then Ferry.open(…)
 */
export function prestartEngine(driversDir?: string): void {
  try {
    const java = startJvm(driversDir);
    const prewarm = java.importClass('dev.ferry.wire.Prewarm') as JavaPrewarm;
    prewarm.run().catch(() => undefined);
  } catch {
    // Reported by the command's own start, with its fix.
  }
}
