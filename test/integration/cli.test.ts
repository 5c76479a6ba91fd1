import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { native, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const BIN = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));
const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

function ferry(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('ferry CLI', () => {
  const dir = tempDir('ferry-cli-');
  const h2 = `jdbc:h2:${join(dir, 'wh')}`;

  beforeAll(async () => {
    await native(h2, 'CREATE TABLE items (id BIGINT PRIMARY KEY, price DECIMAL(12,2), label VARCHAR(40))',
      "INSERT INTO items VALUES (9223372036854775807, 10.50, 'a'), (2, NULL, '')");
    writeFileSync(join(dir, 'ferry.yaml'), `databases:\n  wh:\n    url: ${h2}\n    schema: PUBLIC\n  ro:\n    url: ${h2}\n    schema: PUBLIC\n    readOnly: true\n`);
  });

  it('prints JSON with exact BIGINT and DECIMAL values', () => {
    const r = ferry(['query', '-f', 'json', 'SELECT id, price, label FROM wh.items ORDER BY id DESC'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe('[\n{"id":9223372036854775807,"price":"10.50","label":"a"},\n{"id":2,"price":null,"label":""}\n]\n');
  });

  it('keeps NULL and empty string apart in CSV', () => {
    const r = ferry(['query', '-f', 'csv', 'SELECT id, price, label FROM wh.items ORDER BY id'], dir);
    expect(r.out).toBe('id,price,label\r\n2,,""\r\n9223372036854775807,10.50,a\r\n');
  });

  it('writes an Arrow IPC file that apache-arrow reads', () => {
    const file = join(dir, 'out.arrow');
    const r = ferry(['query', '-f', 'arrow', '-o', file, 'SELECT id, price FROM wh.items ORDER BY id'], dir);
    expect(r.code).toBe(0);
    const t = tableFromIPC(readFileSync(file));
    expect(t.numRows).toBe(2);
    expect(t.getChild('id')!.get(1)).toBe(9223372036854775807n);
  });

  it('rows written through Ferry into an H2 file survive process exit', () => {
    expect(ferry(['query', "INSERT INTO wh.items VALUES (3, 1.25, 'new')"], dir).out).toMatch(/ROWCOUNT|EXPR\$0|1/);
    const r = ferry(['query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM wh.items'], dir);
    expect(r.out).toBe('n\r\n3\r\n');
  });

  it('refuses to write to a readOnly database and writes nothing', () => {
    const r = ferry(['query', "INSERT INTO ro.items VALUES (4, 1, 'x')"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/READ_ONLY.*'ro' is marked readOnly/);
    expect(ferry(['query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM wh.items WHERE id = 4'], dir).out).toBe('n\r\n0\r\n');
  });

  it('shows syntax errors with line, column and a caret; exit 2', () => {
    const r = ferry(['query', 'SELECT id\nFROM wh.items WHERE'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[SQL_SYNTAX]');
    expect(r.err).toMatch(/at line 2, column \d+:\n {4}FROM wh.items WHERE\n {4} *\^/);
  });

  it('names a reserved word a syntax error stopped at and says to quote it; exit 2', () => {
    const r = ferry(['query', 'SELECT id,\n  label AS value\nFROM wh.items'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[SQL_SYNTAX]');
    expect(r.err).toContain('value is a reserved word in SQL: where it names a column, table, database or alias, write it in double quotes: "value"');
    expect(r.err).toMatch(/at line 2, column 12:\n {4} {2}label AS value\n {4} {11}\^/);
    const from = ferry(['query', 'SELECT * FROM user.items'], dir);
    expect(from.code).toBe(2);
    expect(from.err).toContain('user is a reserved word in SQL');
    expect(from.err).toContain('"user"');
    const quoted = ferry(['query', '-f', 'csv', 'SELECT label AS "value" FROM wh.items WHERE id = 2'], dir);
    expect(quoted.code).toBe(0);
    expect(quoted.out).toBe('value\r\n""\r\n');
  });

  it('refuses a database named like a reserved word when the config loads; exit 2', () => {
    const r = ferry(['query', '--db', `ref=${h2}`, 'SELECT 1'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`[CONFIG_INVALID]: --db: databases.ref: 'ref' is a reserved word in SQL, so every query would have to write it in double quotes ("ref"); rename the database, e.g. ref_db`);
  });

  it('names the key of a bad config; exit 2', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'databases:\n  shop:\n    url: ftp://nope\n    pasword: x\n');
    const r = ferry(['query', '-c', bad, 'SELECT 1'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CONFIG_INVALID.*databases\.shop\.url: a database URL: postgres:\/\/user@host/);
    expect(r.err).toMatch(/unknown key 'pasword'/);
  });

  it('rejects --db together with --config; exit 2', () => {
    const r = ferry(['query', '-c', 'ferry.yaml', '--db', 'x=jdbc:h2:mem:x', 'SELECT 1'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot be combined/);
  });

  it.skipIf(!havePg)('an unreachable database exits 3, names it, and never shows the password', () => {
    const cfg = join(dir, 'down.yaml');
    writeFileSync(cfg, 'databases:\n  down:\n    url: jdbc:postgresql://127.0.0.1:1/test?password=urlsecret99\n    user: postgres\n    password: ${FERRY_TEST_PW}\n');
    const r = ferry(['query', '-c', cfg, 'SELECT * FROM down.public.t'], dir, { FERRY_TEST_PW: 'envsecret42' });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/CONNECTION_FAILED.*'down'/);
    expect(r.out + r.err).not.toMatch(/envsecret42|urlsecret99/);
  });

  it.skipIf(!haveMaria)('wrong credentials exit 3 without the password', () => {
    const r = ferry(['query', '--db', `m=${SERVICES.mariadb.url}?user=nobody_here&password=pw_leak_77`, 'SELECT * FROM m.test.t'], dir);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/CONNECTION_FAILED.*'m'/);
    expect(r.out + r.err).not.toContain('pw_leak_77');
  });

  it.skipIf(!havePg)('doctor checks Java, jars, drivers and every database', async () => {
    await pg('SELECT 1');
    const cfg = join(dir, 'doctor.yaml');
    writeFileSync(cfg, `databases:\n  wh:\n    url: ${h2}\n  pg:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n`);
    const ok = ferry(['doctor', '-c', cfg], dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/✓ java +17/);
    expect(ok.out).toMatch(/org\.postgresql\.Driver/);
    expect(ok.out).toMatch(/✓ database pg +PostgreSQL/);
    const bad = ferry(['doctor', '--db', 'gone=jdbc:postgresql://127.0.0.1:1/x'], dir);
    expect(bad.code).toBe(3);
    expect(bad.out).toMatch(/✗ database gone .*CONNECTION_FAILED/);
  });

  it('demo creates both databases and prints a cross-database result', () => {
    const r = ferry(['demo', '--dir', join(dir, 'demo')], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/│ name +│ category │ revenue +│ in_stock │/);
    expect(r.out.split('\n').filter((l) => /^│ \S/.test(l))).toHaveLength(6);
  });
});
