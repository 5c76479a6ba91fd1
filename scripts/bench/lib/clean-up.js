// What a benchmark made (databases, schemas, files) must go however the run ends: after the
// report, after a failure, and when the user presses Ctrl-C while a tool is running.
import { killMeasured } from './measure.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `fn`, then `cleanUp` (which returns what it could not drop, as text) however `fn` ends.
 * On SIGINT, SIGTERM or SIGHUP the running tool is killed with its process tree first, then
 * `cleanUp` runs and the signal is raised again, so the process ends the way it was asked to.
 * `progress` prints a line to stderr.
 *
 * @example
 * await withCleanUp(progress, () => dropAll(), () => measureEverything());
 */
export async function withCleanUp(progress, cleanUp, fn) {
  const report = () => {
    const left = cleanUp();
    if (left.length > 0) progress(`could not clean up: ${left.join('; ')}`);
  };
  const off = () => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
  function onSignal(signal) {
    progress(`${signal}: stopping the running tool and dropping everything this run made…`);
    killMeasured();
    report();
    off();
    process.kill(process.pid, signal);
  }
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await fn();
  } finally {
    off();
    progress('dropping the databases and files this run made…');
    report();
  }
}

/**
 * Runs each clean-up step, going on after a failure; returns the failures as `what: first line`.
 *
 * @example
 * attemptAll([['target database', () => dropTarget()]]) // [] when every step worked
 */
export function attemptAll(steps) {
  const failures = [];
  for (const [what, fn] of steps) {
    try {
      fn();
    } catch (e) {
      failures.push(`${what}: ${String(e.message).split('\n')[0]}`);
    }
  }
  return failures;
}
