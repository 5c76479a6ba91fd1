// How long a user waits for a small query's answer from the `ferry` command, beside psql's `-c`
// for the same statement, each measured as a fresh process the way a user runs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FERRY_BIN = fileURLToPath(new URL('../../../bin/ferry.js', import.meta.url));

/**
 * Runs `command args` once: milliseconds from spawn to its first byte on stdout and to its exit.
 * A non-zero exit fails the measurement (the benchmark's query must work).
 */
function timeRun(command, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutput;
    let stderr = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => { firstOutput ??= performance.now() - started; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const exit = performance.now() - started;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      else resolve({ firstOutput: firstOutput ?? exit, exit });
    });
  });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * `runs` alternating runs of `ferry query -c CONFIG SQL` and `psql -c SQL` (one unmeasured
 * round first, so files are in the page cache: "a warm machine"), plus `ferry --help`; medians.
 *
 * @example
 * const r = await cliLatency({ database: {...}, table: 'ferry_bench_query', psqlArgs: [...] });
 */
export async function cliLatency({ database, table, psqlArgs, runs = 7 }) {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-bench-cli-'));
  try {
    const config = join(dir, 'ferry.yaml');
    writeFileSync(config, `databases:\n  pg:\n    url: ${database.url}\n    user: ${database.user}\n`);
    const sql = `SELECT * FROM ${table} WHERE id <= 5 ORDER BY id`;
    const ferryArgs = [FERRY_BIN, 'query', '-c', config, sql.replace(` ${table} `, ` pg.${table} `)];
    const psql = ['-X', ...psqlArgs, '-c', sql];
    await timeRun(process.execPath, ferryArgs);
    await timeRun('psql', psql);
    const ferry = [];
    const peer = [];
    const help = [];
    for (let i = 0; i < runs; i++) {
      ferry.push(await timeRun(process.execPath, ferryArgs));
      peer.push(await timeRun('psql', psql));
      help.push(await timeRun(process.execPath, [FERRY_BIN, '--help']));
    }
    return {
      sql,
      runs,
      ferryFirstOutputMs: median(ferry.map((r) => r.firstOutput)),
      ferryExitMs: median(ferry.map((r) => r.exit)),
      ferryAllFirstOutputMs: ferry.map((r) => r.firstOutput),
      psqlExitMs: median(peer.map((r) => r.exit)),
      helpExitMs: median(help.map((r) => r.exit)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
