/**
 * One schema pair (v1 with data → v2 empty) written for each engine, so `check` can be asserted
 * to give the same findings whichever engines A and B are on.
 */

/** How an engine spells what the fixture needs. */
export interface Dialect {
  readonly q: (name: string) => string;
  readonly timestamp: string;
  /** Runs statements in the named namespace (schema/database) of this engine. */
  readonly reset: (ns: string) => string[];
  readonly table: (ns: string, name: string) => string;
}

const dq = (n: string): string => `"${n.replace(/"/g, '""')}"`;

/** PostgreSQL: one schema per version. */
export const POSTGRES: Dialect = {
  q: dq,
  timestamp: 'TIMESTAMP(6)',
  reset: (ns) => [`DROP SCHEMA IF EXISTS ${dq(ns)} CASCADE`, `CREATE SCHEMA ${dq(ns)}`],
  table: (ns, name) => `${dq(ns)}.${dq(name)}`,
};

/** MariaDB: one database per version. */
export const MARIADB: Dialect = {
  q: (n) => `\`${n.replace(/`/g, '``')}\``,
  timestamp: 'DATETIME(6)',
  reset: (ns) => [`DROP DATABASE IF EXISTS \`${ns}\``, `CREATE DATABASE \`${ns}\` CHARACTER SET utf8mb4`],
  table: (ns, name) => `\`${ns}\`.\`${name.replace(/`/g, '``')}\``,
};

/** Embedded engines (SQLite, H2): one file per version, no namespace. */
export const EMBEDDED = (timestamp: string): Dialect => ({
  q: dq,
  timestamp,
  reset: () => [],
  table: (_ns, name) => dq(name),
});

/** v1: the current schema with data that violates some of v2's changes and not others. */
export function v1(d: Dialect, ns: string): string[] {
  const t = (n: string): string => d.table(ns, n);
  const q = d.q;
  return [
    ...d.reset(ns),
    `CREATE TABLE ${t('Order Items')} (id BIGINT NOT NULL PRIMARY KEY, ${q('select')} VARCHAR(30), qty INTEGER, price DECIMAL(10,2), note VARCHAR(50), created ${d.timestamp})`,
    `INSERT INTO ${t('Order Items')} VALUES (1, 'short', 3, 9.99, 'n', '2024-01-01 10:00:00'), (2, 'a much longer value', 7, 12.50, NULL, '2024-01-02 11:00:00')`,
    `CREATE TABLE ${t('Customers')} (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(100), name VARCHAR(40), legacy VARCHAR(10))`,
    `INSERT INTO ${t('Customers')} VALUES (1, 'a@example.com', 'Ada', NULL), (2, 'a@example.com', 'Grace', NULL), (3, 'c@example.com', 'Linus', NULL)`,
    `CREATE TABLE ${t('stats')} (id INTEGER NOT NULL PRIMARY KEY, v INTEGER)`,
    `INSERT INTO ${t('stats')} VALUES (1, 10)`,
    `CREATE TABLE ${t('empty_t')} (id INTEGER NOT NULL PRIMARY KEY)`,
  ];
}

/** v2: the new schema, empty. */
export function v2(d: Dialect, ns: string): string[] {
  const t = (n: string): string => d.table(ns, n);
  const q = d.q;
  return [
    ...d.reset(ns),
    `CREATE TABLE ${t('Order Items')} (id BIGINT NOT NULL PRIMARY KEY, ${q('select')} VARCHAR(10), qty SMALLINT, price DECIMAL(12,2), note VARCHAR(50) NOT NULL, created_at ${d.timestamp})`,
    `CREATE TABLE ${t('Customers')} (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(100) UNIQUE, name VARCHAR(30), phone VARCHAR(20), tier VARCHAR(5) NOT NULL)`,
    `CREATE TABLE ${t('audit')} (id BIGINT NOT NULL PRIMARY KEY, what VARCHAR(200))`,
  ];
}

/** The application's queries: the second breaks on v2 (created was renamed). */
export const APP_QUERIES = `SELECT id, email FROM "Customers" WHERE id = 1;
SELECT id, created
  FROM "Order Items";
`;

/** The findings the pair must give, as [code, severity, table, column]. */
export const EXPECTED: readonly (readonly [string, string, string, string | null])[] = [
  ['C202', 'error', 'Customers', 'tier'],
  ['K102', 'error', 'Customers', 'email'],
  ['C101', 'error', 'Order Items', 'created'],
  ['N101', 'error', 'Order Items', 'note'],
  ['Y101', 'error', 'Order Items', 'select'],
  ['Q101', 'error', 'Order Items', 'created'],
  ['T101', 'error', 'stats', null],
  ['C101', 'warning', 'Customers', 'legacy'],
  ['Y101', 'warning', 'Customers', 'name'],
  ['C102', 'warning', 'Order Items', 'created_at'],
  ['Y102', 'warning', 'Order Items', 'qty'],
  ['T101', 'warning', 'empty_t', null],
  ['T201', 'info', 'audit', null],
  ['C201', 'info', 'Customers', 'phone'],
  ['Y301', 'info', 'Order Items', 'price'],
];
