import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyHandle, type EngineHandle } from '../../src/bridge/index.js';
import type { CopyProgress } from '../../src/copy/events.js';
import { checkpointsIn, copyConfig, copyTable, openEngine, PG_ALL, textRows } from './copy-fixture.js';
import { maria, pg } from './fixtures.js';
import { serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const JOB = `copy-resume-${process.pid}-${Date.now()}`;
const CHILD = fileURLToPath(new URL('./copy-child.mjs', import.meta.url));

describe.skipIf(!havePg)('a copy killed mid-table resumes to an exact result', () => {
  const config = copyConfig(PG_ALL);
  let engine: EngineHandle;
  beforeAll(async () => {
    await pg(
      'DROP TABLE IF EXISTS public.copy_crash_src', 'DROP TABLE IF EXISTS public.copy_crash_dst',
      'DROP TABLE IF EXISTS public.copy_crash_nokey',
      'CREATE TABLE public.copy_crash_src (id BIGINT PRIMARY KEY, s VARCHAR(40), d NUMERIC(12,2), ts TIMESTAMP(6), b BOOLEAN)',
      "INSERT INTO public.copy_crash_src SELECT i * 3, 'row ' || i || E' \\t😀', (i % 100000) / 7.0, TIMESTAMP '2020-01-01' + i * INTERVAL '1.000001 second', i % 2 = 0 FROM generate_series(1, 200000) i",
      'CREATE TABLE public.copy_crash_dst (id BIGINT PRIMARY KEY, s VARCHAR(40), d NUMERIC(12,2), ts TIMESTAMP(6), b BOOLEAN)',
      'CREATE TABLE public.copy_crash_nokey (id BIGINT, s TEXT)',
      "INSERT INTO public.copy_crash_nokey SELECT i, 'x' FROM generate_series(1, 1000) i",
    );
    engine = await openEngine(config);
  });
  afterAll(async () => engine?.close());

  it('kill -9 after some chunks, then --resume: no row lost, none doubled', async () => {
    const request = { from: 'pg', to: 'pg', table: 'copy_crash_src', targetTable: 'copy_crash_dst', chunkRows: 5000, job: JOB };
    const child = spawn(process.execPath, [CHILD, JSON.stringify(config), JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last: CopyProgress | undefined;
    for await (const line of createInterface({ input: child.stdout! })) {
      last = JSON.parse(line) as CopyProgress;
      if (last.chunksDone >= 4) {
        child.kill('SIGKILL');
        break;
      }
    }
    await new Promise((r) => child.once('exit', r));
    expect(last?.chunksDone).toBeGreaterThanOrEqual(4);

    // Committed progress is visible in Ferry's own schema, none beside the user's tables, and
    // the target holds exactly the checkpointed rows.
    const [[hi, committed]] = (await textRows(config, `SELECT chunk_hi, "rows" FROM pgall.ferry.ferry_checkpoint WHERE job = '${JOB}'`)) as [[string, string]];
    expect(await checkpointsIn(config, 'pg.ferry_checkpoint', JOB)).toBe(0);
    expect(hi).toMatch(/^hi:\d+$/);
    expect((await textRows(config, 'SELECT COUNT(*) FROM pg.copy_crash_dst'))[0]).toEqual([committed]);
    expect(Number(committed)).toBeLessThan(200_000);

    const resumed = await copyTable(engine, { ...request, resume: true });
    expect(resumed.resumedFrom).toBe(hi.slice(3));
    expect(resumed.skippedChunks).toBe(Number(committed) / 5000);
    expect(resumed.totalRows).toBe(200_000);
    expect(resumed.rows).toBe(200_000 - Number(committed));
    // Exact: same count, and nothing in either table that the other lacks.
    expect(await textRows(config, 'SELECT COUNT(*) FROM pg.copy_crash_dst')).toEqual([['200000']]);
    expect(await textRows(config, 'SELECT COUNT(*) FROM (SELECT * FROM pg.copy_crash_src EXCEPT SELECT * FROM pg.copy_crash_dst) x')).toEqual([['0']]);
    expect(await textRows(config, 'SELECT COUNT(*) FROM (SELECT * FROM pg.copy_crash_dst EXCEPT SELECT * FROM pg.copy_crash_src) x')).toEqual([['0']]);
  });

  it('a table without a key is one transaction, and resume says it starts over', async () => {
    const job = await CopyHandle.open(engine, { from: 'pg', to: 'h2', table: 'copy_crash_nokey', create: true, resume: true, chunkRows: 100, job: JOB });
    const plan = await job.plan();
    expect(plan.chunks).toEqual([{ from: null, to: null }]);
    expect(plan.notes.join('\n')).toMatch(/no primary key whose first column.*one transaction.*--resume starts it over/);
    expect((await job.run()).rows).toBe(1000);
  });

  it('replace deletes and reloads in the first chunk\'s transaction; a dry run writes nothing', async () => {
    const dry = await CopyHandle.open(engine, { from: 'pg', to: 'lite', table: 'copy_crash_nokey', create: true, dryRun: true, job: JOB });
    expect((await dry.plan()).ddl[0]).toMatch(/^CREATE TABLE "copy_crash_nokey"/);
    expect((await dry.run()).rows).toBe(0);
    expect(await textRows(config, "SELECT COUNT(*) FROM pg.copy_crash_src WHERE id < 0")).toEqual([['0']]);
    await copyTable(engine, { from: 'pg', to: 'h2', table: 'copy_crash_nokey', mode: 'replace', job: JOB });
    expect(await textRows(config, 'SELECT COUNT(*) FROM h2.copy_crash_nokey')).toEqual([['1000']]);
  });
});

describe.skipIf(!havePg || !haveMaria)('values the target cannot hold, upserts and read-only targets', () => {
  const config = copyConfig({ ...PG_ALL, pgro: { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres', schema: 'public', readOnly: true } });
  let engine: EngineHandle;
  beforeAll(async () => {
    await maria(
      'DROP TABLE IF EXISTS copy_rej', 'DROP TABLE IF EXISTS copy_up',
      'CREATE TABLE copy_rej (id BIGINT PRIMARY KEY, s VARCHAR(10), d DECIMAL(10,2)) CHARACTER SET utf8mb4',
      "INSERT INTO copy_rej VALUES (1, 'ab', 1.5), (2, 'ab😀d', 2), (3, 'x', 3)",
      'CREATE TABLE copy_up (id BIGINT PRIMARY KEY, s VARCHAR(10), n INT)',
      "INSERT INTO copy_up VALUES (1, 'one', 1), (2, 'two', 2)",
    );
    await pg(
      'DROP TABLE IF EXISTS public.copy_rej', 'DROP TABLE IF EXISTS public.copy_up',
      'CREATE TABLE public.copy_rej (id BIGINT PRIMARY KEY, s VARCHAR(3), d NUMERIC(5,2))',
      'CREATE TABLE public.copy_up (id BIGINT PRIMARY KEY, s VARCHAR(10), n INT)',
      "INSERT INTO public.copy_up VALUES (2, 'old', 0), (9, 'keep', 9)",
    );
    engine = await openEngine(config);
  });
  afterAll(async () => engine?.close());

  it('a value too long stops the chunk with COPY_VALUE_REJECTED naming table, column, key and value; nothing is committed', async () => {
    const e = await copyTable(engine, { from: 'maria', to: 'pg', table: 'copy_rej', chunkRows: 100, job: JOB }).catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('COPY_VALUE_REJECTED');
    const msg = (e as Error).message;
    expect(msg).toContain('public.copy_rej.s');
    expect(msg).toContain('id=2');
    expect(msg).toContain('ab😀d');
    expect((e as { meta?: Record<string, unknown> }).meta).toMatchObject({ table: 'public.copy_rej', column: 's', key: 'id=2', value: 'ab😀d' });
    expect(await textRows(config, 'SELECT COUNT(*) FROM pg.copy_rej')).toEqual([['0']]);
  });

  it('a DECIMAL overflow through INSERT … SELECT is rejected the same way', async () => {
    await maria('UPDATE copy_rej SET s = \'ok\', d = 12345.6 WHERE id = 2');
    const e = await textRows(config, 'INSERT INTO pg.copy_rej SELECT id, s, d FROM maria.copy_rej').catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('COPY_VALUE_REJECTED');
    expect((e as Error).message).toMatch(/copy_rej\.d .*12345\.60 \(out of range for DECIMAL\(5,2\)\)/);
    expect(await textRows(config, 'SELECT COUNT(*) FROM pg.copy_rej')).toEqual([['0']]);
  });

  it('upsert merges by key', async () => {
    await copyTable(engine, { from: 'maria', to: 'pg', table: 'copy_up', mode: 'upsert', job: JOB });
    expect(await textRows(config, 'SELECT id, s, n FROM pg.copy_up ORDER BY id')).toEqual([['1', 'one', '1'], ['2', 'two', '2'], ['9', 'keep', '9']]);
  });

  it('incremental copies only rows past the remembered watermark, merging them by key', async () => {
    await maria(
      'DROP TABLE IF EXISTS copy_inc',
      'CREATE TABLE copy_inc (id BIGINT PRIMARY KEY, v VARCHAR(10), updated_at DATETIME(6))',
      "INSERT INTO copy_inc VALUES (1, 'a', '2024-01-01 00:00:00.000001'), (2, 'b', '2024-01-02 00:00:00')",
    );
    await pg('DROP TABLE IF EXISTS public.copy_inc');
    const request = { from: 'maria', to: 'pg', table: 'copy_inc', mode: 'incremental', watermark: 'updated_at', create: true, job: JOB } as const;
    expect((await copyTable(engine, request)).rows).toBe(2);
    await maria("UPDATE copy_inc SET v = 'a2', updated_at = '2024-01-03 00:00:00.5' WHERE id = 1", "INSERT INTO copy_inc VALUES (3, 'c', '2024-01-01 12:00:00')");
    // Row 3 is older than the watermark: an incremental copy follows the watermark, not the key.
    const second = await copyTable(engine, request);
    expect(second.rows).toBe(1);
    expect(second.notes.join(' ')).toContain('updated_at > 2024-01-02 00:00:00');
    expect(await textRows(config, 'SELECT id, v, updated_at FROM pg.copy_inc ORDER BY id')).toEqual([
      ['1', 'a2', '2024-01-03 00:00:00.5'],
      ['2', 'b', '2024-01-02 00:00:00'],
    ]);
    expect(await textRows(config, `SELECT watermark FROM pgall.ferry.ferry_checkpoint WHERE job = '${JOB}' AND tbl = 'public.copy_inc'`)).toEqual([['2024-01-03 00:00:00.5']]);
    expect(await checkpointsIn(config, 'pg.ferry_checkpoint', JOB)).toBe(0);
  });

  it('a readOnly target is refused before anything runs', async () => {
    const e = await CopyHandle.open(engine, { from: 'maria', to: 'pgro', table: 'copy_up', job: JOB }).catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('READ_ONLY');
    const q = await textRows(config, 'INSERT INTO pgro.copy_up SELECT id, s, n FROM maria.copy_up').catch((x: unknown) => x);
    expect((q as { code?: string }).code).toBe('READ_ONLY');
  });
});
