/**
 * Runs `run` while reading `progress` every `ms` — one read at a time, a failed read skipped —
 * and hands each reading to `onReading`; reading stops when `run` settles, and a reading still
 * in flight then is dropped, so no reading is handed over after `run`'s result (a progress
 * event never follows the `done` its caller reports). What every long JVM
 * task (a copy, a backup, a sync) shares.
 *
 * @example
 * const result = await whileRunning(() => job.run(), () => job.progress(), (p) => show(p), 500);
 */
export async function whileRunning<T, P>(run: () => Promise<T>, progress: () => Promise<P>, onReading: (p: P) => void, ms: number): Promise<T> {
  let reading = false;
  let settled = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    progress().then((p) => {
      if (!settled) onReading(p);
    }, () => undefined).finally(() => (reading = false));
  }, ms);
  try {
    return await run();
  } finally {
    settled = true;
    clearInterval(timer);
  }
}
