import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry } from '../../src/api/index.js';
import { createNamed, dropNamed, maria, namedEngines, native, pg, rows, runFerry, tempDir } from './fixtures.js';
import { serviceAvailable } from './services.js';

// Bind joins: a small table in SQLite joined to a table 200 times larger in PostgreSQL or
// MariaDB sends the small side's keys into the big side's SQL, and answers exactly what a plain
// join answers, with NULL keys, keys the small side repeats, composite keys, an empty small side
// and more keys than one statement takes.

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-bind-');
const SCHEMA = 'ferry_bj_it';

const ENGINES = namedEngines(SCHEMA, dir);
type Big = 'pg' | 'maria';

interface Fact { id: number; k: number | null; k2: number; v: number }
interface Dim { k: number | null; k2: number; name: string }

/** The big table: every 37th key NULL, each key shared by about 40 rows. */
const FACTS: Fact[] = Array.from({ length: 2000 }, (_, j) => {
  const id = j + 1;
  return { id, k: id % 37 === 0 ? null : id % 50, k2: id % 3, v: id * 7 };
});
/** The small table: a NULL key, a key twice, a key the big table does not hold. */
const DIMS: Dim[] = [
  { k: 1, k2: 1, name: 'a' }, { k: 2, k2: 0, name: 'b' }, { k: 3, k2: 1, name: 'c' },
  { k: 3, k2: 0, name: 'c2' }, { k: 4, k2: 2, name: 'd' }, { k: 5, k2: 2, name: 'e' },
  { k: 6, k2: 1, name: 'f' }, { k: 7, k2: 0, name: 'g' }, { k: 8, k2: 1, name: 'h' },
  { k: null, k2: 1, name: 'n' }, { k: 999, k2: 0, name: 'z' },
];
const KEYS_SENT = '1, 2, 3, 4, 5, 6, 7, 8, 999';
/** A side with more keys (1,200) than a tenth of the big table's rows: not worth sending. */
const MANY = Array.from({ length: 1200 }, (_, j) => ({ k: j + 1, k2: (j + 1) % 3, name: `m${String(j + 1).padStart(4, '0')}` }));

const sqlValue = (v: number | string | null) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));

function tables(prefix: string): string[] {
  return [
    `CREATE TABLE ${prefix}fact (id INT PRIMARY KEY, k INT, k2 INT NOT NULL, v INT NOT NULL)`,
    `INSERT INTO ${prefix}fact VALUES ${FACTS.map((f) => `(${f.id}, ${sqlValue(f.k)}, ${f.k2}, ${f.v})`).join(', ')}`,
  ];
}

/** What a join of dim and fact answers, as name, id, v sorted by name then id. */
function expected(on: (d: Dim, f: Fact) => boolean, keep: (d: Dim) => boolean = () => true): string[][] {
  const out: string[][] = [];
  for (const d of DIMS.filter(keep)) for (const f of FACTS) if (on(d, f)) out.push([d.name, String(f.id), String(f.v)]);
  return out.sort((x, y) => (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : Number(x[1]) - Number(y[1])));
}
const sameK = (d: Dim, f: Fact) => d.k !== null && f.k !== null && d.k === f.k;

describe.skipIf(!havePg || !haveMaria)('bind joins into PostgreSQL and MariaDB', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await createNamed(SCHEMA, tables);
    await pg(`ANALYZE ${SCHEMA}.fact`);
    await maria(`ANALYZE TABLE ${SCHEMA}.fact`);
    await native(ENGINES.lite.url, 'CREATE TABLE dim (k INT, k2 INT NOT NULL, name VARCHAR(10) NOT NULL)',
      `INSERT INTO dim VALUES ${DIMS.map((d) => `(${sqlValue(d.k)}, ${d.k2}, '${d.name}')`).join(', ')}`,
      'CREATE TABLE many (k INT, k2 INT NOT NULL, name VARCHAR(10) NOT NULL)',
      `INSERT INTO many VALUES ${MANY.map((m) => `(${m.k}, ${m.k2}, '${m.name}')`).join(', ')}`, 'ANALYZE');
    ferry = await Ferry.open({ databases: ENGINES });
  }, 120_000);

  afterAll(async () => {
    await ferry?.close();
    if (havePg && haveMaria) await dropNamed(SCHEMA);
  });

  const bigs: Big[] = ['pg', 'maria'];

  it.each(bigs)('sends the small side\'s distinct non-NULL keys into %s and joins exactly, whichever side the query names first', async (big) => {
    for (const from of [`lite.dim d JOIN ${big}.fact f ON f.k = d.k`, `${big}.fact f JOIN lite.dim d ON d.k = f.k`]) {
      const sql = `SELECT d.name, f.id, f.v FROM ${from} ORDER BY d.name, f.id`;
      const { table, analysis } = await ferry.analyze(sql);
      expect(rows(table)).toEqual(expected(sameK));
      expect(analysis.plan).toMatch(/BindJoin/);
      const sent = analysis.queries.filter((q) => q.database === big && q.executions > 0);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.sql).toMatch(new RegExp(`k[\`"]? IN \\(${KEYS_SENT}\\)`));
      expect(sent[0]!.rowsRead).toBe(FACTS.filter((f) => f.k !== null && DIMS.some((d) => d.k === f.k)).length);
    }
  });

  it.each(bigs)('joins on a composite key into %s, the first key sent and both checked', async (big) => {
    const sql = `SELECT d.name, f.id, f.v FROM lite.dim d JOIN ${big}.fact f ON f.k = d.k AND f.k2 = d.k2 ORDER BY d.name, f.id`;
    const { table, analysis } = await ferry.analyze(sql);
    expect(rows(table)).toEqual(expected((d, f) => sameK(d, f) && d.k2 === f.k2));
    expect(analysis.plan).toMatch(/BindJoin/);
  });

  it.each(bigs)('keeps a condition that is not an integer key above the bind join into %s', async (big) => {
    const sql = `SELECT d.name, f.id, f.v FROM lite.dim d JOIN ${big}.fact f ON f.k = d.k AND f.v > d.k * 100 ORDER BY d.name, f.id`;
    const { table } = await ferry.analyze(sql);
    expect(rows(table)).toEqual(expected((d, f) => sameK(d, f) && f.v > d.k! * 100));
  });

  it.each(bigs)('reads %s once, filtered on non-NULL keys only, when the small side has keys for most of it', async (big) => {
    const sql = `SELECT m.name, f.id, f.v FROM lite.many m JOIN ${big}.fact f ON f.k = m.k AND f.k2 = m.k2 ORDER BY m.name, f.id`;
    const { table, analysis } = await ferry.analyze(sql);
    const want: string[][] = [];
    for (const m of MANY) for (const f of FACTS) if (f.k === m.k && f.k2 === m.k2) want.push([m.name, String(f.id), String(f.v)]);
    want.sort((x, y) => (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : Number(x[1]) - Number(y[1])));
    expect(rows(table)).toEqual(want);
    expect(analysis.plan).toMatch(/BindJoin/);
    const sent = analysis.queries.filter((q) => q.database === big && q.executions > 0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.sql).toMatch(/k[`"]? IS NOT NULL AND [\s\S]*k2[`"]? IS NOT NULL/);
  });

  it.each(bigs)('sends nothing to %s when the small side is empty', async (big) => {
    const sql = `SELECT d.name, f.id, f.v FROM lite.dim d JOIN ${big}.fact f ON f.k = d.k WHERE d.name = 'nobody' ORDER BY d.name, f.id`;
    const { table, analysis } = await ferry.analyze(sql);
    expect(rows(table)).toEqual([]);
    expect(analysis.plan).toMatch(/BindJoin/);
    expect(analysis.queries.filter((q) => q.database === big && q.executions > 0)).toEqual([]);
  });

  it.each(bigs)('splits the keys into statements of FERRY_BIND_JOIN_KEYS keys each into %s, and FERRY_BIND_JOIN_KEYS=0 turns bind joins off', (big) => {
    const cfg = join(dir, 'ferry.json');
    writeFileSync(cfg, JSON.stringify({ databases: ENGINES }));
    const sql = `SELECT d.name, f.id, f.v FROM lite.dim d JOIN ${big}.fact f ON f.k = d.k ORDER BY d.name, f.id`;
    const csv = (lines: string[][]) => ['name,id,v', ...lines.map((l) => l.join(','))].join('\n');
    const batched = runFerry(['query', '--config', cfg, '--format', 'csv', sql], dir, { FERRY_BIND_JOIN_KEYS: '4' });
    expect(batched.code, batched.err).toBe(0);
    expect(batched.out.replace(/\r\n/g, '\n').trim()).toBe(csv(expected(sameK)));
    const analyzed = runFerry(['query', '--config', cfg, '--analyze', '--format', 'json', sql], dir, { FERRY_BIND_JOIN_KEYS: '4' });
    expect(analyzed.code, analyzed.err).toBe(0);
    const sent = (JSON.parse(analyzed.out) as { queries: { database: string; sql: string; executions: number }[] })
      .queries.filter((q) => q.database === big && q.executions > 0).map((q) => /IN \(([^)]*)\)/.exec(q.sql)?.[1]);
    expect(sent).toEqual(['1, 2, 3, 4', '5, 6, 7, 8', '999']);
    const off = runFerry(['query', '--config', cfg, '--analyze', '--format', 'json', sql], dir, { FERRY_BIND_JOIN_KEYS: '0' });
    expect(off.code, off.err).toBe(0);
    expect((JSON.parse(off.out) as { plan: string }).plan).not.toMatch(/BindJoin/);
  });
});
