import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, Ferry } from '../../src/api/index.js';
import type { CopyEvent } from '../../src/copy/events.js';
import type { FerryConfigInput } from '../../src/config/index.js';
import { textRows } from './copy-fixture.js';
import { maria, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
/** This run's own schemas and database, so that other sessions' tables never count. */
const S = `ckpt_it_${process.pid}`;
const T = `${S}_t`;
const LEGACY_TABLE = (schema: string) => `CREATE TABLE ${schema}.ferry_checkpoint (job VARCHAR(200) NOT NULL, tbl VARCHAR(200) NOT NULL, chunk_hi VARCHAR(200), "rows" BIGINT, watermark VARCHAR(200), updated_at TIMESTAMP, PRIMARY KEY (job, tbl))`;

/** Whether `ref` names a table Ferry's federation can read (a query on it runs). */
async function exists(config: FerryConfigInput, ref: string): Promise<boolean> {
  return textRows(config, `SELECT COUNT(*) FROM ${ref}`).then(() => true, (e: Error) => {
    if (!/not found/i.test(e.message)) throw e;
    return false;
  });
}

describe.skipIf(!havePg || !haveMaria)("ferry copy keeps its checkpoints out of the user's schema", () => {
  const dir = tempDir('ferry-ckpt-');
  const config: FerryConfigInput = {
    databases: {
      src: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: S },
      pgt: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: T },
      mt: { url: `jdbc:mariadb://127.0.0.1:3306/${S}`, user: SERVICES.mariadb.user, schema: S },
      lite: { url: `jdbc:sqlite:${join(dir, 'target.db')}` },
      // Unpinned, to reach Ferry's own schema and database beside the users'.
      pgall: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
      mall: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
    },
  };
  let ferry: Ferry;
  const run = async (options: Omit<Parameters<typeof copy>[1], 'from'>, events: CopyEvent[] = []) => copy(ferry, { from: 'src', ...options }, (e) => events.push(e));

  beforeAll(async () => {
    await pg(
      `DROP SCHEMA IF EXISTS ${S} CASCADE`, `DROP SCHEMA IF EXISTS ${T} CASCADE`, `CREATE SCHEMA ${S}`, `CREATE SCHEMA ${T}`,
      `CREATE TABLE ${S}.items (id BIGINT PRIMARY KEY, s TEXT)`,
      `INSERT INTO ${S}.items SELECT i, 'item ' || i FROM generate_series(1, 3000) i`,
      `CREATE TABLE ${S}.legacy (LIKE ${S}.items INCLUDING ALL)`,
      `INSERT INTO ${S}.legacy SELECT * FROM ${S}.items`,
      `CREATE TABLE ${S}.inc (id BIGINT PRIMARY KEY, v TEXT, updated_at TIMESTAMP)`,
      `INSERT INTO ${S}.inc VALUES (1, 'a', '2024-01-01 00:00:00'), (2, 'b', '2024-01-02 00:00:00'), (3, 'c', '2024-01-03 00:00:00')`,
      `CREATE TABLE ${S}.orphan (id BIGINT PRIMARY KEY)`,
    );
    await maria(`DROP DATABASE IF EXISTS ${S}`, `CREATE DATABASE ${S}`);
    ferry = await Ferry.open(config);
  });
  afterAll(async () => {
    await ferry?.close();
    await pg(`DROP SCHEMA IF EXISTS ${S} CASCADE`, `DROP SCHEMA IF EXISTS ${T} CASCADE`);
    await maria(`DROP DATABASE IF EXISTS ${S}`);
  });

  it.each([
    { engine: 'PostgreSQL', to: 'pgt', namespace: T, all: 'pgall' },
    { engine: 'MariaDB', to: 'mt', namespace: S, all: 'mall' },
  ])("$engine: the target's schema holds the copied table alone; the checkpoint is in Ferry's own", async ({ to, namespace, all }) => {
    const [r] = await run({ to, tables: ['items'], create: true, chunkRows: 1000 });
    expect(r).toMatchObject({ ok: true, rows: 3000, target: `${namespace}.items` });
    expect(await exists(config, `${all}.${namespace}.ferry_checkpoint`)).toBe(false);
    expect(await textRows(config, `SELECT chunk_hi, "rows" FROM ${all}.ferry.ferry_checkpoint WHERE job = 'src->${to}' AND tbl = '${namespace}.items'`)).toEqual([['done', '3000']]);
    // check and snapshot see the user's tables only.
    expect((await ferry.inspect(to)).tables.map((t) => t.name)).toEqual(['items']);
  });

  it('a copy an older Ferry checkpointed beside the table resumes from there, and that table goes once done', async () => {
    await pg(
      `CREATE TABLE ${T}.legacy (LIKE ${S}.legacy INCLUDING ALL)`,
      `INSERT INTO ${T}.legacy SELECT * FROM ${S}.legacy WHERE id <= 1000`,
      LEGACY_TABLE(T),
      `INSERT INTO ${T}.ferry_checkpoint VALUES ('src->pgt', '${T}.legacy', 'hi:1000', 1000, NULL, now())`,
    );
    const events: CopyEvent[] = [];
    const [r] = await run({ to: 'pgt', tables: ['legacy'], resume: true, chunkRows: 500 }, events);
    expect(r).toMatchObject({ ok: true, rows: 2000 });
    expect(events.find((e) => e.kind === 'done')).toMatchObject({ resumedFrom: '1000' });
    expect(await textRows(config, `SELECT COUNT(*) FROM (SELECT * FROM src.legacy EXCEPT SELECT * FROM pgt.legacy) x`)).toEqual([['0']]);
    expect(await textRows(config, 'SELECT COUNT(*) FROM pgt.legacy')).toEqual([['3000']]);
    expect(await textRows(config, `SELECT chunk_hi, "rows" FROM pgall.ferry.ferry_checkpoint WHERE job = 'src->pgt' AND tbl = '${T}.legacy'`)).toEqual([['done', '3000']]);
    expect(await exists(config, `pgall.${T}.ferry_checkpoint`)).toBe(false);
  });

  it('an incremental copy continues from the watermark an older Ferry remembered beside the table', async () => {
    await pg(
      `CREATE TABLE ${T}.inc (LIKE ${S}.inc INCLUDING ALL)`,
      `INSERT INTO ${T}.inc SELECT * FROM ${S}.inc WHERE id <= 2`,
      LEGACY_TABLE(T),
      `INSERT INTO ${T}.ferry_checkpoint VALUES ('src->pgt', '${T}.inc', 'done', 2, '2024-01-02 00:00:00', now()), ('another job', '${T}.inc', 'done', 2, NULL, now())`,
    );
    const events: CopyEvent[] = [];
    const [r] = await run({ to: 'pgt', tables: ['inc'], mode: 'incremental', watermark: 'updated_at' }, events);
    expect(r).toMatchObject({ ok: true, rows: 1 });
    expect(events.filter((e) => e.kind === 'note').map((e) => (e as { message: string }).message).join('\n')).toContain('updated_at > 2024-01-02 00:00:00');
    expect(await textRows(config, `SELECT watermark FROM pgall.ferry.ferry_checkpoint WHERE job = 'src->pgt' AND tbl = '${T}.inc'`)).toEqual([['2024-01-03 00:00:00']]);
    // The old row went; another job's stays, and with it the table.
    expect(await textRows(config, `SELECT job FROM pgall.${T}.ferry_checkpoint`)).toEqual([['another job']]);
  });

  it('SQLite: a completed copy leaves no ferry_checkpoint; incremental watermarks and an unfinished copy keep theirs', async () => {
    expect((await run({ to: 'lite', tables: ['items'], create: true, chunkRows: 1000 }))[0]).toMatchObject({ ok: true, rows: 3000 });
    expect(await exists(config, 'lite.ferry_checkpoint')).toBe(false);

    const inc = { to: 'lite', tables: ['inc'], create: true, mode: 'incremental', watermark: 'updated_at' } as const;
    expect((await run(inc))[0]).toMatchObject({ ok: true, rows: 3 });
    expect(await textRows(config, 'SELECT tbl, watermark FROM lite.ferry_checkpoint')).toEqual([['inc', '2024-01-03 00:00:00']]);
    expect((await ferry.inspect('lite')).tables.map((t) => t.name).sort()).toEqual(['inc', 'items']);
    expect((await run(inc))[0]).toMatchObject({ ok: true, rows: 0 });

    // One table of two fails: the finished one's checkpoint stays for --resume, which skips it.
    const partial = await run({ to: 'lite', tables: ['items', 'orphan'], mode: 'replace' });
    expect(partial.map((t) => t.ok)).toEqual([true, false]);
    expect(await textRows(config, 'SELECT tbl, chunk_hi FROM lite.ferry_checkpoint ORDER BY tbl')).toEqual([['inc', 'done'], ['items', 'done']]);
  });
});
