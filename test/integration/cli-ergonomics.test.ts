import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { FERRY_BIN, maria, native, pg, runFerry, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const ferry = runFerry;
const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

describe('ferry CLI ergonomics', () => {
  const dir = tempDir('i12a-ergo-');
  const h2 = `jdbc:h2:${join(dir, 'big')}`;

  beforeAll(async () => {
    await native(h2, 'CREATE TABLE nums AS SELECT X AS id FROM SYSTEM_RANGE(1, 300000)');
  });

  it('ends quietly with exit 0 when the reader of its output stops early (| head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${FERRY_BIN}" query --db big=${h2} -f csv "SELECT id FROM big.PUBLIC.NUMS" | head -n 2; echo "exit=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toBe('id\r\n1\r\nexit=0\n');
    expect(r.stderr).toBe('');
  });

  it("reports argument-parser errors in Ferry's format, pointing at the command's help", () => {
    const missing = ferry(['check', '--from', 'a'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("ferry: error [USAGE]: required option '--to <b>' not specified (see ferry check --help)\n");
    const unknown = ferry(['query', '--frobnicate', 'SELECT 1'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe("ferry: error [USAGE]: unknown option '--frobnicate' (see ferry query --help)\n");
    const command = ferry(['qeury'], dir);
    expect(command.code).toBe(2);
    expect(command.err).toBe("ferry: error [USAGE]: unknown command 'qeury' (Did you mean query?) (see ferry --help)\n");
  });

  it('finds ferry.yaml in a parent folder, and the config FERRY_CONFIG names', () => {
    writeFileSync(join(dir, 'ferry.yaml'), `databases:\n  big:\n    url: ${h2}\n    schema: PUBLIC\n`);
    const deep = join(dir, 'src', 'deep');
    mkdirSync(deep, { recursive: true });
    const r = ferry(['query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM big.nums'], deep);
    expect(r.err).toBe('');
    expect(r.out).toBe('n\r\n300000\r\n');
    const elsewhere = tempDir('i12a-elsewhere-');
    writeFileSync(join(elsewhere, 'named.yaml'), `databases:\n  other:\n    url: ${h2}\n    schema: PUBLIC\n`);
    const named = ferry(['query', '-f', 'csv', 'SELECT MAX(id) AS m FROM other.nums'], deep, { FERRY_CONFIG: join(elsewhere, 'named.yaml') });
    expect(named.out).toBe('m\r\n300000\r\n');
    const none = ferry(['query', 'SELECT 1'], tempDir('i12a-noconfig-'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^ferry: error \[CONFIG_NOT_FOUND\]: no ferry.yaml in .* or its parents, and FERRY_CONFIG is not set/);
  });

  it('takes sqlite:path URLs relative to the config folder', async () => {
    const lite = tempDir('i12a-lite-');
    await native(`jdbc:sqlite:${join(lite, 'shop.db')}`, 'CREATE TABLE orders (id INTEGER PRIMARY KEY)', 'INSERT INTO orders VALUES (1), (2)');
    writeFileSync(join(lite, 'ferry.yaml'), 'databases:\n  shop:\n    url: sqlite:./shop.db\n');
    mkdirSync(join(lite, 'sub'));
    const r = ferry(['query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM shop.orders'], join(lite, 'sub'));
    expect(r.out).toBe('n\r\n2\r\n');
  });

  it.runIf(havePg && haveMaria)('connects with postgres:// and mysql:// URLs, and never prints a password written in them', async () => {
    await pg('DROP SCHEMA IF EXISTS i12a_urls CASCADE', 'CREATE SCHEMA i12a_urls', 'CREATE TABLE i12a_urls.t (id INT PRIMARY KEY)', 'INSERT INTO i12a_urls.t VALUES (7)');
    await maria('DROP DATABASE IF EXISTS i12a_urls', 'CREATE DATABASE i12a_urls', 'CREATE TABLE i12a_urls.t (id INT PRIMARY KEY, label VARCHAR(20))', "INSERT INTO i12a_urls.t VALUES (7, 'from mariadb')");
    const pgUrl = `postgres://${SERVICES.postgres.user}@${SERVICES.postgres.host}:${SERVICES.postgres.port}/test?ApplicationName=i12a`;
    const myUrl = `mysql://${SERVICES.mariadb.user}@${SERVICES.mariadb.host}:${SERVICES.mariadb.port}/test`;
    const r = ferry(['query', '--db', `p=${pgUrl}`, '--db', `m=${myUrl}`, '-f', 'csv', 'SELECT p.id, m.label FROM p.i12a_urls.t AS p JOIN m.i12a_urls.t AS m ON p.id = m.id'], dir);
    expect(r.err).toBe('');
    expect(r.out).toBe('id,label\r\n7,from mariadb\r\n');
    const bad = ferry(['doctor', '--db', 'p=postgres://postgres:Sup3rSecretPw@127.0.0.1:1/test', '--json'], dir);
    expect(bad.code).toBe(3);
    expect(bad.out).toContain('CONNECTION_FAILED');
    expect(bad.out + bad.err).not.toContain('Sup3rSecretPw');
  });

  it('ferry demo --format json: one document of every step, nothing else on stdout', () => {
    const outside = tempDir('i12a-demo-json-');
    const r = ferry(['demo', '--dir', 'shopjson', '--format', 'json'], outside);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as { dir: string; query: { rows: { country: string }[] }; check: { summary: { error: number } }; copy: { table: string; ok: boolean }[]; verify: { tables: { table: string; match: boolean }[] } };
    expect(doc.dir).toMatch(/shopjson$/);
    expect(doc.query.rows.length).toBeGreaterThan(0);
    expect(doc.check.summary.error).toBeGreaterThan(0);
    expect(doc.copy.map((c) => [c.table, c.ok])).toEqual([['customers', true], ['products', true], ['orders', true]]);
    expect(doc.verify.tables.map((t) => t.match)).toEqual([true, true, true]);
  });

  it('ferry demo prints continue-by-hand commands that work from any folder, never npx ferry', () => {
    const outside = tempDir('i12a-demo-');
    const r = ferry(['demo', '--dir', 'shopdemo'], outside);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('npx ferry');
    // The package is not on npm: the install Ferry names is of this clone.
    expect(r.err).not.toContain('calcite-ferry');
    const clone = dirname(dirname(realpathSync(FERRY_BIN)));
    expect(r.err).toContain(`Try it yourself (from any folder; \`npm install -g ${clone}\` (or \`npm link\` in ${clone}) puts \`ferry\` on the PATH):\n`);
    const lines = r.err.slice(r.err.indexOf('Try it yourself')).split('\n').map((l) => l.trim());
    expect(lines[1]).toBe('cd shopdemo');
    expect(lines[2]).toMatch(/^node \S+\/bin\/ferry\.js query "SELECT country/);
    const typed = spawnSync('bash', ['-c', `${lines[1]} && ${lines[2]}`], { cwd: outside, encoding: 'utf8', timeout: 120_000 });
    expect(typed.status, typed.stderr).toBe(0);
    expect(typed.stdout).toMatch(/^country,customers\r\n/);
    // Installed on the PATH (npm install -g, npm link), the plain name is printed.
    const bin = tempDir('i12a-path-');
    symlinkSync(FERRY_BIN, join(bin, 'ferry'));
    const onPath = ferry(['demo', '--dir', 'again'], outside, { PATH: `${bin}:${process.env.PATH ?? ''}` });
    expect(onPath.err).toContain('\n  ferry query "SELECT country');
    expect(onPath.err).toContain('\nTry it yourself (from any folder):\n');
  });
});
