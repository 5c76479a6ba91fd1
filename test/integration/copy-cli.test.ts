import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { native, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const BIN = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));
const havePg = await serviceAvailable('postgres');

describe.skipIf(!havePg)('ferry copy and ferry verify (CLI)', () => {
  const dir = tempDir('ferry-copy-cli-');
  const cfg = join(dir, 'ferry.yaml');
  const lite = `jdbc:sqlite:${join(dir, 'src.db')}`;
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '-c', cfg], { encoding: 'utf8', cwd: dir, timeout: 180_000 });
  const count = (table: string): string => run('query', '-f', 'csv', `SELECT COUNT(*) AS n FROM tgt.${table}`).stdout.trim().split('\n')[1]!.trim();

  beforeAll(async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `(${i + 1}, 'item ${i + 1}', ${(i * 1.25).toFixed(2)}, '2024-01-01 00:00:00')`);
    await native(lite,
      'DROP TABLE IF EXISTS items',
      'CREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, price DECIMAL(12,2), updated_at TIMESTAMP)',
      ...Array.from({ length: 5 }, (_, k) => `INSERT INTO items VALUES ${rows.slice(k * 500, k * 500 + 500).join(', ')}`),
    );
    await pg('DROP SCHEMA IF EXISTS copy_cli CASCADE', 'CREATE SCHEMA copy_cli');
    writeFileSync(cfg, `databases:\n  src:\n    url: ${lite}\n  tgt:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: copy_cli\n  pgall:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n  ro:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: copy_cli\n    readOnly: true\n`);
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const r = run('copy', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--create', '--dry-run', '--chunk-rows', '1000');
    expect(r.status, r.stderr).toBe(0);
    // The plan is the output (stdout); what the run is doing meanwhile goes to stderr.
    expect(r.stdout).toMatch(/^items: plan 3 chunks on id\n/);
    expect(r.stdout).toMatch(/CREATE TABLE/);
    expect(r.stderr).toBe('ferry: connecting to src and tgt, planning items …\nferry: planning 1 table …\n');
    expect(run('query', '-f', 'csv', "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'copy_cli'").status).not.toBe(0);
  });

  it('copies with JSON-lines progress, then verify proves it exact', () => {
    const r = run('copy', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--create', '--json', '--chunk-rows', '1000');
    expect(r.status, r.stderr).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; rows?: number });
    expect(events.map((e) => e.kind).slice(0, 3)).toEqual(['stage', 'stage', 'start']);
    expect(events.at(-2)).toMatchObject({ kind: 'done', rows: 2500 });
    expect(events.at(-1)).toMatchObject({ kind: 'summary', tables: 1, failed: 0, rows: 2500 });
    expect(count('items')).toBe('2500');
    // Progress lives in the target's schema ferry, committed with each chunk, and none beside
    // the user's tables; no state file is written.
    expect(run('query', '-f', 'csv', `SELECT chunk_hi, "rows" FROM pgall.ferry.ferry_checkpoint WHERE job = 'src->tgt' AND tbl = 'copy_cli.items'`).stdout.trim().split('\n').slice(1)).toEqual(['done,2500']);
    expect(run('query', 'SELECT COUNT(*) FROM tgt.ferry_checkpoint').stderr).toMatch(/'ferry_checkpoint' not found/);
    expect(existsSync(join(dir, '.ferry-state.json'))).toBe(false);
    const v = run('verify', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--format', 'json');
    expect(v.status, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout)).toEqual({ tables: [{ table: 'items', sourceRows: 2500, targetRows: 2500, match: true, differingKeys: [], differingKeyCount: 0, truncated: false }] });
  });

  it('verify exits 1 and names the key of a changed row', async () => {
    await pg("UPDATE copy_cli.items SET name = 'changed' WHERE id = 17");
    const v = run('verify', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--format', 'json');
    expect(v.status).toBe(1);
    expect(JSON.parse(v.stdout).tables[0]).toMatchObject({ match: false, differingKeys: ['id=17'] });
  });

  it('Ctrl-C mid-copy says what stays, and --resume finishes exactly', async () => {
    await pg('DROP TABLE IF EXISTS copy_cli.big_src', 'DROP SCHEMA IF EXISTS copy_cli_int CASCADE', 'CREATE SCHEMA copy_cli_int',
      'CREATE TABLE copy_cli.big_src (id BIGINT PRIMARY KEY, s TEXT)',
      "INSERT INTO copy_cli.big_src SELECT i, repeat('x', 200) FROM generate_series(1, 400000) i");
    const intCfg = join(dir, 'int.yaml');
    writeFileSync(intCfg, `databases:\n  a:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: copy_cli\n  b:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: copy_cli_int\n`);
    const args = [BIN, 'copy', '--from', 'a', '--to', 'b', '--tables', 'big_src', '--create', '--chunk-rows', '5000', '--parallel', '1', '-c', intCfg];
    const child = spawn(process.execPath, [...args, '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    for await (const line of createInterface({ input: child.stdout })) {
      const e = JSON.parse(line) as { kind: string; rows?: number };
      if (e.kind === 'progress' && (e.rows ?? 0) >= 20_000) {
        child.kill('SIGINT');
        break;
      }
    }
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.once('close', (c, s) => r([c, s])));
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(stderr).toMatch(/interrupted; every chunk already committed stays.*--resume/);
    const ckpt = spawnSync(process.execPath, [BIN, 'query', '-f', 'csv', `SELECT chunk_hi FROM pgall.ferry.ferry_checkpoint WHERE job = 'a->b' AND tbl = 'copy_cli_int.big_src'`, '-c', cfg], { cwd: dir, encoding: 'utf8' });
    expect(ckpt.stdout.trim().split('\n')[1]).toMatch(/^hi:\d+$/);
    const r = spawnSync(process.execPath, [...args, '--resume'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    const q = spawnSync(process.execPath, [BIN, 'query', '-f', 'csv', 'SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS d FROM b.big_src', '-c', intCfg], { cwd: dir, encoding: 'utf8' });
    expect(q.stdout.trim().split('\n')[1]).toBe('400000,400000');
    const beside = spawnSync(process.execPath, [BIN, 'query', 'SELECT COUNT(*) FROM b.ferry_checkpoint', '-c', intCfg], { cwd: dir, encoding: 'utf8' });
    expect(beside.stderr).toMatch(/'ferry_checkpoint' not found/);
  });

  it('--mode replace makes the target exact again', () => {
    const r = run('copy', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--mode', 'replace');
    expect(r.status, r.stderr).toBe(0);
    expect(run('verify', '--from', 'src', '--to', 'tgt', '--tables', 'items').status).toBe(0);
  });

  it('refuses a readOnly target before anything runs (exit 2)', () => {
    const r = run('copy', '--from', 'src', '--to', 'ro', '--tables', 'items', '--mode', 'replace');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/READ_ONLY|readOnly/);
    expect(count('items')).toBe('2500');
  });

  it('rejects bad usage with exit 2', () => {
    expect(run('copy', '--from', 'src', '--to', 'tgt').status).toBe(2);
    expect(run('copy', '--from', 'src', '--to', 'tgt', '--all', '--mode', 'incremental').stderr).toMatch(/--watermark/);
    expect(run('copy', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--jobs', '0').stderr).toMatch(/--jobs takes a whole number/);
    const p = run('copy', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--parallel', '0');
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/--parallel takes a whole number of at least 1, got '0'/);
  });

  it('a --state-file in a folder that does not exist is refused before anything is written (exit 2)', async () => {
    await pg('DROP SCHEMA IF EXISTS copy_cli_state CASCADE', 'CREATE SCHEMA copy_cli_state');
    const stateCfg = join(dir, 'state.yaml');
    writeFileSync(stateCfg, `databases:\n  src:\n    url: ${lite}\n  tgt:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: copy_cli_state\n`);
    const r = spawnSync(process.execPath, [BIN, 'copy', '--from', 'src', '--to', 'tgt', '--tables', 'items', '--create', '--state-file', join(dir, 'no-such-folder', 'state.json'), '-c', stateCfg], { encoding: 'utf8', cwd: dir, timeout: 180_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/COPY_STATE.*cannot keep checkpoints in .*no-such-folder.*does not exist or cannot be written/);
    // --create made no table, and no checkpoint was kept anywhere.
    const q = spawnSync(process.execPath, [BIN, 'query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM tgt.items', '-c', stateCfg], { encoding: 'utf8', cwd: dir });
    expect(q.status).toBe(2);
    expect(q.stderr).toMatch(/'items' not found/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
