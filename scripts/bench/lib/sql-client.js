// One long-lived psql or mariadb client fed SQL on stdin: the sync benchmark's writer and lag
// poller send thousands of statements a second, which a process per statement (or an npm driver,
// which the project does not have) could not. Results come back on stdout a line at a time, in
// order, so a marker echoed after a batch says the batch has run.
import { spawn } from 'node:child_process';

/**
 * How each engine's command-line client is started, how several statements go to the server in
 * one round trip (psql's `\;`; the mariadb client sends everything up to its delimiter as one
 * multi-statement query), and how a marker is echoed.
 */
const CLIENTS = {
  postgres: {
    cmd: 'psql',
    args: (connection, database, keepGoing) => ['-X', '-q', '-A', '-t', '-v', `ON_ERROR_STOP=${keepGoing ? 0 : 1}`, ...connection, '-d', database],
    preamble: '',
    end: ';\n',
    together: (statements) => `${statements.join(' \\; ')};\n`,
    echo: (text) => `\\echo ${text}\n`,
  },
  mariadb: {
    // -n flushes after each statement; -B -N prints bare values, one row a line.
    cmd: 'mariadb',
    args: (connection, database, keepGoing) => [...connection, '-B', '-N', '-n', ...(keepGoing ? ['--force'] : []), '-D', database],
    preamble: 'DELIMITER $$\n',
    end: ' $$\n',
    together: (statements) => `${statements.join('; ')} $$\n`,
    echo: (text) => `SELECT '${text}' $$\n`,
  },
};

/**
 * A client process for `engine` ('postgres' with psql's connection arguments, 'mariadb' with the
 * mariadb client's) on `database`. A failing statement ends the process, and every later call
 * rejects with its stderr; with `keepGoing` failing statements are skipped (their error goes to
 * stderr), for polling a table that may not exist yet.
 *
 * @example
 * const c = new SqlClient('postgres', ['-h', '127.0.0.1', '-p', '5433', '-U', 'postgres'], 'src');
 * c.send('BEGIN', 'INSERT INTO t VALUES (1)', 'COMMIT');
 * await c.fence();                          // the INSERT has run
 * await c.query('SELECT max(id) FROM t');   // '1'
 * await c.close();
 */
export class SqlClient {
  constructor(engine, connection, database, { keepGoing = false } = {}) {
    const client = CLIENTS[engine];
    if (!client) throw new Error(`no client for engine ${engine}; valid: ${Object.keys(CLIENTS).join(', ')}`);
    this.client = client;
    this.what = `${client.cmd} on ${database}`;
    this.child = spawn(client.cmd, client.args(connection, database, keepGoing), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.waiting = [];
    this.marks = 0;
    this.stderr = '';
    this.partial = '';
    this.failure = undefined;
    this.exited = new Promise((resolve) => this.child.once('close', (code, signal) => resolve({ code, signal })));
    this.child.stdout.setEncoding('utf8').on('data', (s) => this.onOutput(s));
    this.child.stderr.setEncoding('utf8').on('data', (s) => (this.stderr += s));
    this.child.stdin.on('error', () => {}); // a dead client is reported by exited, not as EPIPE
    this.child.once('error', (e) => this.fail(new Error(`${this.what} could not run: ${e.message}`)));
    this.child.stdin.write(client.preamble);
    this.exited.then(({ code, signal }) => this.fail(new Error(`${this.what} ended (${signal ?? `exit ${code}`})${this.stderr ? `: ${this.stderr.trim().slice(-1500)}` : ''}`)));
  }

  onOutput(text) {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop();
    for (const line of lines) {
      const head = this.waiting[0];
      if (head === undefined) continue; // output nobody asked for (the statements print none)
      if (line !== head.mark) head.rows.push(line);
      else {
        this.waiting.shift();
        head.resolve(head.rows);
      }
    }
  }

  fail(error) {
    this.failure ??= error;
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }

  /**
   * Sends statements (without terminators) in one round trip, without waiting for them; false
   * when the pipe is full. Each runs in autocommit unless the list opens a transaction itself.
   */
  send(...statements) {
    if (this.failure) throw this.failure;
    return this.child.stdin.write(statements.length === 1 ? `${statements[0]}${this.client.end}` : this.client.together(statements));
  }

  /** Resolves once every statement sent before it has run. */
  fence() {
    return this.expect(false);
  }

  /**
   * Runs a query returning one row and resolves with its first column as text (the client's own
   * rendering; NULL is '' for psql and 'NULL' for mariadb).
   */
  async query(sql) {
    const rows = await this.expect(sql);
    return rows[0];
  }

  /** Sends `sql` (if any) and a marker; resolves with the lines printed before the marker. */
  expect(sql) {
    if (this.failure) return Promise.reject(this.failure);
    const mark = `ferry-mark-${++this.marks}`;
    return new Promise((resolve, reject) => {
      this.waiting.push({ mark, rows: [], resolve, reject });
      this.child.stdin.write(`${sql === false ? '' : `${sql}${this.client.end}`}${this.client.echo(mark)}`);
    });
  }

  /** Ends the client after what was sent has run; rejects when it failed. */
  async close() {
    if (!this.failure) this.child.stdin.end();
    const { code, signal } = await this.exited;
    if (code !== 0) throw new Error(`${this.what} failed (${signal ?? `exit ${code}`}): ${this.stderr.trim().slice(-1500)}`);
  }

  /** Kills the client at once (clean-up after a failure or a signal). */
  kill() {
    this.child.kill('SIGKILL');
  }
}
