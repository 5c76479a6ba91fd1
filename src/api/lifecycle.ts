/** Something that must be closed before the process goes away. */
export interface Closable {
  /** Closes without awaiting anything; used on exit and signals. */
  closeSync(): void;
}

const open = new Set<Closable>();
let onExit = false;
let onSignals = false;

/**
 * Closes every open Ferry at once, synchronously: for exit paths and signal handlers, where no
 * promise can settle. The JVM lives in Node's process and its shutdown hooks never run, so
 * nobody else would close its connections (and embedded databases such as H2 only flush when
 * theirs close).
 *
 * @example
 * process.once('SIGTERM', () => { closeAllSync(); process.kill(process.pid, 'SIGTERM'); });
 */
export function closeAllSync(): void {
  for (const c of [...open]) {
    try {
      c.closeSync();
    } catch {
      // Exiting anyway; the other handles still need closing.
    }
  }
  open.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  closeAllSync();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  onSignals = false;
  // Re-raise so the process ends the way it would have without this handler.
  process.kill(process.pid, signal);
}

/**
 * Tracks an open handle so that it is closed on normal exit (and, when `signals` is set, on
 * SIGINT and SIGTERM, then re-raised). A library installs no signal handler unless asked:
 * signals belong to the application (Ferry's CLI handles its own).
 */
export function track(c: Closable, signals = false): void {
  open.add(c);
  if (!onExit) {
    process.on('exit', closeAllSync);
    onExit = true;
  }
  if (signals && !onSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    onSignals = true;
  }
}

/** Stops tracking a handle that was closed normally. */
export function untrack(c: Closable): void {
  open.delete(c);
  if (open.size === 0) {
    process.off('exit', closeAllSync);
    onExit = false;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    onSignals = false;
  }
}
