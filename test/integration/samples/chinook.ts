import { zipEntry } from './archive.js';
import type { SampleArtifact } from './sample-cache.js';

/**
 * Chinook (a digital media store: 11 tables, 11 foreign keys, one of them a self-reference,
 * 15,607 rows; data MIT-licensed by Luis Rocha) as `net.hydromatic:chinook-data-hsqldb` packs it
 * on Maven Central (Apache-2.0): an HSQLDB script in plain SQL, loaded here into each engine.
 */
export const CHINOOK: SampleArtifact = {
  file: 'chinook-data-hsqldb-0.2.jar',
  url: 'https://repo1.maven.org/maven2/net/hydromatic/chinook-data-hsqldb/0.2/chinook-data-hsqldb-0.2.jar',
  sha256: '29805e76a53994841aff76d1b1d5656f0d8c4bf2f092cf63c0dd5521329e7212',
};

/** Rows per table, as the script holds them. */
export const CHINOOK_ROWS: Readonly<Record<string, number>> = {
  Album: 347, Artist: 275, Customer: 59, Employee: 8, Genre: 25, Invoice: 412,
  InvoiceLine: 2240, MediaType: 5, Playlist: 18, PlaylistTrack: 8715, Track: 3503,
};

/** The script's parts: tables, rows per table in file order, foreign keys added after. */
interface ChinookScript {
  readonly tables: readonly { readonly name: string; readonly body: string }[];
  readonly rows: ReadonlyMap<string, string[]>;
  readonly foreignKeys: readonly { readonly table: string; readonly constraint: string }[];
}

const SCHEMA = '"chinook".';

function parse(jar: Buffer): ChinookScript {
  // HSQLDB writes characters past ASCII as \uXXXX inside literals; the script has no other backslash.
  const script = zipEntry(jar, 'chinook.script').toString('utf8').replace(/\\u([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const tables: { name: string; body: string }[] = [];
  const rows = new Map<string, string[]>();
  const foreignKeys: { table: string; constraint: string }[] = [];
  for (const line of script.split('\n')) {
    let m = /^CREATE MEMORY TABLE "chinook"\."(\w+)"(\(.*\))$/.exec(line);
    if (m) tables.push({ name: m[1]!, body: m[2]! });
    m = /^ALTER TABLE "chinook"\."(\w+)" ADD (CONSTRAINT .*)$/.exec(line);
    if (m) foreignKeys.push({ table: m[1]!, constraint: m[2]!.replaceAll(SCHEMA, '') });
    m = /^INSERT INTO "chinook"\."(\w+)" VALUES(\(.*\))$/.exec(line);
    if (m) rows.set(m[1]!, [...(rows.get(m[1]!) ?? []), m[2]!]);
  }
  return { tables, rows, foreignKeys };
}

function inserts(s: ChinookScript, table: (name: string) => string): string[] {
  return [...s.rows].flatMap(([name, values]) => Array.from({ length: Math.ceil(values.length / 1000) }, (_, i) =>
    `INSERT INTO ${table(name)} VALUES ${values.slice(i * 1000, (i + 1) * 1000).join(', ')}`));
}

/** Chinook in PostgreSQL schema `ns` (dropped first), its mixed-case names quoted as in the source. */
export function chinookPostgres(jar: Buffer, ns: string): string[] {
  const s = parse(jar);
  const t = (name: string): string => `"${ns}"."${name}"`;
  return [
    `DROP SCHEMA IF EXISTS "${ns}" CASCADE`, `CREATE SCHEMA "${ns}"`,
    ...s.tables.map((x) => `CREATE TABLE ${t(x.name)} ${x.body.replaceAll(SCHEMA, `"${ns}".`)}`),
    ...inserts(s, t),
    ...s.foreignKeys.map((f) => `ALTER TABLE ${t(f.table)} ADD ${f.constraint.replace(/REFERENCES "/, `REFERENCES "${ns}"."`)}`),
  ];
}

/** Chinook in MariaDB database `db` (dropped first); ANSI_QUOTES reads the script's quoting as written. */
export function chinookMariaDb(jar: Buffer, db: string): string[] {
  const s = parse(jar);
  const t = (name: string): string => `"${db}"."${name}"`;
  return [
    "SET SESSION sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES,STRICT_ALL_TABLES'",
    `DROP DATABASE IF EXISTS "${db}"`, `CREATE DATABASE "${db}" CHARACTER SET utf8mb4`,
    ...s.tables.map((x) => `CREATE TABLE ${t(x.name)} ${x.body.replaceAll(SCHEMA, `"${db}".`)}`),
    ...inserts(s, t),
    ...s.foreignKeys.map((f) => `ALTER TABLE ${t(f.table)} ADD ${f.constraint.replace(/REFERENCES "/, `REFERENCES "${db}"."`)}`),
  ];
}

/** Chinook in a fresh SQLite file: foreign keys go inside CREATE TABLE, as SQLite wants them. */
export function chinookSqlite(jar: Buffer): string[] {
  const s = parse(jar);
  return [
    ...s.tables.map((x) => {
      const added = s.foreignKeys.filter((f) => f.table === x.name).map((f) => `,${f.constraint}`).join('');
      return `CREATE TABLE "${x.name}" ${x.body.replaceAll(SCHEMA, '').replace(/\)$/, `${added})`)}`;
    }),
    ...inserts(s, (name) => `"${name}"`),
  ];
}
