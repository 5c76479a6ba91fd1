// The Ferry side of the tpch benchmark, in a Node process of its own: it opens Ferry once and
// runs the queries it is sent through the library API (`ferry.analyze`), so the JVM starts once,
// not once per query. A query that runs past its time-out is stopped by killing that process
// (a running execution cannot be interrupted from Node);
// the next query gets a fresh one. The first query of each process is preceded by a small one
// per database (connecting, reading catalogs, warming the JIT), not measured.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

/** Queries run before the measured ones in each new process, one per database. */
const WARM_UP = ['SELECT COUNT(*) AS n FROM pg.orders WHERE o_orderkey < 0', 'SELECT COUNT(*) AS n FROM maria.region', 'SELECT COUNT(*) AS n FROM lite.supplier WHERE s_suppkey < 0'];

/**
 * Runs queries through Ferry in a child process over `config` (a Ferry config object).
 *
 * @example
 * const worker = new FerryWorker(config);
 * const r = await worker.run('SELECT 1 AS one FROM pg.orders LIMIT 1', 300_000);
 * // { ms: 412.3, analysis: {…}, columns: ['one'], rows: [['1']] } — or { timedOut: true } / { error }
 * worker.stop();
 */
export class FerryWorker {
  constructor(config) {
    this.config = config;
    this.child = undefined;
    this.java = undefined;
  }

  /** The live child, started (and warmed up) if there is none. */
  async ready() {
    if (this.child) return this.child;
    const child = fork(SELF, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child = child;
    const hello = await this.reply(child, { config: this.config, warmUp: WARM_UP }, 600_000);
    if (!hello || hello.error) {
      this.stop();
      throw new Error(`the Ferry worker did not start: ${hello?.error ?? 'no answer within 10 minutes'}`);
    }
    this.java = hello.java;
    return child;
  }

  /**
   * Runs one query: resolves its wall time through `ferry.analyze` (ms), the analysis, and the
   * result as text cells; `{ timedOut: true }` when it did not end within `timeoutMs` (the
   * process is killed); `{ error }` when Ferry failed.
   */
  async run(sql, timeoutMs) {
    const child = await this.ready();
    const answer = await this.reply(child, { sql }, timeoutMs);
    if (answer === undefined) {
      this.stop();
      return { timedOut: true };
    }
    return answer;
  }

  /** Kills the child, if any (its JVM goes with it); the next run starts a new one. */
  stop() {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  reply(child, message, timeoutMs) {
    return new Promise((resolve) => {
      const done = (v) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(v);
      };
      const onMessage = (m) => done(m);
      const onExit = (code, signal) => done({ error: `the Ferry worker exited (${signal ?? `exit ${code}`})` });
      const timer = setTimeout(() => done(undefined), timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(message);
    });
  }
}

/** The child's side: opens Ferry on the first message, then answers one query per message. */
async function workerMain() {
  const { Ferry } = await import('../../../dist/index.js');
  const { tableTextRows } = await import('../../../dist/arrow/index.js');
  const { jvmRuntime } = await import('../../../dist/bridge/index.js');
  let ferry;
  const failure = (e) => ({ error: `${e?.code ? `${e.code}: ` : ''}${String(e?.message ?? e).split('\n')[0]}` });
  process.on('message', async (m) => {
    try {
      if (m.config) {
        ferry = await Ferry.open(m.config);
        for (const sql of m.warmUp) await ferry.query(sql);
        process.send({ java: await jvmRuntime() });
        return;
      }
      const started = performance.now();
      const { table, analysis } = await ferry.analyze(m.sql);
      const ms = performance.now() - started;
      process.send({ ms, analysis, columns: table.schema.fields.map((f) => f.name), rows: [...tableTextRows(table)] });
    } catch (e) {
      process.send(failure(e));
    }
  });
  process.on('disconnect', () => {
    ferry?.closeSync();
    process.exit(0);
  });
}

if (process.argv[1] === SELF && process.argv[2] === '--worker') await workerMain();
