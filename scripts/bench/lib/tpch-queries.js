// The 22 TPC-H queries of the tpch benchmark: the texts io.trino.tpch ships (the spec's
// validation parameters already substituted), printed by the generator module's TpchQueries,
// made into one SELECT each that PostgreSQL and Ferry both read, then pointed at a target's
// tables. Nothing else in a query is changed, so both sides answer the same question.
import { spawnSync } from 'node:child_process';
import { buildGenerator } from './tpch-fixture.js';
import { TPCH_TABLES } from './tpch-schema.js';

/** The query numbers, 1 to 22. */
export const QUERY_NUMBERS = Array.from({ length: 22 }, (_, i) => i + 1);

/**
 * The 22 texts as io.trino.tpch ships them, by number (builds the generator module if needed).
 *
 * @example
 * shippedQueries()[6] // '-- database: presto; …\nSELECT sum(l_extendedprice * l_discount) AS revenue …'
 */
export function shippedQueries() {
  const r = spawnSync('java', ['-cp', buildGenerator(), 'dev.ferry.bench.tpch.TpchQueries'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`TpchQueries failed: ${r.error?.message ?? r.stderr.trim().slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/**
 * Equivalent forms of the queries PostgreSQL cannot answer in time at SF 1 in their shipped form
 * (it runs their correlated subqueries once per outer row, for hours), each subquery written as
 * a join with an aggregate, for checking Ferry's answer when psql's own form times out; the
 * shipped validation parameters, as in `plainSelect`'s texts. Q17: a lineitem row joins its
 * part's average only when the part has lineitems, which it does (it is one of them). Q20: a
 * supplier's part without lineitems in the year has a NULL sum, which no `ps_availqty >`
 * satisfies, as the inner join to the sums drops it.
 */
export const DECORRELATED = {
  17: `SELECT sum(l_extendedprice) / 7.0 AS avg_yearly
FROM lineitem, part,
  (SELECT l_partkey AS agg_partkey, 0.2 * avg(l_quantity) AS avg_quantity FROM lineitem GROUP BY l_partkey) AS part_avg
WHERE p_partkey = l_partkey AND agg_partkey = l_partkey
  AND p_brand = 'Brand#23' AND p_container = 'MED BOX'
  AND l_quantity < avg_quantity`,
  20: `SELECT s_name, s_address
FROM supplier, nation
WHERE s_suppkey IN (
    SELECT ps_suppkey
    FROM partsupp
      JOIN (SELECT l_partkey, l_suppkey, 0.5 * sum(l_quantity) AS half_quantity
            FROM lineitem
            WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + interval '1' YEAR
            GROUP BY l_partkey, l_suppkey) AS shipped
        ON shipped.l_partkey = ps_partkey AND shipped.l_suppkey = ps_suppkey
    WHERE ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
      AND ps_availqty > shipped.half_quantity)
  AND s_nationkey = n_nationkey
  AND n_name = 'CANADA'
ORDER BY s_name`,
};

/**
 * One plain SELECT in standard SQL from a shipped text, the only edits being: its comment lines
 * and final semicolon dropped; Q15's `CREATE VIEW revenue AS …; SELECT …` made into
 * `WITH revenue AS (…) SELECT …`; Q20's `date('1994-01-01')` written as the literal
 * `DATE '1994-01-01'`, and Q22's `substr(c_phone, 1, 2)` as the spec's
 * `substring(c_phone FROM 1 FOR 2)` (neither function is standard SQL, and Calcite knows
 * neither); Q11's alias `value`, a reserved word in standard SQL and in Calcite, quoted as
 * `"value"` (what PostgreSQL calls the same column).
 *
 * @example
 * plainSelect('-- tables: lineitem\nSELECT 1 FROM lineitem;') // 'SELECT 1 FROM lineitem'
 */
export function plainSelect(text) {
  let sql = text.split('\n').filter((l) => !/^\s*--/.test(l)).join('\n').trim().replace(/;\s*$/, '');
  const view = /^CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(\w+)\s+AS\s+([\s\S]*?);\s*([\s\S]*)$/i.exec(sql);
  if (view) sql = `WITH ${view[1]} AS (\n${view[2].trim()}\n)\n${view[3].trim()}`;
  return sql
    .replace(/\bdate\s*\(\s*('[^']*')\s*\)/gi, 'DATE $1')
    .replace(/\bsubstr\s*\(\s*(\w+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)/gi, 'substring($1 FROM $2 FOR $3)')
    .replace(/\b(AS\s+|BY\s+)value\b/gi, '$1"value"');
}

const TABLES = new Set(TPCH_TABLES.map((t) => t.name));

/**
 * `sql` with each TPC-H table named in a FROM list or after JOIN replaced by `where(table)` (say
 * `pg.lineitem`); column names and aliases that look like table names (`AS nation`) stay.
 *
 * @example
 * qualify('SELECT n_name AS nation FROM nation, region', (t) => `maria.${t}`)
 * // 'SELECT n_name AS nation FROM maria.nation, maria.region'
 */
export function qualify(sql, where) {
  const edits = [];
  const re = /\b(?:FROM|JOIN)\b/gi;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    const start = m.index + m[0].length;
    const end = fromListEnd(sql, start);
    // A table is the first word of an item of the list: after FROM or JOIN, or after a comma
    // outside the parentheses of a subquery (whose own FROM is handled when the loop gets there).
    const item = (i) => {
      const t = /^\s*([A-Za-z_]\w*)\b(?!\s*[.(])/.exec(sql.slice(i, end));
      if (t && TABLES.has(t[1].toLowerCase())) edits.push([i + t[0].length - t[1].length, t[1]]);
    };
    item(start);
    let depth = 0;
    for (let j = start; j < end; j++) {
      if (sql[j] === '(') depth++;
      else if (sql[j] === ')') depth--;
      else if (sql[j] === ',' && depth === 0) item(j + 1);
    }
  }
  let out = sql;
  for (const [at, table] of edits.sort((a, b) => b[0] - a[0])) out = `${out.slice(0, at)}${where(table.toLowerCase())}${out.slice(at + table.length)}`;
  return out;
}

/** A keyword that ends a FROM list, read where the list might end (sticky). */
const CLAUSE = /\s+(WHERE|GROUP|ORDER|HAVING|LIMIT|UNION|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|ON)\b/iy;

/** Where the FROM list starting at `i` ends: a clause keyword, JOIN or ON at depth 0, or the parenthesis closing its subquery. */
function fromListEnd(sql, i) {
  let depth = 0;
  for (let j = i; j < sql.length; j++) {
    const c = sql[j];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return j;
      depth--;
    } else if (depth === 0 && /\s/.test(c)) {
      CLAUSE.lastIndex = j;
      if (CLAUSE.test(sql)) return j;
    }
  }
  return sql.length;
}
