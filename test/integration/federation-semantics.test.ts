import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry } from '../../src/api/index.js';
import { maria, native, pg, rows, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

// One table, the same rows, in each of the five engines; every query runs against each engine
// twice: pushed whole into it, and run by Calcite (the table joined with another engine's
// `keys`). Every run must give the one answer PostgreSQL semantics give.
const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-sem-');
const NS = 'ferry_sem_it';
const ENGINES = ['pg', 'maria', 'lite', 'h2', 'duck'] as const;
type Engine = (typeof ENGINES)[number];

const ROWS = `(1, 17.00, 21168.23, 'BUILDING', 'apple'), (2, 36.00, 45983.16, 'AUTOMOBILE', 'Banana'),
  (3, 8.00, 13309.60, 'building', 'cherry'), (4, 28.00, 28955.64, 'Machinery', 'apple '),
  (5, 0.01, -0.01, 'a', 'APPLE'), (6, 2.00, 9999999999999.99, 'b ', 'banana')`;

/** The statements that create and fill `items` and `keys`; SQLite's `name` ignores case itself. */
function tables(prefix: string, nameCollation = ''): string[] {
  return [
    `CREATE TABLE ${prefix}items (id INT PRIMARY KEY, qty DECIMAL(15,2), price DECIMAL(15,2), seg CHAR(10), name VARCHAR(20)${nameCollation})`,
    `INSERT INTO ${prefix}items VALUES ${ROWS}`,
    `CREATE TABLE ${prefix}keys (id INT PRIMARY KEY)`,
    `INSERT INTO ${prefix}keys VALUES (1), (2), (3), (4), (5), (6)`,
  ];
}

/** The engine whose `keys` a query joins to make Calcite run the join. */
const elsewhere = (e: Engine): Engine => (e === 'lite' ? 'pg' : 'lite');

describe.skipIf(!havePg || !haveMaria)('the same answer wherever a table lives', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await pg(`DROP SCHEMA IF EXISTS ${NS} CASCADE`, `CREATE SCHEMA ${NS}`, ...tables(`${NS}.`));
    await maria(
      `DROP DATABASE IF EXISTS ${NS}`,
      `CREATE DATABASE ${NS} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`,
      ...tables(`${NS}.`),
      `CREATE TABLE ${NS}.wide (id INT PRIMARY KEY, u VARCHAR(20), KEY (u))`,
      `INSERT INTO ${NS}.wide SELECT seq, CONCAT('x', seq) FROM seq_1_to_2000`,
      `ANALYZE TABLE ${NS}.wide`,
    );
    await native(`jdbc:sqlite:${join(dir, 'lite.db')}`, ...tables('', ' COLLATE NOCASE'));
    await native(`jdbc:h2:${join(dir, 'h2')}`, ...tables(''));
    await native(`jdbc:duckdb:${join(dir, 'duck.duckdb')}`, ...tables(''));
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: NS },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: NS },
        // A statement that would read more than 100 rows fails here: only an index serves it.
        mariaIndexed: { url: `${SERVICES.mariadb.url}?sessionVariables=max_join_size=100`, user: SERVICES.mariadb.user, schema: NS },
        lite: { url: `jdbc:sqlite:${join(dir, 'lite.db')}` },
        h2: { url: `jdbc:h2:${join(dir, 'h2')}`, schema: 'PUBLIC' },
        duck: { url: `jdbc:duckdb:${join(dir, 'duck.duckdb')}`, schema: 'main' },
      },
    });
  });

  afterAll(async () => {
    await ferry?.close();
    await pg(`DROP SCHEMA IF EXISTS ${NS} CASCADE`).catch(() => 0);
    await maria(`DROP DATABASE IF EXISTS ${NS}`).catch(() => 0);
  });

  /**
   * Runs `sql` against engine `e` twice: `$T` its items, `$J` nothing (one query, pushed whole
   * into `e`) or a join with another engine's keys (two queries, joined by Calcite). Checks that
   * the plans are what they claim and returns both answers' labels and rows.
   */
  async function both(e: Engine, sql: string): Promise<{ labels: string[]; rows: (string | null)[][] }[]> {
    const out = [];
    for (const join of ['', `JOIN ${elsewhere(e)}.keys k ON k.id = t.id`]) {
      const q = sql.replaceAll('$T', `${e}.items t`).replaceAll('$J', join);
      const plan = await ferry.explain(q);
      expect(plan.queries.length, `${q}\n${plan.plan}`).toBe(join ? 2 : 1);
      const t = await ferry.query(q);
      out.push({ labels: t.schema.fields.map((f) => f.name), rows: rows(t) });
    }
    return out;
  }

  async function same(engines: readonly Engine[], sql: string, expected: (string | null)[][]): Promise<void> {
    for (const e of engines) {
      for (const [i, r] of (await both(e, sql)).entries()) {
        expect(r.rows, `${e}, ${i === 0 ? 'pushed whole' : 'run in Calcite'}: ${sql}`).toEqual(expected);
      }
    }
  }

  it('averages DECIMALs to 16 places, rounded half away from zero, without overflow', async () => {
    await same(ENGINES, 'SELECT AVG(t.qty) AS aq, AVG(t.price) AS ap, SUM(t.price) / COUNT(*) AS q FROM $T $J', [
      // PostgreSQL's avg() gives 15.1683333333333333 and 1666666684902.7683 (16 significant digits).
      ['15.1683333333333333', '1666666684902.7683333333333333', '1666666684902.768333'],
    ]);
  });

  it('divides DECIMALs to the quotient type\'s scale, rounded half away from zero', async () => {
    const sql = 'SELECT MIN(t.price / 200000000000000) AS lo, MAX(t.price / 200000000000000) AS hi FROM $T $J';
    const expected = [['-0.0000000000000001', '0.0500000000000000']];
    await same(ENGINES.filter((e) => e !== 'lite'), sql, expected);
    // SQLite divides its REAL values as doubles (-5e-17 has no exact double); Calcite does not.
    expect((await both('lite', sql))[1]!.rows).toEqual(expected);
  });

  it('labels unnamed expressions as PostgreSQL does, each label once', async () => {
    for (const e of ENGINES) {
      for (const r of await both(e, 'SELECT SUM(t.qty), COUNT(*), AVG(t.qty), MAX(t.name), SUM(t.price), t.id + 1, CAST(t.qty AS INT) FROM $T $J WHERE t.id = 1 GROUP BY t.id, t.qty')) {
        expect(r.labels).toEqual(['sum', 'count', 'avg', 'max', 'sum_2', 'expr_6', 'qty']);
        expect(r.rows).toEqual([['17.00', '1', '17.0000000000000000', 'apple', '21168.23', '2', '17']]);
      }
    }
  });

  it('compares strings by their characters: case counts, a VARCHAR\'s trailing spaces count', async () => {
    const sql = (where: string): string => `SELECT t.id FROM $T $J WHERE ${where} ORDER BY t.id`;
    await same(ENGINES, sql("t.name = 'apple'"), [['1']]);
    await same(ENGINES, sql("t.name IN ('APPLE', 'BANANA', 'cherry ')"), [['5']]);
    await same(ENGINES, sql("t.name < 'a'"), [['2'], ['5']]);
    await same(ENGINES, sql("t.name LIKE 'b%'"), [['6']]);
    await same(ENGINES, sql("t.name <> 'apple' AND t.name >= 'apple'"), [['3'], ['4'], ['6']]);
    // A backslash is a character like any other (MariaDB's literals would read it as an escape).
    await same(ENGINES, sql("t.name < 'apple\\' AND t.name <> 'a\\b'"), [['1'], ['2'], ['4'], ['5']]);
  });

  it('sorts, groups and picks strings by their characters', async () => {
    await same(ENGINES, 'SELECT t.name FROM $T $J ORDER BY t.name', [['APPLE'], ['Banana'], ['apple'], ['apple '], ['banana'], ['cherry']]);
    await same(ENGINES, 'SELECT t.name FROM $T $J ORDER BY t.name DESC LIMIT 2', [['cherry'], ['banana']]);
    await same(ENGINES, 'SELECT MIN(t.name), MAX(t.name), COUNT(DISTINCT t.name) FROM $T $J', [['APPLE', 'cherry', '6']]);
    await same(ENGINES, "SELECT LOWER(t.name) AS l, COUNT(*) AS n FROM $T $J WHERE t.name LIKE '%a%' GROUP BY LOWER(t.name) ORDER BY 1", [['apple', '1'], ['apple ', '1'], ['banana', '2']]);
    await same(ENGINES, "SELECT t.name, COUNT(*) AS n FROM $T $J WHERE t.id IN (1, 5, 6) GROUP BY t.name ORDER BY t.name", [['APPLE', '1'], ['apple', '1'], ['banana', '1']]);
  });

  // DuckDB has no CHAR(n): it keeps CHAR(10) as VARCHAR, so its values are not padded.
  const WITH_CHAR = ENGINES.filter((e) => e !== 'duck');

  it('gives CHAR(n) values padded to n and compares them ignoring trailing spaces', async () => {
    await same(WITH_CHAR, "SELECT t.id, t.seg FROM $T $J WHERE t.seg = 'building' OR t.seg IN ('b', 'AUTOMOBILE ') ORDER BY t.id",
      [['2', 'AUTOMOBILE'], ['3', 'building  '], ['6', 'b         ']]);
    await same(WITH_CHAR, "SELECT t.id FROM $T $J WHERE t.seg > 'a' AND t.seg < 'b ' ORDER BY t.id", []);
    await same(WITH_CHAR, 'SELECT MAX(t.seg), CHAR_LENGTH(MIN(t.seg)) FROM $T $J', [['building  ', '10']]);
  });

  it('joins CHAR(n) keys held by different engines', async () => {
    for (const e of WITH_CHAR) {
      for (const other of WITH_CHAR.filter((o) => o !== e)) {
        const t = await ferry.query(`SELECT a.id, b.id AS other FROM ${e}.items a JOIN ${other}.items b ON a.seg = b.seg ORDER BY a.id`);
        expect(rows(t), `${e} ⋈ ${other}`).toEqual([['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5'], ['6', '6']]);
      }
    }
  });

  it('keeps an index serving an equality pushed into MariaDB with a binary collation', async () => {
    expect(rows(await ferry.query("SELECT id FROM mariaIndexed.wide WHERE u = 'x1234'"))).toEqual([['1234']]);
    expect(rows(await ferry.query("SELECT id FROM mariaIndexed.wide WHERE u = 'X1234'"))).toEqual([]);
    // The limit is real: the same lookup without the index is refused.
    await expect(ferry.query("SELECT id FROM mariaIndexed.wide WHERE CHAR_LENGTH(u) = 5 AND u = 'x1234'")).resolves.toBeDefined();
    await expect(ferry.query("SELECT id FROM mariaIndexed.wide WHERE CHAR_LENGTH(u) = 5")).rejects.toThrow(/MAX_JOIN_SIZE/);
  });
});
