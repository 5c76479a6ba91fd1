import { closeAllSync } from '../api/lifecycle.js';

type Note = (signal: NodeJS.Signals) => void;
const notes = new Set<Note>();

/**
 * Says something when the user interrupts (Ctrl-C, SIGTERM) before Ferry closes its connections
 * and the process ends: what an interrupted copy leaves behind, say. Returns how to stop.
 *
 * @example
 * const off = onInterrupt(() => process.stderr.write('committed chunks stay\n'));
 * try { await work(); } finally { off(); }
 */
export function onInterrupt(note: Note): () => void {
  notes.add(note);
  return () => notes.delete(note);
}

function interrupted(signal: NodeJS.Signals): void {
  for (const note of [...notes]) {
    try {
      note(signal);
    } catch {
      // The process is ending; the connections still need closing.
    }
  }
  closeAllSync();
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);
  // Re-raised without a handler, the signal ends the process as it would have without Ferry
  // (exit 130 for Ctrl-C in a shell).
  process.kill(process.pid, signal);
}

/**
 * Makes SIGINT and SIGTERM end the CLI at once, in every state (planning, connecting, waiting on
 * a lock): notes are written, every connection is closed, and the signal ends the process.
 * Only the CLI's entry calls it.
 */
export function handleInterrupts(): void {
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
}
