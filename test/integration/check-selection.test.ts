import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, Ferry } from '../../src/api/index.js';
import type { Finding } from '../../src/compat/finding.js';
import { pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

/**
 * `check` with a table selection, unique indexes and a queries file, on PostgreSQL: what is
 * left out of the selection must not leak into findings about what is in it.
 */

const havePg = await serviceAvailable('postgres');
const dir = tempDir('ferry-check-sel-');
const A = 'ferry_sel_a';
const B = 'ferry_sel_b';

/** parent/child with the same foreign key in both schemas; B adds one more to parent. */
function schema(ns: string, v2: boolean): string[] {
  return [
    `DROP SCHEMA IF EXISTS ${ns} CASCADE`,
    `CREATE SCHEMA ${ns}`,
    `CREATE TABLE ${ns}.parent (id INTEGER PRIMARY KEY, name VARCHAR(20))`,
    `CREATE TABLE ${ns}.child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES ${ns}.parent (id), other_id INTEGER${v2 ? ` REFERENCES ${ns}.parent (id)` : ''})`,
    // A unique index in A, the same uniqueness as a constraint in B; and the other way round.
    v2 ? `CREATE TABLE ${ns}.users (id INTEGER PRIMARY KEY, email VARCHAR(100) UNIQUE, login VARCHAR(20), nick VARCHAR(20), tag VARCHAR(10) UNIQUE, active BOOLEAN)`
      : `CREATE TABLE ${ns}.users (id INTEGER PRIMARY KEY, email VARCHAR(100), login VARCHAR(20) UNIQUE, nick VARCHAR(20), tag VARCHAR(10), active BOOLEAN)`,
    // A partial unique index is no key either: B's constraint on tag covers rows A's left out.
    ...(v2 ? [] : [`CREATE UNIQUE INDEX users_tag_active ON ${ns}.users (tag) WHERE active`]),
    v2 ? `CREATE UNIQUE INDEX users_login_ux ON ${ns}.users (login)` : `CREATE UNIQUE INDEX users_email_ux ON ${ns}.users (email)`,
    // An expression index is no unique key on the column: B's constraint on nick is new.
    ...(v2 ? [`ALTER TABLE ${ns}.users ADD CONSTRAINT users_nick_key UNIQUE (nick)`] : [`CREATE UNIQUE INDEX users_nick_lower ON ${ns}.users (lower(nick))`]),
    ...(v2 ? [] : [
      `INSERT INTO ${ns}.parent VALUES (1, 'one'), (2, 'two')`,
      `INSERT INTO ${ns}.child VALUES (10, 1, 1), (11, 2, 3), (12, NULL, 4)`,
      `INSERT INTO ${ns}.users VALUES (1, 'a@x', 'a', 'A', 't1', true), (2, 'b@x', 'b', 'b', 't1', false)`,
    ]),
  ];
}

function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.table}${f.column ? `.${f.column}` : ''}`).sort();
}

describe.skipIf(!havePg)('ferry check with a table selection, unique indexes and queries', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await pg(...schema(A, false), ...schema(B, true));
    ferry = await Ferry.open({ databases: { pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user } } });
  });
  afterAll(async () => ferry?.close());

  it('--tables child matches a foreign key to an unselected table with its counterpart in B', async () => {
    const report = await check(ferry, `pg.${A}`, `pg.${B}`, { tables: ['child'] });
    // Only the foreign key B adds is new; the one both have is no K103 and no K201.
    expect(codes(report.findings)).toEqual(['K103 child.other_id']);
  });

  it('a foreign key B adds to an unselected table is proven against that table in A', async () => {
    const report = await check(ferry, `pg.${A}`, `pg.${B}`, { exclude: ['parent', 'users'] });
    const k103 = report.findings.find((f) => f.code === 'K103');
    expect(k103?.severity).toBe('error');
    expect(k103?.message).toBe('Foreign key child (other_id) → parent (id) is new in B: 2 rows of A reference no row of parent, e.g. id=11, id=12.');
    expect(k103?.proof).toEqual({ count: 2, examples: ['id=11', 'id=12'], basis: 'query' });
  });

  it('a unique index counts as a unique key on either side; an expression or partial index does not', async () => {
    const report = await check(ferry, `pg.${A}`, `pg.${B}`, { tables: ['users'] });
    // The expression and partial indexes are dropped in B (I101); B's constraints on nick and tag
    // are new (K102): nick's holds on A's rows, tag's does not (the partial index left out a row).
    expect(codes(report.findings)).toEqual(['I101 users.lower(nick::text)', 'I101 users.tag', 'K102 users.nick', 'K102 users.tag']);
    expect(report.findings.find((f) => f.code === 'K102' && f.column === 'nick')?.severity).toBe('warning');
    expect(report.findings.find((f) => f.code === 'K102' && f.column === 'tag')?.severity).toBe('error');
  });

  it('--queries: statements are quoted without their comments, and excluded tables give no Q201', async () => {
    const file = join(dir, 'app.sql');
    writeFileSync(file, [
      '-- the parent lookup',
      'SELECT name FROM parent WHERE id = 1;',
      '/* children of a parent */',
      '-- (the join)',
      '  SELECT c.id, c.gone FROM child c',
      '  WHERE c.parent_id = 1;',
      'SELECT nope FROM parent; -- broken already, but parent is not checked',
      '',
    ].join('\n'));
    const report = await check(ferry, `pg.${A}`, `pg.${B}`, { tables: ['child'], queriesFile: file });
    const queries = report.findings.filter((f) => f.code.startsWith('Q'));
    expect(queries.map((f) => [f.code, f.table, f.message])).toEqual([
      ['Q201', 'child', "query at app.sql:5:18 does not validate on A either: Column 'gone' not found in table 'c' — SELECT c.id, c.gone FROM child c WHERE c.parent_id = 1"],
    ]);
  });
});
