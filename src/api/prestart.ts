import { startJvm } from '../bridge/jvm.js';

interface JavaPrewarm {
  run(): Promise<void>;
  open(): Promise<void>;
}

/** How far the warm-up goes: plan one statement, or only open an engine (work that plans none). */
export type WarmUp = 'plan' | 'open';

/**
 * Starts this process's JVM now, with the drivers folder the config names, and readies it for
 * the first call on a JVM thread of its own (`dev.ferry.wire.Prewarm`: with `warmUp` 'plan', one
 * statement over literal rows planned, no database touched; with 'open', for work that plans
 * no statement, an engine over no database only opened), so that work overlaps whatever the
 * caller loads next instead of following it. Never throws and never waits for the warm-up: a
 * JVM that cannot start is reported by the call that needs it, and a failed warm-up only leaves
 * the first call to pay for itself.
 *
 * @example
 * prestartEngine('/srv/ferry/drivers'); // then load modules, then Ferry.open(…)
 */
export function prestartEngine(driversDir?: string, warmUp: WarmUp = 'plan'): void {
  try {
    const java = startJvm(driversDir);
    const prewarm = java.importClass('dev.ferry.wire.Prewarm') as JavaPrewarm;
    (warmUp === 'plan' ? prewarm.run() : prewarm.open()).catch(() => undefined);
  } catch {
    // Reported by the command's own start, with its fix.
  }
}
