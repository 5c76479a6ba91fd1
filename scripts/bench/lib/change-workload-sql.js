// The SQL of the sync benchmark's change workload, per engine: the three tables, their initial
// rows, and the few fragments that differ (transaction start, current time, row generator).
// Everything else the writer sends is plain SQL both engines read.

/** The tables the workload writes, in the order `--tables` names them. */
export const WORKLOAD_TABLES = ['bench_accounts', 'bench_ledger', 'bench_tick'];

/** What differs per engine. */
export const WORKLOAD_SQL = {
  postgres: {
    begin: 'BEGIN',
    now: 'localtimestamp',
    tickTime: 'clock_timestamp()',
    createTables: [
      'CREATE TABLE bench_accounts (id bigint PRIMARY KEY, name varchar(40) NOT NULL, balance numeric(14,2) NOT NULL, updated_at timestamp(6) NOT NULL)',
      'CREATE TABLE bench_ledger (id bigint PRIMARY KEY, account_id bigint NOT NULL, amount numeric(12,2) NOT NULL, note varchar(60), created_at timestamp(6) NOT NULL)',
      'CREATE TABLE bench_tick (id bigint PRIMARY KEY, written_at timestamptz NOT NULL)',
    ],
    prefill: (accounts) => `INSERT INTO bench_accounts SELECT i, 'account ' || i, (i % 1000) * 10.25, TIMESTAMP '2026-01-01 00:00:00' FROM generate_series(1, ${accounts}) AS i`,
  },
  mariadb: {
    begin: 'START TRANSACTION',
    now: 'NOW(6)',
    tickTime: 'NOW(6)',
    createTables: [
      'CREATE TABLE bench_accounts (id bigint PRIMARY KEY, name varchar(40) NOT NULL, balance decimal(14,2) NOT NULL, updated_at datetime(6) NOT NULL)',
      'CREATE TABLE bench_ledger (id bigint PRIMARY KEY, account_id bigint NOT NULL, amount decimal(12,2) NOT NULL, note varchar(60), created_at datetime(6) NOT NULL)',
      'CREATE TABLE bench_tick (id bigint PRIMARY KEY, written_at timestamp(6) NOT NULL)',
    ],
    // The sequence engine's seq_1_to_N table, built into MariaDB.
    prefill: (accounts) => `INSERT INTO bench_accounts SELECT seq, CONCAT('account ', seq), (seq % 1000) * 10.25, TIMESTAMP '2026-01-01 00:00:00' FROM seq_1_to_${accounts}`,
  },
};

/**
 * Per table, one engine-neutral line that two databases holding the same rows print alike: the
 * row count, the sum of the keys and of the money column, the total length of the text column.
 * Cheap enough to run after every load; a replica that lost, duplicated or changed a row differs.
 *
 * @example
 * FINGERPRINTS.bench_accounts // 'SELECT COUNT(*), COALESCE(SUM(id), 0), …'
 */
export const FINGERPRINTS = {
  bench_accounts: 'SELECT CONCAT(COUNT(*), \' \', COALESCE(SUM(id), 0), \' \', CAST(COALESCE(SUM(balance), 0) AS decimal(20,2)), \' \', COALESCE(SUM(LENGTH(name)), 0)) FROM bench_accounts',
  bench_ledger: 'SELECT CONCAT(COUNT(*), \' \', COALESCE(SUM(id), 0), \' \', CAST(COALESCE(SUM(amount), 0) AS decimal(20,2)), \' \', COALESCE(SUM(account_id), 0)) FROM bench_ledger',
  bench_tick: 'SELECT CONCAT(COUNT(*), \' \', COALESCE(SUM(id), 0)) FROM bench_tick',
};
