import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { native, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const BIN = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));
const havePg = await serviceAvailable('postgres');

describe.skipIf(!havePg)('verify PostgreSQL → SQLite after Ferry copied it', () => {
  const dir = tempDir('ferry-verify-sqlite-');
  const cfg = join(dir, 'ferry.yaml');
  const lite = `jdbc:sqlite:${join(dir, 'lite.db')}`;
  const legacy = `jdbc:sqlite:${join(dir, 'legacy.db')}`;
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '-c', cfg], { encoding: 'utf8', cwd: dir, timeout: 180_000 });
  const json = (r: ReturnType<typeof run>) => JSON.parse(r.stdout) as { tables: { match: boolean; differingKeys: string[]; differingKeyCount: number; truncated: boolean }[] };

  beforeAll(async () => {
    await pg('DROP SCHEMA IF EXISTS verify_lite CASCADE', 'CREATE SCHEMA verify_lite',
      `CREATE TABLE verify_lite.t (id INT PRIMARY KEY, tz TIMESTAMPTZ, ts TIMESTAMP(6), c CHAR(5), d DATE, n NUMERIC(10,2),
         b BOOLEAN, f DOUBLE PRECISION, r REAL, tm TIME(6), by BYTEA, j JSONB, u UUID, v VARCHAR(10))`,
      `INSERT INTO verify_lite.t SELECT i, TIMESTAMPTZ '2024-01-02 03:04:05+02' + i * INTERVAL '1.1 second',
         TIMESTAMP '2024-01-02 03:04:05' + i * INTERVAL '1.000001 second', CASE WHEN i % 3 = 0 THEN 'ab' ELSE 'abcde' END,
         DATE '1999-12-31' + i, i * 0.25, i % 2 = 0, i * 1.23456789, i * 0.1, TIME '12:00:00' + i * INTERVAL '1.5 second',
         decode(lpad(to_hex(i), 4, '0'), 'hex'), jsonb_build_object('i', i), md5(i::text)::uuid, 'v' || i
       FROM generate_series(1, 250) i`,
      "INSERT INTO verify_lite.t (id) VALUES (0)");
    // A target made by hand (or by an older --create): timestamptz as TEXT, CHAR(5) padded.
    await native(legacy, 'CREATE TABLE t (id INTEGER PRIMARY KEY, tz TEXT, ts TEXT, c CHAR(5), d TEXT, n TEXT, b INTEGER, f REAL, r REAL, tm TEXT, by BLOB, j TEXT, u TEXT, v TEXT)');
    writeFileSync(cfg, `databases:\n  pg:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: verify_lite\n  lite:\n    url: ${lite}\n  legacy:\n    url: ${legacy}\n`);
  });

  it('a copy --create into SQLite verifies exact, every type compared by its source type', () => {
    const c = run('copy', '--from', 'pg', '--to', 'lite', '--tables', 't', '--create');
    expect(c.status, c.stderr).toBe(0);
    const v = run('verify', '--from', 'pg', '--to', 'lite', '--tables', 't', '--format', 'json');
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(json(v).tables[0]).toMatchObject({ match: true, differingKeys: [], differingKeyCount: 0, truncated: false });
    // The timestamptz is a timestamp in SQLite too, and a query reads every fraction digit as
    // written (the driver's own parse took '.1' for one millisecond).
    const q = run('query', '-f', 'csv', 'SELECT tz, ts, tm FROM lite.t WHERE id = 1');
    expect(q.stdout.trim().split('\n')[1]).toBe('2024-01-02 01:04:06.1,2024-01-02 03:04:06.000001,12:00:01.5');
    const latest = run('query', '-f', 'csv', 'SELECT MAX(tz) AS m FROM lite.t');
    expect(latest.stdout.trim().split('\n')[1]).toBe('2024-01-02 01:08:40');
  });

  it('a target whose columns are declared TEXT still compares by the source types', () => {
    const c = run('copy', '--from', 'pg', '--to', 'legacy', '--tables', 't');
    expect(c.status, c.stderr).toBe(0);
    const v = run('verify', '--from', 'pg', '--to', 'legacy', '--tables', 't', '--format', 'json');
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(json(v).tables[0]).toMatchObject({ match: true, differingKeyCount: 0 });
  });

  it('verify --format json gives the total of differing keys and says when the list is cut', async () => {
    await native(lite, "UPDATE t SET v = 'changed' WHERE id BETWEEN 1 AND 150");
    const v = run('verify', '--from', 'pg', '--to', 'lite', '--tables', 't', '--format', 'json');
    expect(v.status).toBe(1);
    const t = json(v).tables[0]!;
    expect(t).toMatchObject({ match: false, differingKeyCount: 150, truncated: true });
    expect(t.differingKeys).toHaveLength(100);
    expect(t.differingKeys[0]).toBe('id=1');
  });
});
