// The sync benchmark's databases on its private servers: made fresh for every measurement (a
// replicator's slot, publication or subscription included), filled with the workload's tables,
// and compared after the replica caught up.
import { mariaSql, pgSql } from '../../lib/private-servers.js';
import { FINGERPRINTS, WORKLOAD_SQL, WORKLOAD_TABLES } from './change-workload-sql.js';
import { unsubscribe } from './native-replication.js';

const run = (server, sql, db) => (server.kind === 'postgres' ? pgSql(server, sql, db) : mariaSql(server, sql, db));

/**
 * Drops `db` with whatever replicates from or into it (a subscription, replication slots and the
 * walsenders holding them), then creates it empty.
 *
 * @example
 * freshDatabase(pg, 'src');
 */
export function freshDatabase(server, db) {
  if (server.kind === 'mariadb') {
    mariaSql(server, `DROP DATABASE IF EXISTS ${db}`);
    mariaSql(server, `CREATE DATABASE ${db}`);
    return;
  }
  if (pgSql(server, `SELECT count(*) FROM pg_database WHERE datname = '${db}'`) === '1') unsubscribe(server, db);
  for (let attempt = 0; ; attempt++) {
    pgSql(server, `SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = '${db}' AND active_pid IS NOT NULL`);
    try {
      pgSql(server, `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = '${db}'`);
      break;
    } catch (e) {
      // A terminated walsender can take a moment to let go of its slot.
      if (attempt >= 50) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  pgSql(server, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  pgSql(server, `CREATE DATABASE ${db}`);
}

/**
 * Creates the workload's tables in `db` and fills them: accounts 1..`accounts`, no ledger rows,
 * tick 0 (the row that shows a replica's initial copy is done).
 */
export function fillWorkload(server, db, accounts) {
  const sql = WORKLOAD_SQL[server.kind];
  for (const create of sql.createTables) run(server, create, db);
  run(server, sql.prefill(accounts), db);
  run(server, `INSERT INTO bench_tick VALUES (0, ${sql.tickTime})`, db);
}

/**
 * Whether `db` on `a` and on `b` hold the same rows by the workload's fingerprints: undefined when
 * they do, else which tables differ and how.
 */
export function differences(a, dbA, b, dbB) {
  const out = [];
  for (const table of WORKLOAD_TABLES) {
    if (table === 'bench_tick') continue; // a tick's time is the replica's business; its ids are in the lag figures
    const [x, y] = [run(a, FINGERPRINTS[table], dbA), run(b, FINGERPRINTS[table], dbB)];
    if (x !== y) out.push(`${table}: source ${x}, target ${y} (rows, key sum, money sum, text length)`);
  }
  return out.length === 0 ? undefined : out.join('; ');
}
