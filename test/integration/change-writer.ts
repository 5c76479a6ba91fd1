import { spawn, type ChildProcess } from 'node:child_process';
import { seededRandom } from '../../scripts/lib/seeded-random.js';

/** The client a writer drives: psql or the mariadb client, with their connection arguments. */
export interface SqlClient {
  readonly command: 'psql' | 'mariadb';
  readonly args: readonly string[];
}

/** The two tables a writer changes, as each engine spells them. */
export function writerTables(engine: 'postgres' | 'mariadb'): string {
  const options = engine === 'mariadb' ? ' DEFAULT CHARSET=utf8mb4' : '';
  return `CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(40), balance DECIMAL(20,6) NOT NULL, note TEXT, updated TIMESTAMP(6) NULL)${options};
CREATE TABLE ledger (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, amount DECIMAL(12,2) NOT NULL, memo VARCHAR(100))${options};`;
}


/**
 * Writes changes into `accounts` and `ledger` through one client session until stopped: inserts,
 * updates (with 4-byte unicode, '' and NULL), primary-key updates, deletes, and transactions
 * moving money between an account and the ledger. It is the tables' only writer, so it knows
 * which keys exist; each change is one transaction, `perSecond` of them a second.
 *
 * @example
 * const w = new ChangeWriter({ command: 'psql', args: ['-h', '127.0.0.1', '-p', '5433', '-U', 'postgres', '-d', 'src'] }, 7, 200);
 * w.seed(100); w.start(); ...; await w.stop();
 */
export class ChangeWriter {
  private readonly rnd: () => number;
  private readonly live: number[] = [];
  private nextAccount = 1;
  private nextLedger = 1;
  private child: ChildProcess | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Transactions written so far. */
  written = 0;

  constructor(private readonly client: SqlClient, seed: number, private readonly perSecond: number) {
    this.rnd = seededRandom(seed);
  }

  /** SQL inserting `n` accounts, for the rows that exist before a sync starts. */
  seed(n: number): string {
    const rows: string[] = [];
    for (let i = 0; i < n; i++) rows.push(this.accountValues(this.nextAccount++));
    this.live.push(...rows.map((_, i) => this.nextAccount - n + i));
    return `INSERT INTO accounts VALUES ${rows.join(', ')};`;
  }

  private accountValues(id: number): string {
    const notes = ["'plain'", "''", 'NULL', "'caf\u00e9 \u{1F600}'"];
    const cents = Math.floor(this.rnd() * 1e8);
    return `(${id}, 'owner ${id}', ${(cents / 1e6).toFixed(6)}, ${notes[id % notes.length]}, '2026-01-0${1 + (id % 9)} 10:11:12.${String(id % 1e6).padStart(6, '0')}')`;
  }

  private pick(): number | undefined {
    return this.live.length ? this.live[Math.floor(this.rnd() * this.live.length)] : undefined;
  }

  /** One transaction's SQL. */
  private next(): string {
    const r = this.rnd();
    const id = this.pick();
    if (r < 0.3 || id === undefined) {
      const n = this.nextAccount++;
      this.live.push(n);
      return `INSERT INTO accounts VALUES ${this.accountValues(n)};`;
    }
    if (r < 0.55) return `UPDATE accounts SET balance = balance + ${(this.rnd() * 100).toFixed(2)}, note = 'upd ${this.written} \u{1F680}', updated = '2026-03-03 03:03:03.${String(this.written % 1e6).padStart(6, '0')}' WHERE id = ${id};`;
    if (r < 0.65) {
      const n = this.nextAccount++;
      this.live.splice(this.live.indexOf(id), 1, n);
      return `UPDATE accounts SET id = ${n} WHERE id = ${id};`;
    }
    if (r < 0.75) {
      this.live.splice(this.live.indexOf(id), 1);
      return `DELETE FROM accounts WHERE id = ${id};`;
    }
    const amount = (this.rnd() * 50).toFixed(2);
    return `BEGIN; UPDATE accounts SET balance = balance - ${amount} WHERE id = ${id}; INSERT INTO ledger VALUES (${this.nextLedger++}, ${id}, ${amount}, 'transfer'); COMMIT;`;
  }

  /** The SQL of `n` more transactions, for a burst written at once. */
  batch(n: number): string {
    let sql = '';
    for (let i = 0; i < n; i++, this.written++) sql += `${this.next()}\n`;
    return sql;
  }

  /** Starts writing, `perSecond` transactions a second (in bursts every 20 ms). */
  start(): void {
    const child = spawn(this.client.command, [...this.client.args], { stdio: ['pipe', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => process.stderr.write(`change writer: ${d.toString()}`));
    this.child = child;
    const started = performance.now();
    this.timer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * this.perSecond);
      let sql = '';
      while (this.written < due) {
        sql += `${this.next()}\n`;
        this.written++;
      }
      if (sql) child.stdin?.write(sql);
    }, 20);
  }

  /** Stops writing; resolves once the client has committed everything it was sent. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${this.client.command} exited with ${code}`))));
      child.stdin?.end();
    });
  }
}
