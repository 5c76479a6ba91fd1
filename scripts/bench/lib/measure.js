// Measuring one whole command the way a user runs it, for every benchmark that times commands:
// wall time from spawn to exit, peak RSS and CPU seconds (GNU time when installed), a time-out
// that kills the whole process tree, and the verdicts on a command that failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLine, seconds, tail } from './report.js';

/** GNU time, which reports peak RSS and CPU of a command and everything it waited for. */
export const GNU_TIME = '/usr/bin/time';

/** Whether GNU time is installed (else peak RSS is polled from /proc). */
export const hasGnuTime = existsSync(GNU_TIME);

/** Peak RSS (VmHWM, KiB) of a live process, or undefined once it is gone. */
function vmHwm(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Resident memory (VmRSS, KiB) of `pid` and every process under it, added up: what a whole tool
 * holds at once (pg_dump -j and its workers, a pipeline). Pages shared between forked processes
 * count once per process, so this is an upper bound.
 */
export function treeRssKb(pid) {
  let total = 0;
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    total += m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
  for (const c of childrenOf(pid)) total += treeRssKb(c);
  return total;
}

/** Process ids of the commands measured() is running now, for an interrupted benchmark to end. */
const live = new Set();

/** Kills every command measured() is running, with its whole process tree. */
export function killMeasured() {
  for (const pid of live) for (let i = 0; i < 20 && childrenOf(pid).length + (alive(pid) ? 1 : 0) > 0; i++) killLeaves(pid);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills the processes at the bottom of the tree under `pid` (children found through /proc), and
 * `pid` itself when it has none; repeated until the root is gone, it leaves no process behind.
 */
function killLeaves(pid) {
  const children = childrenOf(pid);
  if (children.length > 0) {
    for (const c of children) killLeaves(c);
    return;
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // exited meanwhile
  }
}

/**
 * Runs a command to completion and measures it: wall time from spawn to exit (hrtime), and with
 * GNU time its peak RSS (%M: the largest of the command and everything it waited for) and CPU
 * seconds (user + system of the whole tree). Without /usr/bin/time, peak RSS is VmHWM polled every
 * 50 ms (the direct child only). After `timeoutMs` the command and its children are killed and
 * `timedOut` is set. `env` is added to this process's environment. `tree` also samples the summed
 * RSS of the whole process tree every 100 ms (`treeRssKb`); `timeline` keeps each stderr line with
 * the milliseconds since spawn at which it arrived (`lines`).
 */
export function measured(cmd, args, { cwd, timeoutMs, env, tree = false, timeline = false } = {}) {
  return new Promise((resolve) => {
    const timeFile = join(tmpdir(), `ferry-bench-time-${process.pid}`);
    rmSync(timeFile, { force: true });
    const [exe, argv] = hasGnuTime ? [GNU_TIME, ['-o', timeFile, '-f', '%M %U %S', cmd, ...args]] : [cmd, args];
    const before = process.hrtime.bigint();
    const child = spawn(exe, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : process.env });
    const out = [];
    let stderr = '';
    const lines = [];
    let partial = '';
    if (child.pid !== undefined) live.add(child.pid);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.setEncoding('utf8').on('data', (s) => {
      stderr += s;
      if (!timeline) return;
      const at = Number(process.hrtime.bigint() - before) / 1e6;
      const parts = (partial + s).split('\n');
      partial = parts.pop();
      for (const line of parts) lines.push({ ms: at, line });
    });
    let polledKb;
    const poll = hasGnuTime ? undefined : setInterval(() => (polledKb = vmHwm(child.pid) ?? polledKb), 50);
    let treeKb = 0;
    const sampleTree = () => (treeKb = Math.max(treeKb, treeRssKb(child.pid)));
    const treePoll = tree ? setInterval(sampleTree, 100) : undefined;
    let spawnError;
    let timedOut = false;
    let killer;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      killLeaves(child.pid);
      killer = setInterval(() => killLeaves(child.pid), 1000);
    }, timeoutMs);
    child.on('error', (e) => (spawnError = e));
    child.on('close', (status, signal) => {
      const elapsed = Number(process.hrtime.bigint() - before) / 1e6;
      live.delete(child.pid);
      if (poll) clearInterval(poll);
      if (treePoll) clearInterval(treePoll);
      if (partial) lines.push({ ms: elapsed, line: partial });
      if (timer) clearTimeout(timer);
      if (killer) clearInterval(killer);
      let maxRssKb = polledKb;
      let cpuS;
      if (hasGnuTime && existsSync(timeFile)) {
        // GNU time writes "Command exited with non-zero status N" first when it did; figures are last.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
        const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last);
        if (m) [maxRssKb, cpuS] = [Number(m[1]), Number(m[2]) + Number(m[3])];
        rmSync(timeFile, { force: true });
      }
      const error = spawnError ?? (hasGnuTime && status === 127 && /time: cannot run/.test(stderr) ? new Error(stderr.trim()) : undefined);
      resolve({ ms: elapsed, status, signal, error, timedOut, timeoutMs, stdout: Buffer.concat(out).toString('utf8'), stderr, maxRssKb, cpuS, ...(tree ? { treeRssKb: treeKb || undefined } : {}), ...(timeline ? { lines } : {}) });
    });
  });
}

export function failed(r, okExits = [0]) {
  if (r.timedOut) return `timed out after ${seconds(r.timeoutMs)} (killed)`;
  if (r.error) return `could not run: ${r.error.message}`;
  if (!okExits.includes(r.status)) return r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
  return undefined;
}

/**
 * A command's JSON output (Ferry's `--format json`): `{ json }`, with `reason` and `failure` (the
 * tail of both outputs) when it did not exit 0 or printed no JSON. A report printed by a failed
 * command is kept, so its tables can be named.
 *
 * @example
 * const { json, failure } = jsonOutput(await measured('node', ['bin/ferry.js', 'backup', …]));
 */
export function jsonOutput(r) {
  const why = failed(r);
  const said = `stderr:\n${tail(r.stderr)}\nstdout:\n${tail(r.stdout)}`;
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    return { reason: why ?? 'no JSON output', failure: `${why ?? 'exit 0'} and no JSON output; ${said}` };
  }
  return why ? { json, reason: why, failure: `${why}; ${said}`, said } : { json, said };
}

/** Throws with the command's output when it did not exit 0 (the peers: their failure is an error). */
export function assertRan(r, what) {
  const why = failed(r);
  if (why) throw new Error(`${what} failed (${why}):\n${tail(`${r.stderr}\n${r.stdout}`, 30)}`);
}

/**
 * A shell pipeline, run by bash with pipefail so a failure on any side is the pipeline's; `line`
 * is what the reports print.
 *
 * @example
 * const p = pipeline(['mariadb-dump', 'db'], ['zstd', '-q', '-o', 'db.sql.zst']);
 * await measured(p.cmd, p.args);
 */
export function pipeline(...commands) {
  const line = commands.map(([cmd, ...args]) => commandLine(cmd, args)).join(' | ');
  return { line, cmd: 'bash', args: ['-c', `set -o pipefail; ${line}`] };
}
