// The sync benchmark's source workload: row changes written at an offered rate (or flat out)
// through one long-lived psql/mariadb client, plus a tick row every ~100 ms whose send time is
// kept, so the lag of any replica is "when tick i first shows there − when it was sent".
import { SqlClient } from './sql-client.js';
import { WORKLOAD_SQL } from './change-workload-sql.js';
import { seededRandom } from '../../lib/seeded-random.js';

/** Milliseconds since the epoch with sub-millisecond resolution, the clock ticks are timed on. */
export const clock = () => performance.timeOrigin + performance.now();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));


/** Accounts the workload never deletes below, so updates always find rows. */
const MIN_ACCOUNTS = 1000;

/**
 * Writes the change mix into `database`, whose tables were made with WORKLOAD_SQL and prefilled
 * with accounts 1..`accounts`. Per step, by chance: insert an account (28%), update a balance
 * (22%), change an account's primary key (5%), delete an account (8%), delete the oldest ledger
 * row (5%), or a transaction inserting a ledger row and updating its account's balance (32%, two
 * changes). Every single-row change is a transaction of its own; a round trip carries many.
 *
 * @example
 * const w = new ChangeWriter({ engine: 'postgres', connection: pg.psqlArgs, database: 'src', accounts: 10_000 });
 * const run = await w.run({ rate: 1000, seconds: 20 });   // { changes, ticks: [{ id, sentAt }], … }
 * await w.close();
 */
export class ChangeWriter {
  constructor({ engine, connection, database, accounts, seed = 14 }) {
    this.sql = WORKLOAD_SQL[engine];
    this.client = new SqlClient(engine, connection, database);
    this.random = seededRandom(seed);
    this.live = Array.from({ length: accounts }, (_, i) => i + 1);
    this.position = new Map(this.live.map((id, i) => [id, i]));
    this.nextAccount = accounts + 1;
    this.nextLedger = 1;
    this.oldestLedger = 1;
    this.nextTick = 1;
  }

  pickAccount() {
    return this.live[Math.floor(this.random() * this.live.length)];
  }

  addAccount(id) {
    this.position.set(id, this.live.length);
    this.live.push(id);
  }

  removeAccount(id) {
    const i = this.position.get(id);
    const last = this.live.pop();
    this.position.delete(id);
    if (last !== id) {
      this.live[i] = last;
      this.position.set(last, i);
    }
  }

  money(range) {
    return (Math.floor(this.random() * range * 200) - range * 100) / 100;
  }

  /** Appends one step's statements to `out`; returns how many rows it changes. */
  step(out) {
    const { begin, now } = this.sql;
    const r = this.random();
    const one = (statement) => {
      out.push(begin, statement, 'COMMIT');
      return 1;
    };
    if (r < 0.28 || (r >= 0.55 && r < 0.63 && this.live.length <= MIN_ACCOUNTS)) {
      const id = this.nextAccount++;
      this.addAccount(id);
      return one(`INSERT INTO bench_accounts VALUES (${id}, 'account ${id}', ${Math.abs(this.money(5000))}, ${now})`);
    }
    if (r < 0.50) return one(`UPDATE bench_accounts SET balance = balance + ${this.money(100)}, updated_at = ${now} WHERE id = ${this.pickAccount()}`);
    if (r < 0.55) {
      const from = this.pickAccount();
      const to = this.nextAccount++;
      this.removeAccount(from);
      this.addAccount(to);
      return one(`UPDATE bench_accounts SET id = ${to}, updated_at = ${now} WHERE id = ${from}`);
    }
    if (r < 0.63) {
      const id = this.pickAccount();
      this.removeAccount(id);
      return one(`DELETE FROM bench_accounts WHERE id = ${id}`);
    }
    if (r < 0.68 && this.oldestLedger < this.nextLedger) return one(`DELETE FROM bench_ledger WHERE id = ${this.oldestLedger++}`);
    const ledger = this.nextLedger++;
    const account = this.pickAccount();
    const amount = this.money(100);
    out.push(begin,
      `INSERT INTO bench_ledger VALUES (${ledger}, ${account}, ${amount}, 'transfer ${ledger}', ${now})`,
      `UPDATE bench_accounts SET balance = balance + ${amount}, updated_at = ${now} WHERE id = ${account}`,
      'COMMIT');
    return 2;
  }

  tickStatements(id) {
    return [this.sql.begin, `INSERT INTO bench_tick VALUES (${id}, ${this.sql.tickTime})`, 'COMMIT'];
  }

  /**
   * Writes the next tick alone and resolves its id once it has run: a probe that the replica
   * follows the source before the load starts (the prefilled rows hold tick 0).
   */
  async probe() {
    const id = this.nextTick++;
    this.client.send(...this.tickStatements(id));
    await this.client.fence();
    return id;
  }

  /**
   * Writes changes for `seconds`, or until `limit` changes (a backlog; a two-change step may go
   * one over): `rate` changes a second, or as fast as the source takes them when `rate` is
   * Infinity (at most two round trips of `maxBatch` changes outstanding), and a tick every
   * `tickMs` (Infinity: only the first); a last tick follows the last change. Resolves once the
   * source has run everything: `{ changes, transactions, ticks: [{ id, sentAt }], startedAt,
   * endedAt }`, times from `clock()`. A round trip that falls behind its offered rate is caught
   * up in batches of at most `maxBatch`, so a source slower than the offer shows as a lower
   * source rate.
   *
   * @example
   * await w.run({ rate: Infinity, limit: 300_000, tickMs: Infinity });   // a backlog, flat out
   */
  async run({ rate, seconds = Infinity, limit = Infinity, tickMs = 100, roundTripMs = 10, maxBatch = 200 }) {
    const startedAt = clock();
    const end = startedAt + seconds * 1000;
    const ticks = [];
    const pending = [];
    let changes = 0;
    let transactions = 0;
    let nextTickAt = startedAt;
    for (let t = startedAt; t < end && changes < limit; t = clock()) {
      const due = Math.min(limit, rate === Infinity ? changes + maxBatch : Math.floor((rate * (t - startedAt)) / 1000));
      const statements = [];
      let n = 0;
      while (changes + n < due && n < maxBatch) {
        n += this.step(statements);
        transactions++;
      }
      if (t >= nextTickAt) {
        const id = this.nextTick++;
        statements.push(...this.tickStatements(id));
        ticks.push({ id, sentAt: t });
        nextTickAt += tickMs;
      }
      if (statements.length > 0) {
        this.client.send(...statements);
        changes += n;
        pending.push(this.client.fence());
      }
      while (pending.length >= 2) await pending.shift();
      if (rate !== Infinity) await sleep(roundTripMs - ((clock() - startedAt) % roundTripMs));
      else if (statements.length === 0) await pending.shift();
    }
    const last = this.nextTick++;
    this.client.send(...this.tickStatements(last));
    ticks.push({ id: last, sentAt: clock() });
    pending.push(this.client.fence());
    await Promise.all(pending);
    return { changes, transactions, ticks, startedAt, endedAt: clock() };
  }

  /** Ends the client process; rejects when a statement failed. */
  close() {
    return this.client.close();
  }

  /** Kills the client process at once. */
  kill() {
    this.client.kill();
  }
}
