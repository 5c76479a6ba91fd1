// The sync benchmark's peer: PostgreSQL's own logical replication, a publication in the source
// database and a subscription in the target database of the same private cluster.
import { pgSql } from '../../lib/private-servers.js';
import { WORKLOAD_TABLES } from './change-workload-sql.js';

const NAME = 'ferry_bench_native';

const subscriptionOptions = (enabled) => `copy_data = false, create_slot = false, slot_name = '${NAME}'${enabled ? '' : ', enabled = false'}`;

/**
 * Publishes the workload's tables in `source` and subscribes `target` to them, without copying
 * (both hold the same prefilled rows). The slot is made first: a subscription creating its slot
 * on the cluster it lives in waits for itself (PostgreSQL's CREATE SUBSCRIPTION notes). With
 * `enabled: false` the slot keeps every change from now on and nothing is applied until
 * enable(): the backlog drain.
 *
 * @example
 * subscribe(pg, 'src', 'dst');
 * subscribe(pg, 'src', 'dst', { enabled: false });
 */
export function subscribe(pg, source, target, { enabled = true } = {}) {
  pgSql(pg, `CREATE PUBLICATION ${NAME} FOR TABLE ${WORKLOAD_TABLES.join(', ')}`, source);
  pgSql(pg, `SELECT pg_create_logical_replication_slot('${NAME}', 'pgoutput')`, source);
  pgSql(pg, `CREATE SUBSCRIPTION ${NAME} CONNECTION 'host=127.0.0.1 port=${pg.port} dbname=${source} user=postgres' PUBLICATION ${NAME} WITH (${subscriptionOptions(enabled)})`, target);
}

/** Starts a subscription that subscribe() made disabled: it applies what its slot kept. */
export function enable(pg, target) {
  pgSql(pg, `ALTER SUBSCRIPTION ${NAME} ENABLE`, target);
}

/** The statements subscribe() (and, with `enabled: false`, enable()) runs, for the report. */
export function subscriptionSql(port, { enabled = true } = {}) {
  return [
    `CREATE PUBLICATION ${NAME} FOR TABLE ${WORKLOAD_TABLES.join(', ')}  -- in src`,
    `SELECT pg_create_logical_replication_slot('${NAME}', 'pgoutput')  -- in src`,
    `CREATE SUBSCRIPTION ${NAME} CONNECTION 'host=127.0.0.1 port=${port} dbname=src user=postgres' PUBLICATION ${NAME} WITH (${subscriptionOptions(enabled)})  -- in dst`,
    ...(enabled ? [] : [`ALTER SUBSCRIPTION ${NAME} ENABLE  -- in dst, after the backlog is written`]),
  ];
}

/**
 * Drops the subscription in `target` if there is one (detached from its slot first, so the drop
 * does not connect back to this cluster); the slot goes with the source database.
 */
export function unsubscribe(pg, target) {
  // pg_subscription is shared by every database of the cluster.
  if (pgSql(pg, `SELECT count(*) FROM pg_subscription WHERE subname = '${NAME}' AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())`, target) === '0') return;
  pgSql(pg, `ALTER SUBSCRIPTION ${NAME} DISABLE`, target);
  pgSql(pg, `ALTER SUBSCRIPTION ${NAME} SET (slot_name = NONE)`, target);
  pgSql(pg, `DROP SUBSCRIPTION ${NAME}`, target);
}
