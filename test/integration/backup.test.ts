import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, check, Ferry, readManifest, restore, verifyEach } from '../../src/api/index.js';
import type { BackupResult } from '../../src/backup/events.js';
import type { MigrationReport } from '../../src/migrate/events.js';
import type { SchemaSnapshot } from '../../src/schema/model.js';
import { maria, pg, runFerry, tempDir } from './fixtures.js';
import { mariaSource, pgSource, ROWS } from './migrate-fixture.js';
import { CHINOOK, CHINOOK_ROWS, chinookPostgres } from './samples/chinook.js';
import { sampleOrSkip } from './samples/sample-cache.js';
import { SERVICES, serviceAvailable } from './services.js';

/*
 * Backups of PostgreSQL restored into every engine: exact into PostgreSQL, verified against the
 * backup elsewhere; encrypted backups; every damage refused before the target is touched; a
 * backup queried and checked as a database; one snapshot under a concurrent writer.
 */

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-backup-');
const SRC = 'ferry_bk_src';
const PG_TARGETS = ['ferry_bk_pg', 'ferry_bk_enc', 'ferry_bk_bad'];
const AWKWARD = 'awkward Values';
const KEY = 'a passphrase of more than sixteen characters';
const bk = join(dir, 'plain');
const enc = join(dir, 'sealed');
const urls = { lite: `jdbc:sqlite:${join(dir, 'restored.db')}`, duck: `jdbc:duckdb:${join(dir, 'restored.duckdb')}` };

/** The awkward-values table: extreme numbers, microsecond timestamps, control characters, bytes. */
function awkward(ns: string): string[] {
  return [
    `CREATE TABLE ${ns}."${AWKWARD}" (id BIGINT PRIMARY KEY, "select" VARCHAR(100), "MixedCase" NUMERIC(38,10), ts TIMESTAMP(6), tz TIMESTAMPTZ, d DATE, flag BOOLEAN, data BYTEA, note TEXT, price NUMERIC(12,2), r REAL, f DOUBLE PRECISION, u UUID, j JSONB, n NUMERIC)`,
    `INSERT INTO ${ns}."${AWKWARD}" VALUES
      (-9223372036854775808, E'tab\\tnl\\ncr\\rq''"\\\\ 😀 é 𝄞', -9999999999999999999999999999.9999999999, '1000-01-01 00:00:00.000001', '1999-12-31 23:59:59.999999+05:30', '1000-01-01', false, '\\x00ff10', E'line1\\nline2\\\\.\\n\\\\N', 0.01, 1.5, 1e308, '00000000-0000-0000-0000-000000000001', '{"a": [1, 2]}', 123456789012345678901234567890.123456789012345678901),
      (9223372036854775807, '', 0.0000000001, '9999-12-31 23:59:59.999999', '2024-02-29 12:00:00+00', '9999-12-31', true, '\\x', '', 9999999999.99, -0.25, -2.5e-300, NULL, '[]', 1.50),
      (0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (5, E'\\\\N', 1, '2024-02-29 12:34:56.123456', '1969-12-31 23:59:59.5-08', '1970-01-01', true, '\\x5c4e', repeat('x', 100000), -0.5, 3.25, 0.1, 'ffffffff-ffff-ffff-ffff-ffffffffffff', '{"é": "𝄞"}', -0.000000000000000000000001)`,
  ];
}

/** Foreign-key actions and a descending index, which the manifest keeps and a restore recreates. */
function actions(ns: string): string[] {
  return [
    `ALTER TABLE ${ns}.orders DROP CONSTRAINT orders_customer_id_fkey, ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES ${ns}.customers (id) ON DELETE CASCADE`,
    `ALTER TABLE ${ns}.employees DROP CONSTRAINT employees_manager_id_fkey, ADD CONSTRAINT employees_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES ${ns}.employees (id) ON DELETE SET NULL ON UPDATE CASCADE`,
    `CREATE INDEX orders_placed_desc ON ${ns}.orders (placed_on DESC, id)`,
  ];
}

/** The foreign keys' actions and the descending index of a restored (or backed-up) schema. */
function keptActions(s: SchemaSnapshot): unknown {
  const t = (name: string) => s.tables.find((x) => x.name === name);
  return {
    orders: t('orders')?.foreignKeys.map((f) => [f.refTable, f.onDelete, f.onUpdate]),
    employees: t('employees')?.foreignKeys.map((f) => [f.refTable, f.onDelete, f.onUpdate]),
    index: t('orders')?.indexes.filter((i) => i.name === 'orders_placed_desc').map((i) => i.descending),
  };
}

const KEPT = { orders: [['customers', 'CASCADE', 'NO ACTION']], employees: [['employees', 'SET NULL', 'CASCADE']], index: [[true, false]] };

/** A table's rows as PostgreSQL prints them (COPY text, ordered): what "exact" means here. */
function copyText(ns: string, table: string, columns = '*'): string {
  const sql = `COPY (SELECT ${columns} FROM ${ns}."${table}" ORDER BY 1, 2) TO STDOUT`;
  return execFileSync('psql', ['-h', SERVICES.postgres.host, '-U', SERVICES.postgres.user, '-d', 'test', '-X', '-q', '-c', sql], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

function expectOk(report: MigrationReport): void {
  const failed = [...report.failedSteps.map((s) => `${s.object}: ${s.error}`), ...report.tables.filter((t) => !t.loaded || t.verify?.match === false).map((t) => `${t.source}: ${t.error?.message ?? 'differs'}`)];
  expect(failed).toEqual([]);
  expect(report.ok).toBe(true);
}

describe.skipIf(!havePg || !haveMaria)('ferry backup and restore', () => {
  let ferry: Ferry;
  let made: BackupResult;

  beforeAll(async () => {
    await pg(...pgSource(SRC), ...awkward(SRC), ...actions(SRC), ...PG_TARGETS.flatMap((s) => [`DROP SCHEMA IF EXISTS ${s} CASCADE`, `CREATE SCHEMA ${s}`]));
    await maria('DROP DATABASE IF EXISTS ferry_bk_dst', 'CREATE DATABASE ferry_bk_dst', ...mariaSource('ferry_bk_msrc'),
      'DROP DATABASE IF EXISTS ferry_bk_mdst', 'CREATE DATABASE ferry_bk_mdst');
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
        lite: { url: urls.lite },
        duck: { url: urls.duck, schema: 'main' },
        bk: { backup: bk },
        sealed: { backup: enc, password: KEY },
      },
    });
    made = await backup(ferry, { database: `pg.${SRC}`, output: bk, jobs: 2, chunkRows: 7 });
  }, 120_000);
  afterAll(async () => {
    await ferry?.close();
    if (havePg) await pg(`DROP SCHEMA IF EXISTS ${SRC} CASCADE`, ...PG_TARGETS.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE`));
    if (haveMaria) await maria('DROP DATABASE IF EXISTS ferry_bk_dst', 'DROP DATABASE IF EXISTS ferry_bk_msrc', 'DROP DATABASE IF EXISTS ferry_bk_mdst');
  });

  it('writes every table from one snapshot, in chunk files the manifest lists with their checksums', () => {
    const m = readManifest(bk);
    const names = m.tables.map((t) => t.name).sort();
    // Partitions come with their partitioned table; views are in the schema only.
    expect(names).toEqual([AWKWARD, 'customers', 'employees', 'measurements', 'orders']);
    expect(m.tables.find((t) => t.name === 'customers')?.rows).toBe(ROWS.customers);
    expect(m.tables.find((t) => t.name === 'orders')?.chunks.length).toBe(Math.ceil(ROWS.orders / 7));
    expect(m.position.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(m.source).toMatchObject({ engine: 'postgresql', namespace: SRC });
    expect(m.compression).toBe('zstd');
    expect(m.schema.views.map((v) => v.name)).toContain('customer_totals');
    expect(m.tables.find((t) => t.name === 'customers')?.identityNext).toEqual({ id: ROWS.customers + 1 });
    for (const t of m.tables) for (const c of t.chunks) expect(statSync(join(bk, c.file)).size).toBe(c.bytes);
    expect(made.rows).toBe(m.tables.reduce((s, t) => s + t.rows, 0));
    const list = runFerry(['backup', '--list', bk], dir);
    expect(list.code).toBe(0);
    expect(list.out).toContain('orders');
    expect(list.out).toContain('not encrypted');
  });

  it('restores into PostgreSQL exactly: rows, keys, counters, views', async () => {
    const notes = new Map<string, readonly string[]>();
    expectOk(await restore(ferry, { from: 'bk', to: 'pg.ferry_bk_pg', jobs: 2 }, (e) => { if (e.kind === 'verified') notes.set(e.report.table, e.report.notes); }));
    // Into its source's engine, each table's rows are compared with the checksum the backup
    // recorded of it: the backup's files are not read a second time.
    for (const t of ['customers', 'orders', 'employees']) {
      expect(notes.get(t), t).toContain('the target matches the checksum the backup recorded of the table: only the target was read');
    }
    for (const t of ['customers', 'orders', 'employees', 'measurements', AWKWARD]) {
      expect(copyText('ferry_bk_pg', t), t).toBe(copyText(SRC, t));
    }
    expect(copyText('ferry_bk_pg', 'customer_totals')).toBe(copyText(SRC, 'customer_totals'));
    // The manifest keeps the foreign keys' actions and the index's direction; the restore recreates them.
    expect(keptActions(readManifest(bk).schema as SchemaSnapshot)).toEqual(KEPT);
    expect(keptActions(await ferry.inspect('pg', 'ferry_bk_pg'))).toEqual(KEPT);
    // The counter continues where the source's stood.
    await pg(`INSERT INTO ferry_bk_pg.customers (name) VALUES ('after restore')`);
    expect(copyText('ferry_bk_pg', 'customers', 'max(id), count(*)').trim()).toBe(`${ROWS.customers + 1}\t${ROWS.customers + 1}`);
  }, 120_000);

  it('names by key what changed in the restored tables afterwards (verify --from DIR)', async () => {
    await pg('UPDATE ferry_bk_pg.orders SET total = total + 1 WHERE id = 3', 'DELETE FROM ferry_bk_pg.orders WHERE id = 5');
    const [orders, customers] = await verifyEach(ferry, { from: 'bk', to: 'pg.ferry_bk_pg', tables: ['orders', 'customers'] });
    // The backup's tables keep their keys: differences are found by key range and named.
    expect(orders?.report).toMatchObject({ match: false, key: ['id'], differingKeys: ['id=3', 'id=5'], changed: 1, missing: 1, extra: 0 });
    // The row the restore test inserted after the restore.
    expect(customers?.report).toMatchObject({ match: false, differingKeys: [`id=${ROWS.customers + 1}`], extra: 1 });
    // A restore's own verification takes only a match from the recorded checksum: a difference
    // is found again reading both sides, and named by key as above.
    const again = await ferry.verifyTable({ from: 'bk', to: 'pg', toNamespace: 'ferry_bk_pg', table: 'orders', fromLoad: true });
    expect(again).toMatchObject({ match: false, differingKeys: ['id=3', 'id=5'], changed: 1, missing: 1, extra: 0 });
    expect(again.notes).toContain('the target does not match the checksum the backup recorded of the table: both sides were read again');
  }, 120_000);

  for (const [name, to] of [['MariaDB', 'maria.ferry_bk_dst'], ['SQLite', 'lite'], ['DuckDB', 'duck']] as const) {
    it(`restores into ${name}, and ferry verify --from DIR agrees`, async () => {
      expectOk(await restore(ferry, { from: 'bk', to, exclude: [AWKWARD], jobs: 2 }));
      const tables = ['customers', 'orders', 'employees'];
      if (name === 'DuckDB') {
        // DuckDB's file admits one process: this one holds it, so verify here.
        const outcomes = await verifyEach(ferry, { from: 'bk', to, tables });
        expect(outcomes.map((o) => o.report?.match)).toEqual([true, true, true]);
        return;
      }
      writeFileSync(join(dir, 'ferry.yaml'), `databases:\n  maria: { url: "${SERVICES.mariadb.url}", user: root }\n  lite: { url: "${urls.lite}" }\n`);
      const v = runFerry(['verify', '--from', bk, '--to', to, '--tables', tables.join(','), '--format', 'json'], dir);
      expect(v.err).toBe('');
      expect(v.code, v.out).toBe(0);
      expect(JSON.parse(v.out).tables.map((t: { match: boolean }) => t.match)).toEqual([true, true, true]);
    }, 120_000);
  }

  it('backs up MariaDB and restores it into MariaDB and PostgreSQL, every table verified', async () => {
    const out = join(dir, 'maria');
    const made = await backup(ferry, { database: 'maria.ferry_bk_msrc', output: out, jobs: 2 });
    expect(made.tables.map((t) => t.table).sort()).toEqual(['customers', 'employees', 'orders']);
    const more = await Ferry.open({ databases: { maria: { url: SERVICES.mariadb.url, user: 'root' }, pg: { url: SERVICES.postgres.url, user: 'postgres' }, mbk: { backup: out } } });
    try {
      expectOk(await restore(more, { from: 'mbk', to: 'maria.ferry_bk_mdst', jobs: 2 }));
      await pg('DROP SCHEMA IF EXISTS ferry_bk_from_maria CASCADE', 'CREATE SCHEMA ferry_bk_from_maria');
      expectOk(await restore(more, { from: 'mbk', to: 'pg.ferry_bk_from_maria', jobs: 2 }));
      const n = await more.rows('SELECT COUNT(*) AS n FROM maria.ferry_bk_mdst.orders');
      expect(n).toEqual([{ n: BigInt(ROWS.orders) }]);
    } finally {
      await more.close();
      await pg('DROP SCHEMA IF EXISTS ferry_bk_from_maria CASCADE');
    }
  }, 120_000);

  it('is a database: queried and checked without a restore', async () => {
    const n = await ferry.rows(`SELECT COUNT(*) AS n, SUM(total) AS s FROM bk.orders`);
    const live = await ferry.rows(`SELECT COUNT(*) AS n, SUM(total) AS s FROM pg.${SRC}.orders`);
    expect(n).toEqual(live);
    const joined = await ferry.rows(`SELECT c.name, COUNT(*) AS n FROM bk.customers c JOIN pg.${SRC}.orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY n DESC, c.name LIMIT 3`);
    expect(joined.length).toBe(3);
    const report = await check(ferry, 'bk', 'pg.ferry_bk_pg', {});
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('encrypts with a passphrase, and a wrong key, a flipped byte, a cut or missing file restore nothing', async () => {
    await backup(ferry, { database: `pg.${SRC}`, output: enc, tables: ['customers', 'orders'], secret: KEY, chunkRows: 50 });
    const m = readManifest(enc);
    expect(m.encryption).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256' });
    const orders = m.tables.find((t) => t.name === 'orders')!;
    const file = join(enc, orders.chunks[0]!.file);
    expect(readFileSync(file).includes(Buffer.from('ARROW'))).toBe(false);
    expectOk(await restore(ferry, { from: 'sealed', to: 'pg.ferry_bk_enc' }));
    expect(copyText('ferry_bk_enc', 'orders')).toBe(copyText(SRC, 'orders'));

    const refused = (args: string[], env: NodeJS.ProcessEnv = {}): { code: number; err: string } => {
      writeFileSync(join(dir, 'ferry.yaml'), `databases:\n  pg: { url: "${SERVICES.postgres.url}", user: postgres }\n`);
      return runFerry(['restore', enc, '--to', 'pg.ferry_bk_bad', ...args], dir, env);
    };
    const untouched = async (): Promise<void> => {
      const sql = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'ferry_bk_bad'`;
      expect(execFileSync('psql', ['-h', SERVICES.postgres.host, '-U', 'postgres', '-d', 'test', '-X', '-Atc', sql], { encoding: 'utf8' }).trim()).toBe('0');
    };
    const wrong = refused(['--encrypt-key-env', 'K'], { K: 'not the passphrase, but long enough' });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('[BACKUP_KEY]');
    expect(wrong.err).not.toContain('not the passphrase');
    await untouched();

    const original = readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    writeFileSync(file, flipped);
    const damaged = refused(['--encrypt-key-env', 'K'], { K: KEY });
    expect(damaged.err).toContain('[BACKUP_CORRUPT]');
    expect(damaged.err).toContain(orders.chunks[0]!.file);
    await untouched();

    writeFileSync(file, original.subarray(0, original.length - 100));
    expect(refused(['--encrypt-key-env', 'K'], { K: KEY }).err).toMatch(/\[BACKUP_CORRUPT\].*truncated/);
    await untouched();

    rmSync(file);
    expect(refused(['--encrypt-key-env', 'K'], { K: KEY }).err).toMatch(/\[BACKUP_CORRUPT\].*missing/);
    await untouched();
    writeFileSync(file, original);

    const manifest = join(enc, 'manifest.json');
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, text.replace('"version" : 1', '"version" : 2'));
    const future = refused(['--encrypt-key-env', 'K'], { K: KEY });
    expect(future.code).toBe(2);
    expect(future.err).toContain('[BACKUP_FORMAT]');
    writeFileSync(manifest, text);
    await untouched();
  }, 180_000);

  it('refuses a folder that already holds files, and leaves it as it was', async () => {
    const r = runFerry(['backup', `pg.${SRC}`, '--output', bk], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[BACKUP_OUTPUT]');
    expect(readdirSync(bk)).toContain('manifest.json');
  });
});

/** Money moved between two tables while the backup runs: the backed-up total never changes. */
describe.skipIf(!havePg || !haveMaria)('ferry backup reads one snapshot under a concurrent writer', () => {
  const TOTAL = 200_000 * 100;
  let ferry: Ferry;
  let writer: ChildProcess | undefined;

  beforeAll(async () => {
    const accounts = (q: (t: string) => string): string[] => [
      `CREATE TABLE ${q('left_accounts')} (id INT PRIMARY KEY, balance BIGINT NOT NULL)`,
      `CREATE TABLE ${q('right_accounts')} (id INT PRIMARY KEY, balance BIGINT NOT NULL)`,
    ];
    await pg('DROP SCHEMA IF EXISTS ferry_bk_money CASCADE', 'CREATE SCHEMA ferry_bk_money', ...accounts((t) => `ferry_bk_money.${t}`),
      'INSERT INTO ferry_bk_money.left_accounts SELECT g, 100 FROM generate_series(1, 200000) g',
      'INSERT INTO ferry_bk_money.right_accounts SELECT g, 0 FROM generate_series(1, 200000) g');
    await maria('DROP DATABASE IF EXISTS ferry_bk_money', 'CREATE DATABASE ferry_bk_money', ...accounts((t) => `ferry_bk_money.${t}`),
      'INSERT INTO ferry_bk_money.left_accounts SELECT seq, 100 FROM seq_1_to_200000',
      'INSERT INTO ferry_bk_money.right_accounts SELECT seq, 0 FROM seq_1_to_200000');
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: 'ferry_bk_money' },
        maria: { url: SERVICES.mariadb.url.replace('/test', '/ferry_bk_money'), user: SERVICES.mariadb.user },
        pgbk: { backup: join(dir, 'money-pg') },
        mariabk: { backup: join(dir, 'money-maria') },
      },
    });
  }, 120_000);
  afterAll(async () => {
    stop(writer);
    await ferry?.close();
    if (havePg) await pg('DROP SCHEMA IF EXISTS ferry_bk_money CASCADE');
    if (haveMaria) await maria('DROP DATABASE IF EXISTS ferry_bk_money');
  });

  /** An endless stream of transfers, each its own transaction, into the engine's own client. */
  const transfers = {
    pg: `psql -h ${SERVICES.postgres.host} -U postgres -d test -X -q`,
    maria: `mariadb -h ${SERVICES.mariadb.host} -u root ferry_bk_money`,
  } as const;
  const script = (engine: 'pg' | 'maria'): string => {
    const t = (name: string): string => (engine === 'pg' ? `ferry_bk_money.${name}` : name);
    return `awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "START TRANSACTION; UPDATE ${t('left_accounts')} SET balance = balance - 1 WHERE id = %d; UPDATE ${t('right_accounts')} SET balance = balance + 1 WHERE id = %d; COMMIT;\\n", 1 + (i * 7919) % 200000, 1 + (i * 104729) % 200000 }' | ${transfers[engine]}`;
  };
  const stop = (p: ChildProcess | undefined): void => {
    if (p?.pid !== undefined) {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };

  for (const engine of ['pg', 'maria'] as const) {
    it(`${engine === 'pg' ? 'PostgreSQL (exported snapshot)' : 'MariaDB (consistent snapshot under a brief read lock)'}: the total is the same in the backup`, async () => {
      writer = spawn('sh', ['-c', script(engine)], { stdio: 'ignore', detached: true });
      try {
        await new Promise((r) => setTimeout(r, 1500));
        const before = await ferry.rows(`SELECT (SELECT SUM(balance) FROM ${engine}.right_accounts) AS moved`);
        await backup(ferry, { database: engine, output: join(dir, `money-${engine}`), jobs: 2, chunkRows: 20_000 });
        const after = await ferry.rows(`SELECT (SELECT SUM(balance) FROM ${engine}.right_accounts) AS moved`);
        // The writer really wrote while the backup read.
        expect(Number(after[0]!.moved)).toBeGreaterThan(Number(before[0]!.moved));
      } finally {
        stop(writer);
      }
      const bkName = `${engine}bk`;
      const sums = await ferry.rows(`SELECT (SELECT SUM(balance) FROM ${bkName}.left_accounts) + (SELECT SUM(balance) FROM ${bkName}.right_accounts) AS total`);
      expect(Number(sums[0]!.total)).toBe(TOTAL);
    }, 180_000);
  }
});

/** A public sample database (Chinook) backed up from PostgreSQL and restored into PostgreSQL. */
describe.skipIf(!havePg || !haveMaria)('ferry backup and restore of a public sample database', async () => {
  const jar = havePg ? await sampleOrSkip('Chinook', CHINOOK) : null;
  let ferry: Ferry;

  beforeAll(async () => {
    if (!jar) return;
    await pg(...chinookPostgres(jar, 'ferry_bk_chinook'), 'DROP SCHEMA IF EXISTS ferry_bk_chinook2 CASCADE', 'CREATE SCHEMA ferry_bk_chinook2');
    ferry = await Ferry.open({ databases: { pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user }, chinook: { backup: join(dir, 'chinook') } } });
  }, 120_000);
  afterAll(async () => {
    await ferry?.close();
    if (havePg) await pg('DROP SCHEMA IF EXISTS ferry_bk_chinook CASCADE', 'DROP SCHEMA IF EXISTS ferry_bk_chinook2 CASCADE');
  });

  it.skipIf(!jar)('Chinook: every table exact, every foreign key back', async () => {
    await backup(ferry, { database: 'pg.ferry_bk_chinook', output: join(dir, 'chinook'), jobs: 2 });
    expectOk(await restore(ferry, { from: 'chinook', to: 'pg.ferry_bk_chinook2', jobs: 2 }));
    for (const [table, n] of Object.entries(CHINOOK_ROWS)) {
      const restored = copyText('ferry_bk_chinook2', table);
      expect(restored.split('\n').length - 1, table).toBe(n);
      expect(restored, table).toBe(copyText('ferry_bk_chinook', table));
    }
    const keys = (ns: string): string => execFileSync('psql', ['-h', SERVICES.postgres.host, '-U', 'postgres', '-d', 'test', '-X', '-Atc',
      `SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = '${ns}'::regnamespace AND contype IN ('f', 'p', 'u') ORDER BY 1`], { encoding: 'utf8' }).replaceAll(`${ns}.`, '');
    expect(keys('ferry_bk_chinook2')).toBe(keys('ferry_bk_chinook'));
  }, 180_000);
});

/**
 * Every type a PostgreSQL backup stores, restored into PostgreSQL through the COPY text printed
 * straight from the Arrow vectors: byte-identical COPY output. The BC timestamp proves the path:
 * the typed sink spells it `-0043-…`, which PostgreSQL refuses.
 */
describe.skipIf(!havePg)('restore into PostgreSQL from the Arrow vectors', () => {
  const from = 'ferry_bk_types';
  const to = 'ferry_bk_types_back';
  const folder = join(dir, 'types');
  let ferry: Ferry;

  beforeAll(async () => {
    await pg(`DROP SCHEMA IF EXISTS ${from} CASCADE`, `CREATE SCHEMA ${from}`, `DROP SCHEMA IF EXISTS ${to} CASCADE`, `CREATE SCHEMA ${to}`,
      `CREATE TABLE ${from}.every (id bigint PRIMARY KEY, i int, s smallint, n38 numeric(38,10), n122 numeric(12,2), ts timestamp(6), d date, t time(6), tz timestamptz,
        vc varchar(20), ch char(5), tx text, b bytea, flag boolean, r real, f double precision, u uuid, j jsonb, ia int[], iv interval)`,
      // Not here, as the backup does not keep them yet: NUMERIC without precision or above 38
      // digits (kept as DECIMAL(38,18)), time 24:00:00, infinities, timestamptz BC.
      `INSERT INTO ${from}.every VALUES
        (-9223372036854775808, -2147483648, -32768, -9999999999999999999999999999.9999999999, -1234567890.12, '0044-03-15 12:34:56.000001 BC', '0001-01-01 BC', '00:00:00', '1000-01-01 00:00:00.000001+00',
         '', 'a', E'back\\\\slash\\ttab\\nnl\\rcr', '\\x00', false, '-0'::real, '-0'::float8, '00000000-0000-0000-0000-000000000001', '{"a": [1, 2], "é": "𝄞"}', '{1,2,NULL}', '1 year 2 mons -3 days 04:05:06.789'),
        (9223372036854775807, 2147483647, 32767, 9999999999999999999999999999.9999999999, 9999999999.99, '0999-12-31 23:59:59.999999', '0999-01-01', '23:59:59.999999', '1969-12-31 23:59:59.5-08',
         'é😀𝄞', 'ab ', '\\N', '\\x00ff5c0a', true, 'NaN', 'Infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '[]', '{}', '-1 day'),
        (0, 0, 0, 0, 0, '1969-12-31 23:59:59.999999', '1969-12-31', '12:00:00.5', '2024-02-29 12:00:00+05:30',
         E'\\\\N', 'ü😀', E'\\\\N literal \\\\\\\\N', '', true, '-Infinity', '-Infinity', NULL, 'null', '{{1,2},{3,4}}', '0'),
        (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (2, 7, 7, 0.0000000001, -0.01, '1000-01-01 00:00:00.000001', '1000-01-01', '01:02:03.000001', '2000-01-01 00:00:00+00',
         'x', '', E'multi\\nline\\r\\n', '\\x5c4e', false, 3.4028235e38, 1e308, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k": "tab\\there"}', '{-1}', '00:00:00.000001'),
        (3, 1, 1, 1.5, 1.5, '2024-02-29 12:34:56.123456', '9999-12-31', '12:34:56.123456', '2000-01-01 00:00:00+00',
         'multi byte ü', 'xyz', 'NaN', '\\xdeadbeef', true, 0.1, 0.1, NULL, '3.5', NULL, NULL),
        (4, 2, 2, -1, -1, '2262-04-11 23:47:16.854775', '294276-12-31', '00:00:00.000001', '2000-01-01 00:00:00+00',
         E'\\t', '\\', 'ok', NULL, NULL, 1.17549435e-38, 4.9e-324, NULL, NULL, NULL, NULL)`,
      `INSERT INTO ${from}.every (id, tx, ts, n122) SELECT g, repeat('x', g % 50), timestamp '1960-01-01' + g * interval '1 second 1 microsecond', g / 100.0 FROM generate_series(10, 3000) g`);
    ferry = await Ferry.open({ databases: { pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user }, types: { backup: folder } } });
  }, 120_000);
  afterAll(async () => {
    await ferry?.close();
    if (havePg) await pg(`DROP SCHEMA IF EXISTS ${from} CASCADE`, `DROP SCHEMA IF EXISTS ${to} CASCADE`);
  });

  it('gives byte-identical COPY output, across several files', async () => {
    await backup(ferry, { database: `pg.${from}`, output: folder, jobs: 2, chunkRows: 1000 });
    expect(readManifest(folder).tables[0]?.chunks.length).toBeGreaterThan(2);
    // Ferry's own verification is left out: it hashes an interval's backup text and its
    // restored value differently (the rows are the same, as the COPY output shows).
    expectOk(await restore(ferry, { from: 'types', to: `pg.${to}`, jobs: 2, noVerify: true }));
    expect(copyText(to, 'every')).toBe(copyText(from, 'every'));
  }, 120_000);
});
