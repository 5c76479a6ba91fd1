import { tgzEntries } from './archive.js';
import type { SampleArtifact } from './sample-cache.js';

/**
 * Sakila (a DVD rental store: 16 tables, 22 foreign keys including the store ⇄ staff cycle,
 * 7 views, ENUM, SET, YEAR, GEOMETRY, BLOB, unsigned integers, triggers and routines; BSD
 * licence, © Oracle), MySQL's own scripts of its spatial edition, as npm's `alasql@0.1.10` (MIT)
 * ships them among its SQL test files.
 */
export const SAKILA: SampleArtifact = {
  file: 'alasql-0.1.10.tgz',
  url: 'https://registry.npmjs.org/alasql/-/alasql-0.1.10.tgz',
  sha256: 'f00d56242ffc5a89120fe191e1b41297bb974480b53952ceaf73e650b069b068',
};

const SCHEMA_FILE = 'package/test-sql/sakila/sakila-spatial-schema.sql';
const DATA_FILE = 'package/test-sql/sakila/sakila-spatial-data.sql';

/** Rows per table once loaded (film_text is filled by the ins_film trigger). */
export const SAKILA_ROWS: Readonly<Record<string, number>> = {
  actor: 200, address: 603, category: 16, city: 600, country: 109, customer: 599, film: 1000,
  film_actor: 5462, film_category: 1000, film_text: 1000, inventory: 4581, language: 6,
  payment: 16049, rental: 16044, staff: 2, store: 2,
};

/** Sakila's views. */
export const SAKILA_VIEWS = ['actor_info', 'customer_list', 'film_list', 'nicer_but_slower_film_list', 'sales_by_film_category', 'sales_by_store', 'staff_list'];

/** A MySQL string literal's bytes ('…' with backslash escapes), read as Latin-1 text. */
function unescape(body: string): string {
  const map: Record<string, string> = { 0: '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };
  return body.replace(/\\(.)|''/gs, (m, c: string | undefined) => (c === undefined ? "'" : (map[c] ?? c)));
}

/**
 * Splits a mysql-client script into statements: honours DELIMITER, quotes and comments. A string
 * literal holding bytes past ASCII (the staff photo) becomes a hex literal, so it reaches the
 * server byte for byte rather than re-encoded as text.
 */
export function splitMysqlScript(script: string): string[] {
  const out: string[] = [];
  let delimiter = ';';
  let current = '';
  let i = 0;
  const flush = (): void => {
    if (current.trim()) out.push(current.trim());
    current = '';
  };
  while (i < script.length) {
    const atLineStart = i === 0 || script[i - 1] === '\n';
    if (atLineStart && /^DELIMITER\s/i.test(script.slice(i, i + 10))) {
      const end = script.indexOf('\n', i);
      flush();
      delimiter = script.slice(i + 10, end < 0 ? undefined : end).trim();
      i = end < 0 ? script.length : end + 1;
      continue;
    }
    const c = script[i]!;
    if (script.startsWith('-- ', i) || script.startsWith('--\n', i)) {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end + 1;
      continue;
    }
    if (c === '#' || script.startsWith('/*', i)) {
      // Comments pass through (routine bodies keep theirs), but quotes in them open nothing.
      const end = c === '#' ? script.indexOf('\n', i) : script.indexOf('*/', i) + 1;
      current += script.slice(i, end < 0 ? script.length : end + 1);
      i = end < 0 ? script.length : end + 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < script.length && script[j] !== c) j += script[j] === '\\' && c !== '`' ? 2 : 1;
      const body = script.slice(i + 1, j);
      const bytes = c === "'" ? unescape(body) : '';
      current += c === "'" && /[^\x20-\x7e\n\r\t]/.test(bytes) ? `0x${Buffer.from(bytes, 'latin1').toString('hex')}` : script.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (script.startsWith(delimiter, i)) {
      flush();
      i += delimiter.length;
      continue;
    }
    current += c;
    i++;
  }
  flush();
  return out;
}

/** Sakila in MariaDB database `db` (dropped first), schema then data, as MySQL's scripts say. */
export function sakilaMariaDb(tgz: Buffer, db: string): string[] {
  const files = tgzEntries(tgz, [SCHEMA_FILE, DATA_FILE]);
  const statements = [
    ...splitMysqlScript(files.get(SCHEMA_FILE)!.toString('utf8')),
    ...splitMysqlScript(files.get(DATA_FILE)!.toString('latin1')),
  ].filter((s) => !/^(DROP SCHEMA|CREATE SCHEMA|USE |SET AUTOCOMMIT|COMMIT$)/i.test(s));
  return [
    `DROP DATABASE IF EXISTS ${db}`, `CREATE DATABASE ${db} CHARACTER SET utf8mb4`, `USE ${db}`,
    // actor_info names its tables sakila.film, …: point them at the database it is loaded into.
    ...statements.map((s) => s.replace(/\bsakila\./g, `${db}.`)),
  ];
}
