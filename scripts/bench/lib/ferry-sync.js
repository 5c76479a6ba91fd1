// `ferry sync` as the sync benchmark runs it: in the background from before the load until after
// the last change shows on the target, then stopped with SIGTERM the way a user stops it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The CLI the benchmark runs. */
export const FERRY_BIN = fileURLToPath(new URL('../../../bin/ferry.js', import.meta.url));

/** Whether this build has `ferry sync` (an unknown command makes ferry print its general help). */
export function ferrySyncAvailable() {
  const r = spawnSync(process.execPath, [FERRY_BIN, 'sync', '--help'], { encoding: 'utf8', timeout: 60_000 });
  return /^Usage: ferry sync/m.test(`${r.stdout}${r.stderr}`);
}

/**
 * The arguments of `ferry sync` from database `from` to `to`, both given with `--db NAME=URL`
 * (`dbs`: `{ name: url }`), over the workload's `tables`, creating them on the target.
 */
export function syncArgs(from, to, tables, dbs) {
  return ['sync', '--from', from, '--to', to, '--tables', tables.join(','), '--create', ...Object.entries(dbs).flatMap(([n, u]) => ['--db', `${n}=${u}`])];
}

/**
 * Starts `ferry sync` with `args`, its output going to `logFile`. `stopped` resolves (with a
 * reason) if it ends on its own; `stop()` sends SIGTERM and resolves `{ code, signal, ms }` once it
 * exited (SIGKILL after `graceMs`, then `killed: true`).
 *
 * @example
 * const sync = startFerrySync(syncArgs('src', 'dst', WORKLOAD_TABLES, dbs), '/tmp/w/ferry.log');
 * await sync.stop();
 */
export function startFerrySync(args, logFile) {
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [FERRY_BIN, ...args], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let stopping = false;
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const log = () => readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
  return {
    child,
    log,
    stopped: exited.then(({ code, signal }) => (stopping ? new Promise(() => {}) : `ferry sync ended by itself (${signal ?? `exit ${code}`}); its last output:\n${log()}`)),
    async stop(graceMs = 60_000) {
      stopping = true;
      const began = performance.now();
      if (child.exitCode !== null || child.signalCode !== null) return { ...(await exited), ms: 0, already: true };
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const { code, signal } = await exited;
      clearTimeout(timer);
      return { code, signal, ms: performance.now() - began, killed: signal === 'SIGKILL' };
    },
    /** Freezes the process (SIGSTOP): its JVM keeps its compiled code but reads nothing. */
    pause() {
      child.kill('SIGSTOP');
    },
    /** Lets a paused process run on (SIGCONT). */
    resume() {
      child.kill('SIGCONT');
    },
    kill() {
      stopping = true;
      child.kill('SIGKILL');
    },
  };
}

/**
 * Runs `ferry sync` with `args` (which should hold `--until-caught-up --format json`) to its end,
 * its stderr going to `logFile`, and times it from the process's start to its exit and, from the
 * JSON lines it prints, from its `streaming` event (JVM up, tables checked, the stream about to
 * start) to its `done` event, and from its first progress line with changes applied to `done`.
 * `onChild` receives the process (for a clean-up that must kill it). Resolves `{ code, signal,
 * processMs, streamingMs, appliedMs, result, log }`; the times are undefined when an event did
 * not come.
 *
 * @example
 * const r = await runFerrySync([...syncArgs('src', 'dst', WORKLOAD_TABLES, dbs), '--until-caught-up', '--format', 'json'], '/tmp/w/drain.log');
 * r.streamingMs // ms from {"event":"streaming"} to {"event":"done"}
 */
export function runFerrySync(args, logFile, onChild = () => {}) {
  const fd = openSync(logFile, 'w');
  const began = performance.now();
  const child = spawn(process.execPath, [FERRY_BIN, ...args], { stdio: ['ignore', 'pipe', fd] });
  closeSync(fd);
  onChild(child);
  const at = {};
  let result;
  const lines = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (text) => {
    const now = performance.now();
    const parts = (partial + text).split('\n');
    partial = parts.pop();
    for (const line of parts) {
      lines.push(line);
      let e;
      try {
        e = JSON.parse(line);
      } catch {
        continue; // not an event
      }
      if (e.event === 'streaming') at.streaming ??= now;
      else if (e.event === 'progress' && e.progress?.changes > 0) at.applied ??= now;
      else if (e.event === 'done') {
        at.done ??= now;
        result = e.result;
      }
    }
  });
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      const processMs = performance.now() - began;
      const log = [readFileSync(logFile, 'utf8').trimEnd(), ...lines].join('\n').split('\n').slice(-15).join('\n');
      const span = (from) => (at[from] !== undefined && at.done !== undefined ? at.done - at[from] : undefined);
      resolve({ code, signal, processMs, streamingMs: span('streaming'), appliedMs: span('applied'), result, log });
    });
  });
}

/** Runs `ferry sync --drop` for the pair (its slot, publication, state); returns a failure or undefined. */
export function dropFerrySync(from, to, dbs) {
  const r = spawnSync(process.execPath, [FERRY_BIN, 'sync', '--drop', '--from', from, '--to', to, ...Object.entries(dbs).flatMap(([n, u]) => ['--db', `${n}=${u}`])], { encoding: 'utf8', timeout: 120_000 });
  return r.status === 0 ? undefined : `ferry sync --drop: ${r.error?.message ?? `exit ${r.status}`}: ${`${r.stderr}${r.stdout}`.trim().split('\n').slice(-3).join(' ')}`;
}
