import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry } from '../../src/api/index.js';
import { createNamed, dropNamed, maria, namedEngines, native, pg, rows, runFerry, tempDir } from './fixtures.js';
import { serviceAvailable } from './services.js';

// The federation's planner on the real engines: a window over a join across any two of them runs
// in Ferry with one answer, a join of two tables of one database is sent there as one query, joins
// across databases are ordered by the tables' keys, and a spent planning budget is PLAN_TIMEOUT
// naming the query.

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-planner-');
const SCHEMA = 'ferry_pl_it';

/** Each engine as a configured database holding the same two small tables. */
const ENGINES = {
  ...namedEngines(SCHEMA, dir),
  duck: { url: `jdbc:duckdb:${join(dir, 'duck.duckdb')}`, schema: 'main' },
  h2: { url: `jdbc:h2:${join(dir, 'h2')}`, schema: 'PUBLIC' },
} as const;
type Engine = keyof typeof ENGINES;

const EMPLOYEES = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, dept: (i % 3) + 1, salary: 1000 + ((i * 37) % 5) * 100 }));
const LINES = Array.from({ length: 6000 }, (_, i) => ({ id: i + 1, ord: Math.floor((i + 1) / 3), supp: (((i + 1) * 7) % 200) + 1, late: (i + 1) % 4 === 0 ? 1 : 0 }));
const DEPTS = [{ id: 1, name: 'ops' }, { id: 2, name: 'dev' }, { id: 3, name: 'sales' }];

/** The two tables, created under `prefix` (a schema or database and a dot, or nothing). */
function tables(prefix = ''): string[] {
  return [
    `CREATE TABLE ${prefix}emp (id INT PRIMARY KEY, dept INT NOT NULL, salary INT NOT NULL)`,
    `INSERT INTO ${prefix}emp VALUES ${EMPLOYEES.map((e) => `(${e.id}, ${e.dept}, ${e.salary})`).join(', ')}`,
    `CREATE TABLE ${prefix}dept (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL)`,
    `INSERT INTO ${prefix}dept VALUES ${DEPTS.map((d) => `(${d.id}, '${d.name}')`).join(', ')}`,
  ];
}

/** What the window query must answer: rank by salary within each department, and its total. */
function expectedWindow(): string[][] {
  return EMPLOYEES.map((e) => {
    const mates = EMPLOYEES.filter((m) => m.dept === e.dept).sort((a, b) => b.salary - a.salary || a.id - b.id);
    const total = mates.reduce((s, m) => s + m.salary, 0);
    return [String(e.id), DEPTS.find((d) => d.id === e.dept)!.name, String(mates.indexOf(e) + 1), String(total)];
  });
}

describe.skipIf(!havePg || !haveMaria)('the federation planner across PostgreSQL, MariaDB, SQLite, DuckDB and H2', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await createNamed(SCHEMA, tables);
    await pg(`ANALYZE ${SCHEMA}.emp`);
    for (const e of ['lite', 'duck', 'h2'] as const) await native(ENGINES[e].url, ...tables());
    // TPC-H Q5's shape: facts in PostgreSQL, customers (5 regions) in MariaDB, suppliers in SQLite.
    await pg(`CREATE TABLE ${SCHEMA}.fact (id INT PRIMARY KEY, cust INT NOT NULL, supp INT NOT NULL, amount INT NOT NULL)`,
      `INSERT INTO ${SCHEMA}.fact SELECT g, (g % 200) + 1, (g % 20) + 1, g FROM generate_series(1, 4000) g`, `ANALYZE ${SCHEMA}.fact`);
    await maria(`CREATE TABLE ${SCHEMA}.cust (id INT PRIMARY KEY, region INT NOT NULL)`,
      `INSERT INTO ${SCHEMA}.cust SELECT seq, (seq % 5) + 1 FROM seq_1_to_200`, `ANALYZE TABLE ${SCHEMA}.cust`);
    await native(ENGINES.lite.url, 'CREATE TABLE supp (id INT PRIMARY KEY, region INT NOT NULL)',
      `INSERT INTO supp VALUES ${Array.from({ length: 20 }, (_, i) => `(${i + 1}, ${((i + 1) % 5) + 1})`).join(', ')}`, 'ANALYZE');
    // TPC-H Q21's shape: lines of orders (3 a order, every 4th late) from 200 suppliers.
    await pg(`CREATE TABLE ${SCHEMA}.line (id INT PRIMARY KEY, ord INT NOT NULL, supp INT NOT NULL, late INT NOT NULL)`,
      `INSERT INTO ${SCHEMA}.line SELECT g, g / 3, ((g * 7) % 200) + 1, CASE WHEN g % 4 = 0 THEN 1 ELSE 0 END FROM generate_series(1, ${LINES.length}) g`,
      `ANALYZE ${SCHEMA}.line`);
    ferry = await Ferry.open({ databases: ENGINES });
  }, 120_000);

  afterAll(async () => {
    await ferry?.close();
    if (havePg && haveMaria) await dropNamed(SCHEMA);
  });

  const pairs: [Engine, Engine][] = [];
  for (const a of Object.keys(ENGINES) as Engine[]) for (const b of Object.keys(ENGINES) as Engine[]) if (a !== b) pairs.push([a, b]);

  it.each(pairs)('runs windows over a join of %s.emp and %s.dept in Ferry, with one answer', async (a, b) => {
    const t = await ferry.query(`
      SELECT e.id, d.name,
             ROW_NUMBER() OVER (PARTITION BY d.id ORDER BY e.salary DESC, e.id) AS rn,
             SUM(e.salary) OVER (PARTITION BY d.id) AS total
      FROM ${a}.emp e JOIN ${b}.dept d ON e.dept = d.id
      ORDER BY e.id`);
    expect(rows(t)).toEqual(expectedWindow());
  });

  it('sends a join of two tables of one database there as one query, whatever the join order', async () => {
    const sql = `SELECT d.name, COUNT(*) AS n FROM maria.dept md
      JOIN pg.emp e ON e.dept = md.id JOIN pg.dept d ON e.dept = d.id
      WHERE md.name <> 'ops' GROUP BY d.name ORDER BY d.name`;
    expect(rows(await ferry.query(sql))).toEqual([['dev', '4'], ['sales', '4']]);
    const ex = await ferry.explain(sql);
    const toPg = ex.queries.filter((q) => q.database === 'pg');
    expect(toPg).toHaveLength(1);
    expect(toPg[0]!.sql).toMatch(/"emp"[\s\S]*JOIN[\s\S]*"dept"|"dept"[\s\S]*JOIN[\s\S]*"emp"/);
  });

  it.each(['pg', 'maria', 'lite', 'duck', 'h2'] as const)('sends a join of two %s tables on an expression there, the expression computed on its side', async (e) => {
    const sql = `SELECT e.id, d.name FROM ${e}.emp e JOIN ${e}.dept d ON e.dept = d.id AND e.salary > d.id * 400 + 100 ORDER BY e.id`;
    const want = EMPLOYEES.filter((x) => x.salary > x.dept * 400 + 100).map((x) => [String(x.id), DEPTS.find((d) => d.id === x.dept)!.name]);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(EMPLOYEES.length);
    expect(rows(await ferry.query(sql))).toEqual(want);
    const sent = (await ferry.explain(sql)).queries;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.sql).toMatch(/JOIN/i);
  });

  it('reads from each database only the columns a join uses, not those only its filter needs (TPC-H Q13)', async () => {
    // Q13's shape: customers left-joined to their facts, counted per customer, then customers
    // per count; the facts' filter column left PostgreSQL with every fact, then was dropped.
    const sql = `SELECT n, COUNT(*) AS custs FROM (SELECT c.id, COUNT(f.id) AS n FROM maria.cust c
      LEFT OUTER JOIN pg.fact f ON c.id = f.cust AND f.amount > 1000 GROUP BY c.id) AS t
      GROUP BY n ORDER BY custs DESC, n DESC`;
    const counts = new Map<number, number>();
    for (let c = 1; c <= 200; c++) {
      let n = 0;
      for (let g = 1; g <= 4000; g++) if ((g % 200) + 1 === c && g > 1000) n++;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const want = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([n, c]) => [String(n), String(c)]);
    expect(rows(await ferry.query(sql))).toEqual(want);
    const toPg = (await ferry.explain(sql)).queries.filter((q) => q.database === 'pg').map((q) => q.sql);
    expect(toPg).toHaveLength(1);
    expect(toPg[0]).toMatch(/"amount" > 1000/);
    expect(toPg[0]!.slice(0, toPg[0]!.indexOf('FROM'))).not.toContain('amount');
  });

  it('joins a filtered table to the big one on its key first, by the tables\' keys (FERRY_PLAN_KEYS=0: without)', async () => {
    // Customers of one region share only the region with the suppliers: joined first they make
    // every pair of the region (at TPC-H SF 1, 12 million rows, too many to send as keys).
    // Ordered by keys, the customers' keys go to PostgreSQL's facts and the suppliers join last.
    const sql = `SELECT s.region, COUNT(*) AS n, SUM(f.amount) AS total FROM pg.fact f
      JOIN maria.cust c ON f.cust = c.id JOIN lite.supp s ON f.supp = s.id AND c.region = s.region
      WHERE c.region = 2 GROUP BY s.region`;
    const facts = Array.from({ length: 4000 }, (_, i) => ({ id: i + 1, cust: ((i + 1) % 200) + 1, supp: ((i + 1) % 20) + 1 }));
    const kept = facts.filter((f) => (f.cust % 5) + 1 === 2 && (f.supp % 5) + 1 === 2);
    const want = [['2', String(kept.length), String(kept.reduce((t, f) => t + f.id, 0))]];
    expect(kept.length).toBeGreaterThan(0);
    expect(rows(await ferry.query(sql))).toEqual(want);
    const toPg = (await ferry.explain(sql)).queries.filter((q) => q.database === 'pg').map((q) => q.sql);
    expect(toPg).toHaveLength(1);
    expect(toPg[0]).toMatch(/"cust" IN \(FERRY_BIND_KEYS_\d+\)/);
    expect(toPg[0]).not.toMatch(/"supp" IN \(FERRY_BIND_KEYS/);
    const cfg = join(dir, 'keys.json');
    writeFileSync(cfg, JSON.stringify({ databases: { pg: ENGINES.pg, maria: ENGINES.maria, lite: ENGINES.lite } }));
    const off = runFerry(['query', '--config', cfg, '--format', 'json', sql], dir, { FERRY_PLAN_KEYS: '0' });
    expect(off.code).toBe(0);
    expect(off.out).toContain(`"total":${want[0]![2]}`);
    const offPlan = runFerry(['query', '--config', cfg, '--explain', sql], dir, { FERRY_PLAN_KEYS: '0' });
    expect(offPlan.out).toMatch(/"supp" IN \(FERRY_BIND_KEYS/);
    const bad = runFerry(['query', '--config', cfg, sql], dir, { FERRY_PLAN_KEYS: 'off' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("CONFIG_INVALID");
    expect(bad.err).toContain("FERRY_PLAN_KEYS must be 0");
    expect(bad.out).toBe('');
  });

  it('sends a join of two SQLite tables to SQLite, comparing text as Ferry does (a NOCASE column too)', async () => {
    await native(ENGINES.lite.url, 'CREATE TABLE tag (k TEXT COLLATE NOCASE NOT NULL, v INT NOT NULL)',
      "INSERT INTO tag VALUES ('a', 1), ('A', 2), ('b ', 3)", 'CREATE TABLE word (k TEXT NOT NULL, w TEXT NOT NULL)',
      "INSERT INTO word VALUES ('a', 'lower'), ('A', 'upper'), ('b', 'bee')");
    const sql = 'SELECT t.v, w.w FROM lite.tag t JOIN lite.word w ON t.k = w.k ORDER BY t.v';
    expect(rows(await ferry.query(sql))).toEqual([['1', 'lower'], ['2', 'upper']]);
    const toLite = (await ferry.explain(sql)).queries.filter((q) => q.database === 'lite');
    expect(toLite).toHaveLength(1);
    expect(toLite[0]!.sql).toMatch(/JOIN/);
  });

  it.each(Object.keys(ENGINES) as Engine[])('runs a correlated EXISTS and NOT EXISTS on %s.emp in that database, columns of both sides named apart', async (e) => {
    // The same table on both sides and a filtered outer side: Calcite's SQL writer named the
    // outer column without its alias inside EXISTS, where it then meant the inner one.
    const sql = `SELECT e.id FROM ${e}.emp e WHERE e.salary > 1000
      AND EXISTS (SELECT 1 FROM ${e}.emp o WHERE o.dept = e.dept AND o.id <> e.id AND o.salary < e.salary)
      AND NOT EXISTS (SELECT 1 FROM ${e}.emp x WHERE x.dept = e.dept AND x.id <> e.id AND x.salary > e.salary)
      ORDER BY e.id`;
    const want = EMPLOYEES.filter((a) => a.salary > 1000
      && EMPLOYEES.some((o) => o.dept === a.dept && o.id !== a.id && o.salary < a.salary)
      && !EMPLOYEES.some((x) => x.dept === a.dept && x.id !== a.id && x.salary > a.salary)).map((a) => [String(a.id)]);
    expect(want.length).toBeGreaterThan(0);
    expect(rows(await ferry.query(sql))).toEqual(want);
    const sent = (await ferry.explain(sql)).queries;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.sql).toMatch(/WHERE EXISTS[\s\S]*WHERE NOT EXISTS|WHERE NOT EXISTS[\s\S]*WHERE EXISTS/);
  });

  it('sends a filtered side\'s keys to the database that runs TPC-H Q21\'s EXISTS and NOT EXISTS (not equalities only)', async () => {
    // Q21's shape: lines of orders in PostgreSQL, suppliers (the customers of one region here)
    // in MariaDB; a late line whose order has another supplier, and no other late supplier.
    // Calcite removed such subqueries by running the outer join again per subquery, and sized
    // the anti-join at one row, so the join order put PostgreSQL's side first.
    const sql = `SELECT c.region, COUNT(*) AS n FROM pg.line l1 JOIN maria.cust c ON l1.supp = c.id
      WHERE c.region = 2 AND l1.late = 1
        AND EXISTS (SELECT 1 FROM pg.line l2 WHERE l2.ord = l1.ord AND l2.supp <> l1.supp)
        AND NOT EXISTS (SELECT 1 FROM pg.line l3 WHERE l3.ord = l1.ord AND l3.supp <> l1.supp AND l3.late = 1)
      GROUP BY c.region`;
    const kept = LINES.filter((l) => (l.supp % 5) + 1 === 2 && l.late === 1
      && LINES.some((o) => o.ord === l.ord && o.supp !== l.supp)
      && !LINES.some((o) => o.ord === l.ord && o.supp !== l.supp && o.late === 1));
    expect(kept.length).toBeGreaterThan(0);
    expect(rows(await ferry.query(sql))).toEqual([['2', String(kept.length)]]);
    const toPg = (await ferry.explain(sql)).queries.filter((q) => q.database === 'pg').map((q) => q.sql);
    expect(toPg).toHaveLength(1);
    expect(toPg[0]).toMatch(/WHERE EXISTS/);
    expect(toPg[0]).toMatch(/WHERE NOT EXISTS/);
    expect(toPg[0]).toMatch(/IN \(FERRY_BIND_KEYS_\d+\)/);
  });

  it('sends TPC-H Q17\'s shape to PostgreSQL as one join given the other database\'s keys (a comparison with an aggregate per key)', async () => {
    // Each fact compared with its supplier's total, suppliers of one region in SQLite: the
    // comparison is an expression and the facts meet their totals only through the suppliers'
    // key, so PostgreSQL was asked for neither join and lineitem was read whole, twice.
    const sql = `SELECT SUM(f.amount) AS total, COUNT(*) AS n FROM pg.fact f, lite.supp s
      WHERE s.id = f.supp AND s.region = 2
        AND f.amount * 400 < (SELECT SUM(g.amount) FROM pg.fact g WHERE g.supp = s.id)`;
    const facts = Array.from({ length: 4000 }, (_, i) => ({ supp: ((i + 1) % 20) + 1, amount: i + 1 }));
    const sums = new Map<number, number>();
    for (const f of facts) sums.set(f.supp, (sums.get(f.supp) ?? 0) + f.amount);
    const kept = facts.filter((f) => (f.supp % 5) + 1 === 2 && f.amount * 400 < sums.get(f.supp)!);
    expect(kept.length).toBeGreaterThan(0);
    expect(rows(await ferry.query(sql))).toEqual([[String(kept.reduce((t, f) => t + f.amount, 0)), String(kept.length)]]);
    const toPg = (await ferry.explain(sql)).queries.filter((q) => q.database === 'pg').map((q) => q.sql);
    expect(toPg).toHaveLength(1);
    expect(toPg[0]).toMatch(/JOIN[\s\S]*GROUP BY/);
    expect(toPg[0]).toMatch(/IN \(FERRY_BIND_KEYS_\d+\)/);
  });

  it('fails a query whose planning outlasts FERRY_PLAN_TIMEOUT with PLAN_TIMEOUT, naming the query (exit 2)', () => {
    const cfg = join(dir, 'ferry.json');
    writeFileSync(cfg, JSON.stringify({ databases: { pg: ENGINES.pg, maria: ENGINES.maria } }));
    const r = runFerry(['query', '--config', cfg, 'SELECT COUNT(*) FROM pg.emp e JOIN maria.dept d ON e.dept = d.id JOIN pg.dept p ON p.id = d.id'], dir, { FERRY_PLAN_TIMEOUT: '0.001' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('PLAN_TIMEOUT');
    expect(r.err).toContain('the query: SELECT COUNT(*) FROM pg.emp e');
  });
});
