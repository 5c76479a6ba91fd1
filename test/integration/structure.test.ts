import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry } from '../../src/api/index.js';
import type { ColumnInfo, LogicalType, SchemaSnapshot, TableInfo } from '../../src/schema/model.js';
import { maria, pg } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const NS = 'ferry_structure';

const PG_SETUP = [
  `DROP SCHEMA IF EXISTS ${NS} CASCADE`,
  `CREATE SCHEMA ${NS}`,
  `CREATE TYPE ${NS}.mood AS ENUM ('sad', 'ok', 'it''s fine')`,
  `CREATE DOMAIN ${NS}.year AS integer NOT NULL DEFAULT 2000 CONSTRAINT year_range CHECK (VALUE BETWEEN 1900 AND 2100)`,
  `CREATE DOMAIN ${NS}.code AS varchar(12) CONSTRAINT code_upper CHECK (VALUE = upper(VALUE))`,
  `CREATE TABLE ${NS}.people (id int PRIMARY KEY, mood ${NS}.mood, born ${NS}.year, "Code" ${NS}.code, tags int[], note text, CONSTRAINT note_not_empty CHECK (note <> ''))`,
  `COMMENT ON COLUMN ${NS}.people.note IS 'free text'`,
  `CREATE VIEW ${NS}.elders AS SELECT id, born FROM ${NS}.people WHERE born < 1950`,
  `CREATE TABLE ${NS}.sales (id int, sold_on date, amount numeric(10,2), PRIMARY KEY (id, sold_on)) PARTITION BY RANGE (sold_on)`,
  `CREATE INDEX sales_amount ON ${NS}.sales (amount)`,
  `CREATE TABLE ${NS}.sales_2024 PARTITION OF ${NS}.sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
  `CREATE TABLE ${NS}.sales_2025 PARTITION OF ${NS}.sales FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`,
];

const MARIA_SETUP = [
  `DROP DATABASE IF EXISTS ${NS}`,
  `CREATE DATABASE ${NS}`,
  `CREATE TABLE ${NS}.items (id INT PRIMARY KEY, size ENUM('small', 'it''s big') NOT NULL, doc JSON, price DECIMAL(10,2) CHECK (price > 0), note VARCHAR(20) COMMENT 'a note', CONSTRAINT cheap CHECK (price < 1000))`,
  `CREATE VIEW ${NS}.bargains AS SELECT id, price FROM ${NS}.items WHERE price < 10`,
];


const INTEGER: LogicalType = { family: 'integer', sqlType: 'INTEGER', precision: null, scale: null, display: 'INTEGER' };
const TEXT: LogicalType = { family: 'char', sqlType: 'VARCHAR', precision: null, scale: null, display: 'VARCHAR' };
const varchar = (n: number): LogicalType => ({ family: 'char', sqlType: 'VARCHAR', precision: n, scale: null, display: `VARCHAR(${n})` });
const DECIMAL_10_2: LogicalType = { family: 'decimal', sqlType: 'DECIMAL', precision: 10, scale: 2, display: 'DECIMAL(10, 2)' };
const DATE: LogicalType = { family: 'date', sqlType: 'DATE', precision: null, scale: null, display: 'DATE' };

/** A column with the defaults of a plain nullable one; `extra` sets what differs. */
function col(name: string, position: number, nativeType: string, type: LogicalType, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  return { name, position, nativeType, type, nullable: true, default: null, autoIncrement: false, comment: null, enumValues: null, domain: null, ...extra };
}

function table(s: SchemaSnapshot, name: string): TableInfo {
  const t = s.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${s.tables.map((x) => x.name).join(', ')}`);
  return t;
}

const SALES_COLUMNS = [
  col('id', 1, 'int4', INTEGER, { nullable: false }),
  col('sold_on', 2, 'date', DATE, { nullable: false }),
  col('amount', 3, 'numeric', DECIMAL_10_2),
];

describe.skipIf(!havePg || !haveMaria)('inspect reads CHECKs, enums, domains, comments, views and partitions', () => {
  let ferry: Ferry;
  let pgSnap: SchemaSnapshot;
  let mariaSnap: SchemaSnapshot;

  beforeAll(async () => {
    await pg(...PG_SETUP);
    await maria(...MARIA_SETUP);
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: NS },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: NS },
      },
    });
    pgSnap = await ferry.inspect('pg');
    mariaSnap = await ferry.inspect('maria');
  });
  afterAll(async () => {
    await ferry?.close();
    if (havePg) await pg(`DROP SCHEMA IF EXISTS ${NS} CASCADE`);
    if (haveMaria) await maria(`DROP DATABASE IF EXISTS ${NS}`);
  });

  it('PostgreSQL: enum labels, domains as their base type with their CHECK, NOT NULL and default, comments', () => {
    const people = table(pgSnap, 'people');
    expect(people.columns).toEqual([
      col('id', 1, 'int4', INTEGER, { nullable: false }),
      // pgjdbc names the enum as a quoted, schema-qualified type outside the search path.
      col('mood', 2, `"${NS}"."mood"`, TEXT, { enumValues: ['sad', 'ok', "it's fine"] }),
      col('born', 3, 'int4', INTEGER, { nullable: false, default: '2000', domain: 'year' }),
      col('Code', 4, 'varchar', varchar(12), { domain: 'code' }),
      // Arrays stay as before: pgjdbc's element type name, family other.
      col('tags', 5, '_int4', { family: 'other', sqlType: '_INT4', precision: null, scale: null, display: '_INT4' }),
      col('note', 6, 'text', TEXT, { comment: 'free text' }),
    ]);
    expect(people.checks).toEqual([
      { name: 'note_not_empty', expression: "note <> ''::text" },
      { name: 'year_range', expression: '"born" >= 1900 AND "born" <= 2100' },
      { name: 'code_upper', expression: '"Code"::text = upper("Code"::text)' },
    ]);
    expect([people.partitionOf, people.partitionBy, people.partitionBound]).toEqual([null, null, null]);
  });

  it('PostgreSQL: a view\'s query and a partitioned table with its partitions, keys and indexes', () => {
    expect(pgSnap.views).toEqual([{
      name: 'elders',
      schema: NS,
      columns: [col('id', 1, 'int4', INTEGER), col('born', 2, 'int4', INTEGER, { nullable: false, domain: 'year' })],
      definition: `SELECT people.id,\n    people.born\n   FROM ${NS}.people\n  WHERE people.born::integer < 1950`,
    }]);
    expect(table(pgSnap, 'sales')).toEqual({
      name: 'sales', schema: NS, columns: SALES_COLUMNS,
      primaryKey: { name: 'sales_pkey', columns: ['id', 'sold_on'] }, uniques: [], foreignKeys: [],
      indexes: [
        { name: 'sales_amount', columns: ['amount'], unique: false, predicate: null, descending: null },
        { name: 'sales_pkey', columns: ['id', 'sold_on'], unique: true, predicate: null, descending: null },
      ],
      checks: [], partitionOf: null, partitionBy: 'RANGE (sold_on)', partitionBound: null,
    });
    for (const year of ['2024', '2025']) {
      expect(table(pgSnap, `sales_${year}`)).toEqual({
        name: `sales_${year}`, schema: NS, columns: SALES_COLUMNS,
        primaryKey: { name: `sales_${year}_pkey`, columns: ['id', 'sold_on'] }, uniques: [], foreignKeys: [],
        indexes: [
          { name: `sales_${year}_amount_idx`, columns: ['amount'], unique: false, predicate: null, descending: null },
          { name: `sales_${year}_pkey`, columns: ['id', 'sold_on'], unique: true, predicate: null, descending: null },
        ],
        checks: [], partitionOf: 'sales', partitionBy: null,
        partitionBound: `FOR VALUES FROM ('${year}-01-01') TO ('${Number(year) + 1}-01-01')`,
      });
    }
  });

  it('PostgreSQL: inspecting named tables reads the same', async () => {
    const some = await ferry.inspect('pg', undefined, ['people', 'sales_2024', 'elders']);
    expect(some.tables).toEqual([table(pgSnap, 'people'), table(pgSnap, 'sales_2024')]);
    expect(some.views).toEqual(pgSnap.views);
  });

  it('MariaDB: ENUM labels, JSON without its automatic CHECK, CHECKs, comments and a view\'s query', () => {
    expect(table(mariaSnap, 'items')).toEqual({
      name: 'items', schema: NS,
      columns: [
        col('id', 1, 'INT', INTEGER, { nullable: false }),
        col('size', 2, 'ENUM', varchar(8), { nullable: false, enumValues: ['small', "it's big"] }),
        col('doc', 3, 'JSON', TEXT),
        col('price', 4, 'DECIMAL', DECIMAL_10_2),
        col('note', 5, 'VARCHAR', varchar(20), { comment: 'a note' }),
      ],
      primaryKey: { name: 'PRIMARY', columns: ['id'] }, uniques: [], foreignKeys: [],
      indexes: [{ name: 'PRIMARY', columns: ['id'], unique: true, predicate: null, descending: null }],
      checks: [{ name: 'cheap', expression: '`price` < 1000' }, { name: 'price', expression: '`price` > 0' }],
      partitionOf: null, partitionBy: null, partitionBound: null,
    });
    expect(mariaSnap.views).toEqual([{
      name: 'bargains',
      schema: NS,
      columns: [col('id', 1, 'INT', INTEGER, { nullable: false }), col('price', 2, 'DECIMAL', DECIMAL_10_2)],
      definition: `select \`${NS}\`.\`items\`.\`id\` AS \`id\`,\`${NS}\`.\`items\`.\`price\` AS \`price\` from \`${NS}\`.\`items\` where \`${NS}\`.\`items\`.\`price\` < 10`,
    }]);
  });
});
