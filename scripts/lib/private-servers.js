// Private database servers for tests and benchmarks that need settings the shared servers do not
// have (wal_level=logical, a ROW binlog) and must never change: a PostgreSQL 15 cluster made with
// pg_createcluster and a MariaDB started from a fresh datadir, each on a free port of its own.
// Everything is named after the caller's `name`, so a run that was killed (and left its server
// running) is cleaned up by the next start with the same name. Stopping is synchronous, so it
// also works from a signal handler.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL major version whose Debian cluster tools make the private clusters. */
export const PG_VERSION = '15';

/** Ports the private servers are picked from: clear of 5432/3306 and of Linux's ephemeral range. */
const PORT_RANGE = { from: 20000, to: 29999 };

const NAME = /^[a-z][a-z0-9_]{0,40}$/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function checkName(name) {
  if (!NAME.test(String(name))) throw new Error(`a private server name is lower-case letters, digits and _ (starting with a letter, at most 41 characters); got ${JSON.stringify(name)}`);
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Why a private server of `kind` cannot be started on this machine, or undefined when it can:
 * the tools it needs are on the PATH.
 *
 * @example
 * privateServerMissing('postgres') // undefined, or 'pg_createcluster is not installed (…)'
 */
export function privateServerMissing(kind) {
  const tools = kind === 'postgres'
    ? ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster', 'pg_isready', 'psql']
    : ['mariadb-install-db', 'mariadbd', 'mariadb-admin', 'mariadb'];
  const missing = tools.filter((t) => !onPath(t));
  if (missing.length === 0) return undefined;
  const pkg = kind === 'postgres' ? `postgresql-${PG_VERSION} postgresql-common` : 'mariadb-server mariadb-client';
  return `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed (apt-get install -y ${pkg})`;
}

function portTaken(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

/** Ports other PostgreSQL clusters are configured for, running or not (they may start later). */
function clusterPorts() {
  if (!onPath('pg_lsclusters')) return new Set();
  const out = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).stdout ?? '';
  return new Set(out.split('\n').map((l) => Number(l.trim().split(/\s+/)[2])).filter((p) => p > 0));
}

/**
 * A TCP port nothing listens on (on any address) and no PostgreSQL cluster is configured for,
 * picked at random from 20000–29999 so two runs starting at once rarely pick the same one.
 *
 * @example
 * await freePort() // 23817
 */
export async function freePort() {
  const reserved = clusterPorts();
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from + 1));
    if (reserved.has(port)) continue;
    if (await portTaken(port, '0.0.0.0')) continue;
    if (await portTaken(port, '127.0.0.1')) continue;
    return port;
  }
  throw new Error(`no free port found in ${PORT_RANGE.from}–${PORT_RANGE.to}`);
}

/** Whether something accepts TCP connections on 127.0.0.1:`port` (a stopped server's port is free). */
export function portInUse(port) {
  return portTaken(port, '127.0.0.1');
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new Error(`${what}: ${cmd} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what}: ${cmd} ${args.join(' ')} failed (${r.signal ?? `exit ${r.status}`}):\n${`${r.stderr}\n${r.stdout}`.trim().slice(-2000)}`);
  return r.stdout;
}

function logTail(path, chars = 2000) {
  try {
    return readFileSync(path, 'utf8').slice(-chars);
  } catch {
    return `(no log at ${path})`;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

function clusterExists(name) {
  return existsSync(`/etc/postgresql/${PG_VERSION}/${name}`) || existsSync(`/var/lib/postgresql/${PG_VERSION}/${name}`);
}

function dropCluster(name) {
  if (!clusterExists(name)) return;
  run('pg_dropcluster', ['--stop', PG_VERSION, name], `dropping the private PostgreSQL cluster ${name}`);
}

/**
 * Starts a private PostgreSQL 15 cluster named `name` for change capture: trust authentication,
 * `wal_level=logical`, 20 replication slots and WAL senders, and durability off (fsync and
 * full_page_writes: a test server needs no crash safety; synchronous_commit stays on, because
 * without it a commit reaches logical replication only when the WAL writer next flushes, up to
 * 200 ms later). A cluster left with
 * that name by a killed run is dropped first. Resolves once `pg_isready` accepts connections;
 * `stop()` drops the cluster (synchronously). Runs as root too: the cluster belongs to `postgres`.
 *
 * @example
 * const pg = await startLogicalPostgres({ name: 'ferry_sync_test' });
 * // pg.url === 'jdbc:postgresql://127.0.0.1:23817/postgres'; psql ...pg.psqlArgs
 * pg.stop();
 */
export async function startLogicalPostgres({ name }) {
  checkName(name);
  const started = performance.now();
  dropCluster(name);
  const port = await freePort();
  const settings = ['wal_level=logical', 'max_replication_slots=20', 'max_wal_senders=20', 'fsync=off', 'full_page_writes=off'];
  run('pg_createcluster', [PG_VERSION, name, '-p', String(port), '--start-conf', 'manual', ...settings.flatMap((s) => ['-o', s]), '--', '--auth=trust', '--no-sync'], `creating the private PostgreSQL cluster ${name}`);
  const log = `/var/log/postgresql/postgresql-${PG_VERSION}-${name}.log`;
  try {
    run('pg_ctlcluster', ['--skip-systemctl-redirect', PG_VERSION, name, 'start'], `starting the private PostgreSQL cluster ${name} (log: ${log})`);
    const deadline = Date.now() + 60_000;
    while (spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).status !== 0) {
      if (Date.now() > deadline) throw new Error(`the private PostgreSQL cluster ${name} on port ${port} did not accept connections within 60 s; its log:\n${logTail(log)}`);
      await sleep(100);
    }
  } catch (e) {
    try {
      dropCluster(name);
    } catch {
      // the first error is the one to report
    }
    throw e;
  }
  return {
    kind: 'postgres',
    name,
    host: '127.0.0.1',
    port,
    user: 'postgres',
    url: `jdbc:postgresql://127.0.0.1:${port}/postgres`,
    psqlArgs: ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
    log,
    startMs: performance.now() - started,
    stop: () => dropCluster(name),
  };
}

// ---------------------------------------------------------------------------------------------
// MariaDB

/** Where the MariaDB named `name` keeps its datadir, socket, pid file and logs. */
function mariaHome(name) {
  return join(tmpdir(), `ferry-mariadb-${name}`);
}

/**
 * Whether `pid` is running. A zombie counts as gone: the mariadbd this process started stays one
 * until Node reaps it, which it cannot do while a synchronous stop() holds the event loop.
 */
function alive(pid) {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The pid in `home`'s pid file when that process is still a mariadbd of this home. */
function mariaPid(home) {
  let pid;
  try {
    pid = Number(readFileSync(join(home, 'mariadbd.pid'), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!(pid > 0) || !alive(pid)) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('mariadbd') && cmdline.includes(home) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function waitGone(pid, ms) {
  const deadline = Date.now() + ms;
  while (alive(pid) && Date.now() < deadline) spawnSync('sleep', ['0.1']);
  return !alive(pid);
}

/** Stops the MariaDB living in `home` (SIGTERM is mariadbd's clean shutdown), then removes `home`. */
function removeMaria(home) {
  const pid = mariaPid(home);
  if (pid !== undefined) {
    process.kill(pid, 'SIGTERM');
    if (!waitGone(pid, 60_000)) {
      process.kill(pid, 'SIGKILL');
      waitGone(pid, 10_000);
    }
  }
  rmSync(home, { recursive: true, force: true });
}

/**
 * Starts a private MariaDB named `name` for change capture: a fresh datadir (`mariadb-install-db`)
 * under the temp folder, the binlog on in ROW format with full row images, server id 1, root with
 * an empty password over TCP on 127.0.0.1, database `test`; durability relaxed
 * (innodb_flush_log_at_trx_commit=2, sync_binlog=0). A server and datadir left with that name by
 * a killed run are removed first. Resolves once it accepts connections; `stop()` shuts it down
 * and removes the datadir (synchronously).
 *
 * @example
 * const maria = await startBinlogMariaDb({ name: 'ferry_sync_test' });
 * // maria.url === 'jdbc:mariadb://127.0.0.1:24410/test'; mariadb ...maria.clientArgs
 * maria.stop();
 */
export async function startBinlogMariaDb({ name }) {
  checkName(name);
  const started = performance.now();
  const home = mariaHome(name);
  removeMaria(home);
  mkdirSync(home, { recursive: true });
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  const data = join(home, 'data');
  const errorLog = join(home, 'error.log');
  // A temp folder of its own: a starting MariaDB deletes every `#sql*` file in its tmpdir, which
  // in the default /tmp includes the shared server's temporary tables in use.
  const tmp = join(home, 'tmp');
  mkdirSync(tmp, { recursive: true });
  try {
    run('mariadb-install-db', ['--no-defaults', ...asRoot, `--datadir=${data}`, `--tmpdir=${tmp}`, '--auth-root-authentication-method=normal', '--skip-test-db'], `initializing the private MariaDB ${name}`);
    const port = await freePort();
    const clientArgs = ['--no-defaults', '-h', '127.0.0.1', '-P', String(port), '-u', 'root'];
    const child = spawn('mariadbd', [
      '--no-defaults', ...asRoot, `--datadir=${data}`, `--tmpdir=${tmp}`, `--socket=${join(home, 'mariadbd.sock')}`, `--pid-file=${join(home, 'mariadbd.pid')}`,
      `--port=${port}`, '--bind-address=127.0.0.1', '--skip-networking=0', '--skip-name-resolve', `--log-error=${errorLog}`,
      `--log-bin=${join(data, 'binlog')}`, '--binlog-format=ROW', '--binlog-row-image=FULL', '--server-id=1',
      '--innodb-buffer-pool-size=128M', '--innodb-flush-log-at-trx-commit=2', '--sync-binlog=0', '--max-connections=200',
    ], { detached: true, stdio: 'ignore' });
    let exited;
    child.once('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
    child.once('error', (e) => (exited = e.message));
    child.unref();
    const deadline = Date.now() + 60_000;
    while (spawnSync('mariadb-admin', [...clientArgs, '--connect-timeout=2', 'ping'], { stdio: 'ignore' }).status !== 0) {
      if (exited !== undefined) throw new Error(`the private MariaDB ${name} stopped while starting (${exited}); its log:\n${logTail(errorLog)}`);
      if (Date.now() > deadline) throw new Error(`the private MariaDB ${name} on port ${port} did not accept connections within 60 s; its log:\n${logTail(errorLog)}`);
      await sleep(100);
    }
    run('mariadb', [...clientArgs, '-e', 'CREATE DATABASE IF NOT EXISTS test'], `creating the database test in the private MariaDB ${name}`);
    return {
      kind: 'mariadb',
      name,
      host: '127.0.0.1',
      port,
      user: 'root',
      url: `jdbc:mariadb://127.0.0.1:${port}/test`,
      clientArgs,
      home,
      log: errorLog,
      startMs: performance.now() - started,
      stop: () => removeMaria(home),
    };
  } catch (e) {
    try {
      removeMaria(home);
    } catch {
      // the first error is the one to report
    }
    throw e;
  }
}

/**
 * Runs SQL through the private PostgreSQL's psql (unaligned, tuples only) and returns its output.
 *
 * @example
 * pgSql(pg, 'SHOW wal_level') // 'logical'
 */
export function pgSql(server, sql, database = 'postgres') {
  return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', ...server.psqlArgs, '-d', database, '-c', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Runs SQL through the private MariaDB's client (batch mode, no column names) and returns its output.
 *
 * @example
 * mariaSql(maria, "SELECT @@binlog_format") // 'ROW'
 */
export function mariaSql(server, sql, database = 'test') {
  return execFileSync('mariadb', [...server.clientArgs, '-B', '-N', '-D', database, '-e', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}
