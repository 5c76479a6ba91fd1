import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FERRY_BIN, native, runFerry, tempDir } from './fixtures.js';

// Issue 12's audit: what a new user still met after the first pass.
describe('ferry CLI ergonomics, after the audit', () => {
  const dir = tempDir('i12c-audit-');
  const v1 = `v1=sqlite:${join(dir, 'v1.db')}`;
  const v2 = `v2=sqlite:${join(dir, 'v2.db')}`;
  const v3 = `v3=sqlite:${join(dir, 'v3.db')}`;
  const dbs = ['--db', v1, '--db', v2, '--db', v3];

  beforeAll(async () => {
    await native(`jdbc:sqlite:${join(dir, 'v1.db')}`, 'CREATE TABLE orders (id INTEGER PRIMARY KEY, note VARCHAR(40))', "INSERT INTO orders VALUES (1, 'first'), (2, 'second')");
    await native(`jdbc:sqlite:${join(dir, 'v2.db')}`, 'CREATE TABLE orders (id INTEGER PRIMARY KEY)', 'INSERT INTO orders VALUES (1), (2)');
    await native(`jdbc:sqlite:${join(dir, 'v3.db')}`, 'CREATE TABLE orders (id INTEGER PRIMARY KEY, note VARCHAR(40))', "INSERT INTO orders VALUES (1, 'first'), (2, 'changed')");
  });

  it('points every usage error a command raises at its help, as the parser errors do', () => {
    const jobs = runFerry(['copy', ...dbs, '--from', 'v1', '--to', 'v2', '--tables', 'orders', '--jobs', 'abc'], dir);
    expect(jobs.code).toBe(2);
    expect(jobs.err).toBe("ferry: error [USAGE]: --jobs takes a whole number of at least 1, got 'abc' (see ferry copy --help)\n");
    const none = runFerry(['copy', ...dbs, '--from', 'v1', '--to', 'v2'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toBe('ferry: error [USAGE]: name the tables to copy with --tables a,b, or copy every table with --all (see ferry copy --help)\n');
    const both = runFerry(['verify', ...dbs, '--from', 'v1', '--to', 'v2', '--tables', 'orders', '--all'], dir);
    expect(both.err).toBe('ferry: error [USAGE]: --tables and --all cannot be combined (see ferry verify --help)\n');
  });

  it('ferry help NAME for no command is a usage error naming it, with did-you-mean when one is close', () => {
    const bogus = runFerry(['help', 'bogus'], dir);
    expect(bogus.code).toBe(2);
    expect(bogus.out).toBe('');
    expect(bogus.err).toBe("ferry: error [USAGE]: unknown command 'bogus' (see ferry --help)\n");
    const close = runFerry(['help', 'chek'], dir);
    expect(close.code).toBe(2);
    expect(close.err).toBe("ferry: error [USAGE]: unknown command 'chek' (Did you mean check?) (see ferry --help)\n");
    const known = runFerry(['help', 'check'], dir);
    expect(known.code).toBe(0);
    expect(known.out).toMatch(/^Usage: ferry check/);
  });

  it('says where a report written with --output went, on stderr, unless --quiet', () => {
    const json = join(dir, 'check.json');
    const check = runFerry(['check', ...dbs, '--from', 'v1', '--to', 'v2', '--format', 'json', '-o', json], dir);
    expect(check.code).toBe(1);
    expect(check.out).toBe('');
    expect(check.err).toBe(`ferry: wrote report to ${json}\n`);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveProperty('summary');
    const html = join(dir, 'verify.html');
    const verify = runFerry(['verify', ...dbs, '--from', 'v1', '--to', 'v3', '--tables', 'orders', '--format', 'html', '-o', html], dir);
    expect(verify.out).toBe('');
    expect(verify.err).toBe(`ferry: wrote report to ${html}\n`);
    expect(readFileSync(html, 'utf8')).toContain('1 of 1 table differs.');
    const quiet = runFerry(['check', ...dbs, '--from', 'v1', '--to', 'v2', '--format', 'json', '-o', json, '--quiet'], dir);
    expect(quiet.err).toBe('');
    const stdout = runFerry(['check', ...dbs, '--from', 'v1', '--to', 'v2', '--format', 'json'], dir);
    expect(stdout.err).toBe('');
    expect(JSON.parse(stdout.out)).toHaveProperty('summary');
  });

  it('ferry snapshot counts one table as one table', () => {
    const out = join(dir, 'v2.json');
    const r = runFerry(['snapshot', ...dbs, 'v2', '--output', out, '--no-stats'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/: 1 table, 0 views of v2 \(SQLite\)\n$/);
  });

  it('does not wrap findings on a terminal that reports 0 columns (stty cols 0)', () => {
    const command = [process.execPath, FERRY_BIN, 'check', ...dbs, '--from', 'v1', '--to', 'v2'].map((w) => `'${w}'`).join(' ');
    const r = spawnSync('script', ['-qec', `stty cols 0; NO_COLOR=1 ${command}`, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const lines = r.stdout.replace(/\r/g, '').split('\n');
    const finding = lines.findIndex((l) => l.startsWith('  ERROR   C101 note: '));
    expect(finding, r.stdout).toBeGreaterThan(0);
    // The whole message on the finding's line, not one word per line beneath it.
    expect(lines[finding]!.length).toBeGreaterThan(60);
    expect(lines.filter((l) => /^ {10}\S+$/.test(l))).toEqual([]);
  });
});
