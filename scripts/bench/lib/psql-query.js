// One query through psql, timed by psql itself: `\timing` measures from sending the statement to
// having its whole result (execution and transfer, not psql's start, connection or printing).
// Rows go to a file through `\o`, so the timing line is all psql prints on stdout.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PG } from './copy-fixture.js';

const NULL = '\u2400NULL';
const SEP = '\u001f';

/**
 * Runs `sql` with `schema` first on the search path, in a psql process of its own; resolves
 * `{ ms, columns, rows }` (cells as PostgreSQL's text, NULL as null), or `{ timedOut: true }`
 * after `timeoutMs`: PostgreSQL ends the statement itself (`statement_timeout`; a killed client
 * alone leaves it running until it next sends rows, holding its locks), and psql is killed if it
 * lingers.
 * `work` is a folder for the result file.
 *
 * @example
 * await psqlQuery('SELECT count(*) AS n FROM region', 'ferry_bench_fed_one', '/tmp/w', 60_000)
 * // { ms: 0.41, columns: ['n'], rows: [['5']] }
 */
export function psqlQuery(sql, schema, work, timeoutMs) {
  const out = join(work, 'psql-result.txt');
  rmSync(out, { force: true });
  const script = `\\pset null ${NULL}\n\\o ${out}\n\\timing on\n${sql};\n`;
  const args = ['-X', '-q', '-A', '-F', SEP, '-P', 'footer=off', ...PG.psqlArgs, '-v', 'ON_ERROR_STOP=1', '-f', '-'];
  return new Promise((resolve, reject) => {
    const child = spawn('psql', args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PGOPTIONS: `-c search_path=${schema} -c statement_timeout=${Math.ceil(timeoutMs)}` } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs + 10_000);
    child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`psql could not run: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut || /canceling statement due to statement timeout/.test(stderr)) {
        resolve({ timedOut: true });
        return;
      }
      const time = /^Time: ([\d.]+) ms/m.exec(stdout);
      if (code !== 0 || !time) {
        reject(new Error(`psql failed (${signal ?? `exit ${code}`}): ${(stderr || stdout).trim().slice(-2000)}`));
        return;
      }
      const [header, ...lines] = readFileSync(out, 'utf8').replace(/\n$/, '').split('\n');
      rmSync(out, { force: true });
      resolve({ ms: Number(time[1]), columns: header.split(SEP), rows: lines.map((l) => l.split(SEP).map((v) => (v === NULL ? null : v))) });
    });
    child.stdin.end(script);
  });
}
