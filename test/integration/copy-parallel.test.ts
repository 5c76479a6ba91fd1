import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHandle } from '../../src/bridge/index.js';
import type { CopyProgress } from '../../src/copy/events.js';
import { CopyHandle } from '../../src/bridge/index.js';
import { checkpointsIn, copyConfig, copyTable, openEngine, PG_ALL, textRows } from './copy-fixture.js';
import { pg, tempDir } from './fixtures.js';
import { serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const JOB = `copy-parallel-${process.pid}-${Date.now()}`;
const CHILD = fileURLToPath(new URL('./copy-child.mjs', import.meta.url));

describe.skipIf(!havePg)('chunks written side by side commit in key order', () => {
  const config = copyConfig(PG_ALL);
  let engine: EngineHandle;
  const exact = async (src: string, dst: string): Promise<void> => {
    expect(await textRows(config, `SELECT COUNT(*) FROM (SELECT * FROM pg.${src} EXCEPT SELECT * FROM pg.${dst}) x`)).toEqual([['0']]);
    expect(await textRows(config, `SELECT COUNT(*) FROM (SELECT * FROM pg.${dst} EXCEPT SELECT * FROM pg.${src}) x`)).toEqual([['0']]);
    const a = (await textRows(config, `SELECT COUNT(*) FROM pg.${src}`))[0]?.[0];
    expect(await textRows(config, `SELECT COUNT(*) FROM pg.${dst}`)).toEqual([[a]]);
  };

  beforeAll(async () => {
    await pg(
      'DROP TABLE IF EXISTS public.copy_par_src', 'DROP TABLE IF EXISTS public.copy_par_dst',
      'DROP TABLE IF EXISTS public.copy_par_relay', 'DROP TABLE IF EXISTS public.copy_par_file',
      'DROP TABLE IF EXISTS public.copy_par_fallback', 'DROP TABLE IF EXISTS public.copy_par_cancel',
      'DROP TABLE IF EXISTS public.copy_par_dropped', 'DROP TABLE IF EXISTS public.copy_par_pending', 
      "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ferry_nocreate') THEN EXECUTE 'DROP OWNED BY ferry_nocreate'; EXECUTE 'DROP ROLE ferry_nocreate'; END IF; END $$",
      'CREATE TABLE public.copy_par_src (id BIGINT PRIMARY KEY, s TEXT, d NUMERIC(12,2), ts TIMESTAMP(6))',
      "INSERT INTO public.copy_par_src SELECT i, 'r' || i, i / 4.0, TIMESTAMP '2020-01-01' + i * INTERVAL '1.000001 second' FROM generate_series(1, 50000) i",
      // VARCHAR(8) holds 'r' || i for every i here but 30001, which gets a longer value below.
      'CREATE TABLE public.copy_par_dst (id BIGINT PRIMARY KEY, s VARCHAR(8), d NUMERIC(12,2), ts TIMESTAMP(6))',
      "UPDATE public.copy_par_src SET s = 'far too long' WHERE id = 30001",
      'CREATE TABLE public.copy_par_file (id BIGINT PRIMARY KEY, s TEXT, d NUMERIC(12,2), ts TIMESTAMP(6))',
      // A role that may fill one table but create none (PostgreSQL 15 keeps CREATE on public to its owner).
      'CREATE TABLE public.copy_par_fallback (id BIGINT PRIMARY KEY, s TEXT, d NUMERIC(12,2), ts TIMESTAMP(6))',
      'CREATE ROLE ferry_nocreate LOGIN',
      'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
      'GRANT SELECT, INSERT, UPDATE, DELETE ON public.copy_par_fallback TO ferry_nocreate',
      'GRANT SELECT ON public.copy_par_src TO ferry_nocreate',
    );
    engine = await openEngine(config);
  });
  afterAll(async () => engine?.close());

  it('four workers: the copy is exact and the checkpoint ends done', async () => {
    const r = await copyTable(engine, { from: 'pg', to: 'pg', table: 'copy_par_src', targetTable: 'copy_par_relay', create: true, chunkRows: 3000, parallel: 4, job: JOB });
    expect(r.rows).toBe(50_000);
    expect(r.chunks).toBe(17);
    expect(r.notes.join('\n')).toMatch(/COPY text, untouched/);
    await exact('copy_par_src', 'copy_par_relay');
    expect(await textRows(config, `SELECT chunk_hi, "rows" FROM pgall.ferry.ferry_checkpoint WHERE job = '${JOB}' AND tbl = 'public.copy_par_relay'`)).toEqual([['done', '50000']]);
    expect(await checkpointsIn(config, 'pg.ferry_checkpoint', JOB)).toBe(0);
  });

  it('a rejected value in a middle chunk leaves exactly a prefix of chunks, and --resume completes it', async () => {
    const request = { from: 'pg', to: 'pg', table: 'copy_par_src', targetTable: 'copy_par_dst', chunkRows: 5000, parallel: 3, job: JOB } as const;
    const e = await copyTable(engine, request).catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('COPY_VALUE_REJECTED');
    expect((e as Error).message).toContain('id=30001');

    // Only whole chunks before the failing one (ids up to 30000) may have committed, in order,
    // and the checkpoint names the last of them.
    const [[hi, committed]] = (await textRows(config, `SELECT chunk_hi, "rows" FROM pgall.ferry.ferry_checkpoint WHERE job = '${JOB}' AND tbl = 'public.copy_par_dst'`)) as [[string | null, string]];
    const n = Number(committed);
    expect(n % 5000).toBe(0);
    expect(n).toBeLessThanOrEqual(30_000);
    expect(await textRows(config, 'SELECT COUNT(*), COALESCE(MAX(id), 0) FROM pg.copy_par_dst')).toEqual([[String(n), String(n)]]);
    expect(hi).toBe(n === 0 ? null : `hi:${n}`);

    await pg("UPDATE public.copy_par_src SET s = 'fixed' WHERE id = 30001");
    const resumed = await copyTable(engine, { ...request, resume: true });
    expect(resumed.totalRows).toBe(50_000);
    expect(resumed.rows).toBe(50_000 - n);
    expect(resumed.notes.join('\n')).not.toMatch(/COPY text, untouched/);
    await exact('copy_par_src', 'copy_par_dst');
  });

  it('a state file instead of the checkpoint table: kill -9 with chunks side by side, then --resume is exact', async () => {
    const stateFile = join(tempDir('ferry-state-'), 'state.json');
    const request = { from: 'pg', to: 'pg', table: 'copy_par_src', targetTable: 'copy_par_file', chunkRows: 2000, parallel: 3, stateFile, job: JOB };
    await pg("UPDATE public.copy_par_src SET s = 'fixed' WHERE id = 30001");
    const child = spawn(process.execPath, [CHILD, JSON.stringify({ databases: { pg: config.databases.pg } }), JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'inherit'] });
    for await (const line of createInterface({ input: child.stdout! })) {
      if ((JSON.parse(line) as CopyProgress).chunksDone >= 5) {
        child.kill('SIGKILL');
        break;
      }
    }
    await new Promise((r) => child.once('exit', r));
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, Record<string, { rows: number; done: boolean }>>;
    expect(state[JOB]!['public.copy_par_file']!.done).toBe(false);
    const resumed = await copyTable(engine, { ...request, resume: true });
    expect(resumed.totalRows).toBe(50_000);
    await exact('copy_par_src', 'copy_par_file');
  });

  it('a target that refuses the checkpoint table gets the fallback state file, and says so', async () => {
    const dir = tempDir('ferry-fallback-');
    const fallbackStateFile = join(dir, '.ferry-state.json');
    const limited = copyConfig({ pgn: { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'ferry_nocreate', schema: 'public' } });
    const e2 = await openEngine(limited);
    try {
      const r = await copyTable(e2, { from: 'pg', to: 'pgn', table: 'copy_par_src', targetTable: 'copy_par_fallback', chunkRows: 10_000, fallbackStateFile, job: JOB });
      expect(r.rows).toBe(50_000);
      expect(r.notes.join('\n')).toMatch(/cannot hold a ferry_checkpoint table \(.*permission denied.*\); checkpoints go to .*\.ferry-state\.json/);
      expect(existsSync(fallbackStateFile)).toBe(true);
      await exact('copy_par_src', 'copy_par_fallback');
    } finally {
      await e2.close();
    }
  });

  it('cancel() stops the workers: CANCELLED, a prefix of whole chunks committed, and --resume completes it', async () => {
    await pg("UPDATE public.copy_par_src SET s = 'fixed' WHERE id = 30001");
    const request = { from: 'pg', to: 'pg', table: 'copy_par_src', targetTable: 'copy_par_cancel', create: true, chunkRows: 250, parallel: 2, job: JOB };
    const job = await CopyHandle.open(engine, request);
    const running = job.run().then(() => null, (e: unknown) => e);
    while ((await job.progress()).chunksDone < 3) await new Promise((r) => setTimeout(r, 10));
    await job.cancel();
    const e = await running;
    expect((e as { code?: string } | null)?.code, String(e)).toBe('CANCELLED');
    expect((await job.progress()).phase).toBe('cancelled');
    const committed = (await textRows(config, `SELECT "rows" FROM pgall.ferry.ferry_checkpoint WHERE job = '${JOB}' AND tbl = 'public.copy_par_cancel'`))[0]?.[0];
    const n = Number(committed);
    expect(n).toBeGreaterThanOrEqual(750);
    expect(n).toBeLessThan(50_000);
    expect(await textRows(config, 'SELECT COUNT(*), MAX(id) FROM pg.copy_par_cancel')).toEqual([[String(n), String(n)]]);
    const resumed = await copyTable(engine, { ...request, resume: true });
    expect(resumed.rows).toBe(50_000 - n);
    await exact('copy_par_src', 'copy_par_cancel');
  });

  it('the target dropping its connections mid-copy (as in a restart) fails the copy, and --resume is exact', async () => {
    await pg("UPDATE public.copy_par_src SET s = 'fixed' WHERE id = 30001");
    const request = { from: 'pg', to: 'pg', table: 'copy_par_src', targetTable: 'copy_par_dropped', create: true, chunkRows: 250, parallel: 2, job: JOB };
    const job = await CopyHandle.open(engine, request);
    let settled = false;
    const running = job.run().then(() => null, (e: unknown) => e).finally(() => (settled = true));
    while ((await job.progress()).chunksDone < 3) await new Promise((r) => setTimeout(r, 10));
    // What a server restart does to the copy's sessions: the ones loading the table end.
    while (!settled) {
      await pg("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query ILIKE 'COPY %copy_par_dropped%'");
      await new Promise((r) => setTimeout(r, 20));
    }
    const e = await running;
    expect(e, 'the copy should fail when its target connections drop').not.toBeNull();
    expect((e as Error).message).toMatch(/rows of the chunks committed before the failure stay; --resume continues after them/);
    const committed = (await textRows(config, `SELECT "rows" FROM pgall.ferry.ferry_checkpoint WHERE job = '${JOB}' AND tbl = 'public.copy_par_dropped'`))[0]?.[0];
    const n = Number(committed);
    expect(await textRows(config, 'SELECT COUNT(*), COALESCE(MAX(id), 0) FROM pg.copy_par_dropped')).toEqual([[String(n), String(n)]]);
    const resumed = await copyTable(engine, { ...request, resume: true });
    expect(resumed.totalRows).toBe(50_000);
    await exact('copy_par_src', 'copy_par_dropped');
  });

  it('with a state file, a resume clears only the key range of the chunk left pending', async () => {
    await pg("UPDATE public.copy_par_src SET s = 'fixed' WHERE id = 30001",
      'CREATE TABLE public.copy_par_pending (LIKE public.copy_par_src INCLUDING ALL)',
      // What the crashed run left: part of its first chunk (keys up to 5000), never confirmed,
      // beside a row that was in the target before the copy and lies outside that chunk.
      'INSERT INTO public.copy_par_pending SELECT * FROM public.copy_par_src WHERE id <= 1234',
      "INSERT INTO public.copy_par_pending VALUES (99999, 'kept', 0, NULL)");
    const stateFile = join(tempDir('ferry-pending-'), 'state.json');
    writeFileSync(stateFile, JSON.stringify({ [JOB]: { 'public.copy_par_pending': { chunkHi: null, rows: 0, watermark: null, done: false, pending: true, pendingLo: null, pendingHi: '5000' } } }));
    const r = await copyTable(engine, { from: 'pg', to: 'pg', table: 'copy_par_src', targetTable: 'copy_par_pending', chunkRows: 5000, stateFile, resume: true, job: JOB });
    expect(r.rows).toBe(50_000);
    expect(await textRows(config, 'SELECT s FROM pg.copy_par_pending WHERE id = 99999')).toEqual([['kept']]);
    expect(await textRows(config, 'SELECT COUNT(*) FROM (SELECT * FROM pg.copy_par_src EXCEPT SELECT * FROM pg.copy_par_pending) x')).toEqual([['0']]);
    expect(await textRows(config, 'SELECT COUNT(*) FROM pg.copy_par_pending')).toEqual([['50001']]);
  });
});
