import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maria, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const BIN = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));
const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

/** One session of a database's own client (psql, mariadb), for holding a lock while Ferry runs. */
class ClientSession {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private readonly waiters: (() => void)[] = [];

  static psql(): ClientSession {
    return new ClientSession('psql', ['-h', SERVICES.postgres.host, '-p', String(SERVICES.postgres.port), '-U', SERVICES.postgres.user, '-d', 'test', '-qtA', '-v', 'ON_ERROR_STOP=1']);
  }

  static mariadb(): ClientSession {
    return new ClientSession('mariadb', ['-h', SERVICES.mariadb.host, '-P', String(SERVICES.mariadb.port), '-u', SERVICES.mariadb.user, 'test', '-N', '-B', '-n']);
  }

  private constructor(command: string, args: string[]) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    createInterface({ input: this.child.stdout! }).on('line', (l) => {
      this.lines.push(l);
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  /** Sends SQL and waits until the session prints `marker` (a SELECT of it ends the SQL). */
  async run(sql: string, marker: string): Promise<void> {
    this.child.stdin!.write(`${sql}\nSELECT '${marker}';\n`);
    while (!this.lines.includes(marker)) await new Promise<void>((r) => this.waiters.push(r));
  }

  /** Ends the session (its transaction and locks end with it). */
  end(): Promise<void> {
    this.child.stdin!.end();
    return new Promise((r) => this.child.once('close', () => r()));
  }
}

/** A MariaDB query's single value through its client. */
function mariaValue(sql: string): string {
  const r = spawnSync('mariadb', ['-h', SERVICES.mariadb.host, '-u', SERVICES.mariadb.user, 'test', '-N', '-B', '-e', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** Waits until `count` (a query of waiting sessions) says some session waits. */
async function waitFor(count: () => string, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (count() !== '0') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} never happened`);
}

/** A query's single value through psql. */
function psqlValue(sql: string): string {
  const r = spawnSync('psql', ['-h', SERVICES.postgres.host, '-U', SERVICES.postgres.user, '-d', 'test', '-qtAc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** Waits until some session of the test database waits on a lock for a statement on `table`. */
function waitUntilBlocked(table: string): Promise<void> {
  return waitFor(() => psqlValue(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%${table}%'`), `a statement on ${table} waiting on a lock`);
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((r) => child.once('close', (code, signal) => r({ code, signal, stderr })));
}

describe.skipIf(!havePg)('copy refuses what would corrupt or hang (PostgreSQL)', () => {
  const dir = tempDir('ferry-copy-safety-');
  const cfg = join(dir, 'ferry.yaml');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '-c', cfg], { encoding: 'utf8', cwd: dir, timeout: 180_000, killSignal: 'SIGKILL' });
  const start = (...args: string[]) => spawn(process.execPath, [BIN, ...args, '-c', cfg], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(async () => {
    await pg(
      'DROP SCHEMA IF EXISTS copy_safe CASCADE', 'DROP SCHEMA IF EXISTS copy_safe_tgt CASCADE',
      'CREATE SCHEMA copy_safe', 'CREATE SCHEMA copy_safe_tgt',
      'CREATE TABLE copy_safe.t (id INT PRIMARY KEY, s TEXT)',
      "INSERT INTO copy_safe.t SELECT i, 'row ' || i FROM generate_series(1, 10000) i",
      'CREATE TABLE copy_safe.u (id INT PRIMARY KEY, nick TEXT, active BOOLEAN)',
      'CREATE INDEX u_lower ON copy_safe.u (lower(nick))',
      'CREATE UNIQUE INDEX u_active ON copy_safe.u (nick) WHERE active',
      "INSERT INTO copy_safe.u VALUES (1, 'a', true), (2, 'a', false), (3, 'b', true)",
      'CREATE TABLE copy_safe.nokey (id INT, s TEXT)',
      "INSERT INTO copy_safe.nokey SELECT i, 'row ' || i FROM generate_series(1, 100) i",
    );
    const db = (schema: string, extra = '') => `    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: ${schema}\n${extra}`;
    writeFileSync(cfg, `databases:\n  a:\n${db('copy_safe')}  same:\n${db('copy_safe')}  b:\n${db('copy_safe_tgt')}  ro:\n${db('copy_safe_tgt', '    readOnly: true\n')}  lite:\n    url: jdbc:sqlite:${join(dir, 'lite.db')}\n`);
  });

  it('copy --create keeps partial and expression indexes into PostgreSQL, and leaves them out elsewhere', () => {
    // Made whole, the partial unique index would refuse the second 'a' (its condition leaves it out).
    for (const to of ['b', 'lite']) {
      const r = run('copy', '--from', 'a', '--to', to, '--tables', 'u', '--create');
      expect(r.status, r.stderr).toBe(0);
    }
    expect(psqlValue("SELECT string_agg(indexdef, ' | ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'copy_safe_tgt' AND tablename = 'u'"))
      .toBe('CREATE UNIQUE INDEX u_active ON copy_safe_tgt.u USING btree (nick) WHERE active | CREATE INDEX u_lower ON copy_safe_tgt.u USING btree (lower(nick)) | CREATE UNIQUE INDEX u_pkey ON copy_safe_tgt.u USING btree (id)');
    expect(run('query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM lite.u').stdout.trim().split('\n')[1]).toBe('3');
  });

  it('--where is one condition: text escaping the chunk range is refused with SQL_SYNTAX (dry run too), nothing written', () => {
    for (const extra of [[], ['--dry-run']]) {
      const r = run('copy', '--from', 'a', '--to', 'b', '--tables', 't', '--create', '--where', 'id > 9000) OR (1=1', ...extra);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/SQL_SYNTAX.*--where must be one condition on the columns of t/);
    }
    // A trailing comment cannot swallow the key range either: it is dropped with the rest of the text.
    const ok = run('copy', '--from', 'a', '--to', 'b', '--tables', 't', '--create', '--chunk-rows', '300', '--where', 'id > 9000 --');
    expect(ok.status, ok.stderr).toBe(0);
    expect(psqlValue('SELECT count(*) || \',\' || min(id) FROM copy_safe_tgt.t')).toBe('1000,9001');
    const notBoolean = run('copy', '--from', 'a', '--to', 'b', '--tables', 't', '--where', 'id + 1');
    expect(notBoolean.status).toBe(2);
    expect(notBoolean.stderr).toMatch(/SQL_VALIDATION/);
    expect(psqlValue('SELECT count(*) FROM copy_safe_tgt.t')).toBe('1000');
  });

  it('refuses a copy onto its own source table, by name and through a second config entry (exit 2)', () => {
    for (const [to, mode] of [['a', 'append'], ['same', 'replace'], ['same', 'append']] as const) {
      for (const table of ['t', 'nokey']) {
        const r = run('copy', '--from', 'a', '--to', to, '--tables', table, '--mode', mode);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`refusing to copy ${table} onto itself: 'a' and '${to}' reach the same database`));
      }
    }
    expect(psqlValue('SELECT (SELECT count(*) FROM copy_safe.t) || \',\' || (SELECT count(*) FROM copy_safe.nokey)')).toBe('10000,100');
  });

  it('an append over keys the target holds says so and suggests replace or upsert (COPY_KEY_EXISTS)', () => {
    const r = run('copy', '--from', 'a', '--to', 'b', '--tables', 't', '--where', 'id > 8990');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/COPY_KEY_EXISTS.*database 'b' already holds rows with keys being copied into copy_safe_tgt\.t .*--mode replace.*--mode upsert/);
    expect(psqlValue('SELECT count(*) FROM copy_safe_tgt.t')).toBe('1000');
  });

  it('--dry-run into a readOnly target is refused like the real run', () => {
    const r = run('copy', '--from', 'a', '--to', 'ro', '--tables', 't', '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/READ_ONLY.*database 'ro' is marked readOnly/);
  });

  describe('while another session holds the target table', () => {
    let holder: ClientSession;
    beforeAll(async () => {
      await pg('DROP TABLE IF EXISTS copy_safe_tgt.held', 'CREATE TABLE copy_safe_tgt.held (id INT PRIMARY KEY, s TEXT)', "INSERT INTO copy_safe_tgt.held VALUES (-1, 'before')",
        'DROP TABLE IF EXISTS copy_safe.held', 'CREATE TABLE copy_safe.held AS SELECT * FROM copy_safe.t', 'ALTER TABLE copy_safe.held ADD PRIMARY KEY (id)');
      holder = ClientSession.psql();
      await holder.run('BEGIN; LOCK TABLE copy_safe_tgt.held IN ACCESS EXCLUSIVE MODE;', 'locked');
    });
    afterAll(async () => holder?.end());

    it('a second copy into the same table stops at once with COPY_CONFLICT; SIGTERM ends the waiting one at once', async () => {
      const first = start('copy', '--from', 'a', '--to', 'b', '--tables', 'held', '--mode', 'replace', '--chunk-rows', '2000');
      const firstExit = exited(first);
      await waitUntilBlocked('held');
      const second = run('copy', '--from', 'a', '--to', 'b', '--tables', 'held', '--mode', 'upsert');
      expect(second.status, second.stderr).toBe(2);
      expect(second.stderr).toMatch(/COPY_CONFLICT.*another copy into copy_safe_tgt\.held of database 'b' is running/);

      // The first copy waits on the lock; SIGTERM must end it now, not when the lock is granted.
      first.kill('SIGTERM');
      const end = await Promise.race([firstExit, new Promise<null>((r) => setTimeout(() => r(null), 30_000))]);
      if (end === null) first.kill('SIGKILL');
      expect(end, 'the copy waiting on a lock ignored SIGTERM').not.toBeNull();
      expect(end!.signal === 'SIGTERM' || end!.code === 143, end!.stderr).toBe(true);
      // Its connection was cut, so the server rolled its transaction back: nobody waits any more.
      for (let i = 0; i < 100 && psqlValue("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%held%'") !== '0'; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(psqlValue("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%held%'")).toBe('0');
      await holder.run('ROLLBACK;', 'released');
      // Nothing of the replace happened: the old row is there, alone.
      expect(psqlValue('SELECT string_agg(id || s, \',\') FROM copy_safe_tgt.held')).toBe('-1before');
      // And the lock went with the process: a new copy runs.
      const again = run('copy', '--from', 'a', '--to', 'b', '--tables', 'held', '--mode', 'replace', '--chunk-rows', '2000');
      expect(again.status, again.stderr).toBe(0);
      expect(psqlValue('SELECT count(*) FROM copy_safe_tgt.held')).toBe('10000');
    });
  });
});

describe.skipIf(!havePg || !haveMaria)('copy into MariaDB names refused rows by key', () => {
  const dir = tempDir('ferry-copy-safety-m-');
  const cfg = join(dir, 'ferry.yaml');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '-c', cfg], { encoding: 'utf8', cwd: dir, timeout: 180_000, killSignal: 'SIGKILL' });

  beforeAll(async () => {
    await pg('DROP SCHEMA IF EXISTS copy_safe_m CASCADE', 'CREATE SCHEMA copy_safe_m',
      'CREATE TABLE copy_safe_m.floats (id INT PRIMARY KEY, f DOUBLE PRECISION)',
      "INSERT INTO copy_safe_m.floats VALUES (1, 1.5), (2, -2), (3, 'Infinity'), (4, 'NaN')",
      'CREATE TABLE copy_safe_m.keys (id INT PRIMARY KEY, s TEXT)',
      'CREATE TABLE copy_safe_m.held (id INT PRIMARY KEY, s TEXT)',
      "INSERT INTO copy_safe_m.held SELECT i, 'h' || i FROM generate_series(1, 5000) i",
      "INSERT INTO copy_safe_m.keys SELECT i, 'k' || i FROM generate_series(1, 50) i");
    await maria('DROP TABLE IF EXISTS floats', 'DROP TABLE IF EXISTS `keys`');
    writeFileSync(cfg, `databases:\n  src:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n    schema: copy_safe_m\n  m:\n    url: ${SERVICES.mariadb.url}\n    user: root\n    schema: test\n`);
  });

  it('Infinity in a DOUBLE is refused naming table, column and key', () => {
    const r = run('copy', '--from', 'src', '--to', 'm', '--tables', 'floats', '--create');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/COPY_VALUE_REJECTED.*floats\.f at id=3: Infinity \(not a finite number/);
  });

  it('a second copy into a MariaDB table a running copy holds stops with COPY_CONFLICT; SIGTERM ends the waiting one', async () => {
    await maria('DROP TABLE IF EXISTS held', 'CREATE TABLE held (id INT PRIMARY KEY, s TEXT)', "INSERT INTO held VALUES (-1, 'before')");
    const waiting = () => mariaValue("SELECT COUNT(*) FROM information_schema.processlist WHERE state LIKE 'Waiting for table%' AND info LIKE '%held%'");
    const holder = ClientSession.mariadb();
    try {
      await holder.run('LOCK TABLES held WRITE;', 'locked');
      const first = spawn(process.execPath, [BIN, 'copy', '--from', 'src', '--to', 'm', '--tables', 'held', '--mode', 'replace', '-c', cfg], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const firstExit = exited(first);
      await waitFor(waiting, 'the copy waiting on the held table');
      const second = run('copy', '--from', 'src', '--to', 'm', '--tables', 'held', '--mode', 'upsert');
      expect(second.status, second.stderr).toBe(2);
      expect(second.stderr).toMatch(/COPY_CONFLICT.*another copy into test\.held of database 'm' is running/);
      first.kill('SIGTERM');
      const end = await Promise.race([firstExit, new Promise<null>((r) => setTimeout(() => r(null), 30_000))]);
      if (end === null) first.kill('SIGKILL');
      expect(end, 'the copy waiting on a lock ignored SIGTERM').not.toBeNull();
      expect(end!.signal === 'SIGTERM' || end!.code === 143, end!.stderr).toBe(true);
      // The server was told to stop the statement: nobody waits on the table any more.
      for (let i = 0; i < 100 && waiting() !== '0'; i++) await new Promise((r) => setTimeout(r, 100));
      expect(waiting()).toBe('0');
    } finally {
      await holder.end();
    }
    expect(mariaValue('SELECT GROUP_CONCAT(id, s) FROM held')).toBe('-1before');
  });

  it('an append over existing keys is COPY_KEY_EXISTS, also through LOAD DATA', () => {
    expect(run('copy', '--from', 'src', '--to', 'm', '--tables', 'keys', '--create').status).toBe(0);
    const r = run('copy', '--from', 'src', '--to', 'm', '--tables', 'keys');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/COPY_KEY_EXISTS.*database 'm' already holds rows with keys being copied into test\.keys \(Duplicate entry/);
    expect(run('copy', '--from', 'src', '--to', 'm', '--tables', 'keys', '--mode', 'upsert').status).toBe(0);
  });
});

describe.skipIf(!haveMaria)('secrets in JDBC URLs', () => {
  const dir = tempDir('ferry-secrets-');
  const cfg = join(dir, 'ferry.yaml');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '-c', cfg], { encoding: 'utf8', cwd: dir, timeout: 180_000, killSignal: 'SIGKILL' });

  it('a password in the user-info never appears, not even where the driver repeats it', () => {
    writeFileSync(cfg, `databases:\n  m:\n    url: jdbc:mariadb://root:s3cretPw@127.0.0.1:3306/test\n`);
    // Each command connects to m (a query that does not use it never does).
    for (const r of [run('query', 'SELECT * FROM m.nothing'), run('doctor', '--json'), run('doctor'), run('check', '--from', 'm', '--to', 'm')]) {
      expect(r.stdout + r.stderr).toMatch(/root:\*\*\*@|\*\*\*@127/);
      expect(r.stdout + r.stderr).not.toContain('s3cretPw');
    }
  });
});
