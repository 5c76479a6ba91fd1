import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry } from '../../src/api/index.js';
import { FERRY_BIN, maria, pg, serviceConfig, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-migrate-resume-');
const config = serviceConfig(dir);
const ROWS = 200_000;
const ARGS = ['migrate', '--from', 'pg.ferry_mres_src', '--to', 'maria.ferry_mres_dst', '--chunk-rows', '5000', '--parallel', '1', '-c', config];

describe.skipIf(!havePg || !haveMaria)('a migration killed mid-load resumes to an exact database', () => {
  let ferry: Ferry;
  beforeAll(async () => {
    await pg(
      'DROP SCHEMA IF EXISTS ferry_mres_src CASCADE', 'CREATE SCHEMA ferry_mres_src',
      'CREATE TABLE ferry_mres_src.accounts (id serial PRIMARY KEY, owner text NOT NULL)',
      "INSERT INTO ferry_mres_src.accounts (owner) SELECT 'owner ' || i FROM generate_series(1, 50) i",
      'CREATE TABLE ferry_mres_src.entries (id bigserial PRIMARY KEY, account_id integer NOT NULL REFERENCES ferry_mres_src.accounts (id), amount numeric(12,2) NOT NULL, note varchar(40))',
      `INSERT INTO ferry_mres_src.entries (account_id, amount, note) SELECT (i % 50) + 1, (i % 100000) / 7.0, 'entry ' || i FROM generate_series(1, ${ROWS}) i`,
    );
    await maria('DROP DATABASE IF EXISTS ferry_mres_dst', 'CREATE DATABASE ferry_mres_dst');
    ferry = await Ferry.open({ databases: { pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user }, maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user } } });
  }, 120_000);
  afterAll(async () => {
    await ferry?.close();
    if (havePg) await pg('DROP SCHEMA IF EXISTS ferry_mres_src CASCADE');
    if (haveMaria) await maria('DROP DATABASE IF EXISTS ferry_mres_dst');
  });

  it('kill -9 after some chunks; --resume loads the rest, builds the keys and verifies; the checkpoints never touch the user\'s database', async () => {
    const child = spawn(process.execPath, [FERRY_BIN, ...ARGS], { stdio: 'ignore' });
    const job = "job = 'migrate:pg->maria' AND tbl = 'ferry_mres_dst.entries'";
    let committed = 0;
    for (let waited = 0; waited < 120_000 && committed < 20_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      const rows = await ferry.rows(`SELECT "rows" AS n FROM maria.ferry.ferry_checkpoint WHERE ${job}`).catch(() => []);
      committed = Number(rows[0]?.n ?? 0);
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(committed).toBeGreaterThanOrEqual(20_000);

    // Killed mid-load: the committed chunks are there, their checkpoint in Ferry's own database.
    const [loaded] = await ferry.rows('SELECT COUNT(*) AS n FROM maria.ferry_mres_dst.entries');
    expect(Number(loaded!.n)).toBeLessThan(ROWS);
    expect([...(await ferry.tableNames('maria', 'ferry_mres_dst')).tables].sort()).toEqual(['accounts', 'entries']);

    // Without --resume the half-loaded target is refused, naming what to do.
    const again = spawnSync(process.execPath, [FERRY_BIN, ...ARGS], { encoding: 'utf8', timeout: 180_000 });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/MIGRATE_TARGET_NOT_EMPTY.*--resume/s);

    const resumed = spawnSync(process.execPath, [FERRY_BIN, ...ARGS, '--resume', '-f', 'json'], { encoding: 'utf8', timeout: 300_000 });
    expect(resumed.status, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as { ok: boolean; failedSteps: unknown[]; tables: { target: string; rows: number; verify: { match: boolean; targetRows: number } }[] };
    expect(report.failedSteps).toEqual([]);
    const entries = report.tables.find((t) => t.target === 'entries')!;
    expect(entries.rows).toBeLessThan(ROWS);
    expect([entries.verify.match, entries.verify.targetRows]).toEqual([true, ROWS]);
    expect(report.ok).toBe(true);

    // The keys, foreign key and identity exist after the resumed run, and the checkpoints are gone.
    const snap = await ferry.inspect('maria', 'ferry_mres_dst', ['entries']);
    expect(snap.tables[0]!.foreignKeys.map((f) => f.refTable)).toEqual(['accounts']);
    expect(await ferry.rows(`SELECT COUNT(*) AS n FROM maria.ferry.ferry_checkpoint WHERE ${job}`)).toEqual([{ n: 0n }]);
  }, 600_000);
});
