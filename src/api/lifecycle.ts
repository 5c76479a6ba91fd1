/** Something that must be closed before the process goes away. */
export interface Closable {
  /** Closes without awaiting anything; used on exit and signals. */
  closeSync(): void;
}

const open = new Set<Closable>();
let installed = false;

function closeAll(): void {
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
  closeAll();
  uninstall();
  // Re-raise so the process ends the way it would have without Ferry's handler.
  process.kill(process.pid, signal);
}

function uninstall(): void {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('exit', closeAll);
  installed = false;
}

/**
 * Tracks an open handle so that it is closed on normal exit, SIGINT and SIGTERM: the JVM lives
 * in Node's process and its shutdown hooks never run, so nobody else would close it.
 */
export function track(c: Closable): void {
  open.add(c);
  if (!installed) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', closeAll);
    installed = true;
  }
}

/** Stops tracking a handle that was closed normally. */
export function untrack(c: Closable): void {
  open.delete(c);
  if (open.size === 0 && installed) uninstall();
}
