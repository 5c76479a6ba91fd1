// The TPC-H schema of the migrate benchmark, as data: the eight tables with the spec's column
// types (clause 1.4.1), primary keys (1.4.2.2) and foreign keys (1.4.2.3). Each source engine's
// DDL is rendered from it, so the three sources hold the same database.

/** Tables in load order (every foreign key points to a table before it). */
export const TPCH_TABLES = [
  {
    name: 'region',
    columns: [['r_regionkey', 'INTEGER'], ['r_name', 'CHAR(25)'], ['r_comment', 'VARCHAR(152)']],
    primaryKey: ['r_regionkey'],
    foreignKeys: [],
  },
  {
    name: 'nation',
    columns: [['n_nationkey', 'INTEGER'], ['n_name', 'CHAR(25)'], ['n_regionkey', 'INTEGER'], ['n_comment', 'VARCHAR(152)']],
    primaryKey: ['n_nationkey'],
    foreignKeys: [[['n_regionkey'], 'region', ['r_regionkey']]],
  },
  {
    name: 'part',
    columns: [['p_partkey', 'INTEGER'], ['p_name', 'VARCHAR(55)'], ['p_mfgr', 'CHAR(25)'], ['p_brand', 'CHAR(10)'], ['p_type', 'VARCHAR(25)'], ['p_size', 'INTEGER'], ['p_container', 'CHAR(10)'], ['p_retailprice', 'DECIMAL(15,2)'], ['p_comment', 'VARCHAR(23)']],
    primaryKey: ['p_partkey'],
    foreignKeys: [],
  },
  {
    name: 'supplier',
    columns: [['s_suppkey', 'INTEGER'], ['s_name', 'CHAR(25)'], ['s_address', 'VARCHAR(40)'], ['s_nationkey', 'INTEGER'], ['s_phone', 'CHAR(15)'], ['s_acctbal', 'DECIMAL(15,2)'], ['s_comment', 'VARCHAR(101)']],
    primaryKey: ['s_suppkey'],
    foreignKeys: [[['s_nationkey'], 'nation', ['n_nationkey']]],
  },
  {
    name: 'partsupp',
    columns: [['ps_partkey', 'INTEGER'], ['ps_suppkey', 'INTEGER'], ['ps_availqty', 'INTEGER'], ['ps_supplycost', 'DECIMAL(15,2)'], ['ps_comment', 'VARCHAR(199)']],
    primaryKey: ['ps_partkey', 'ps_suppkey'],
    foreignKeys: [[['ps_partkey'], 'part', ['p_partkey']], [['ps_suppkey'], 'supplier', ['s_suppkey']]],
  },
  {
    name: 'customer',
    columns: [['c_custkey', 'INTEGER'], ['c_name', 'VARCHAR(25)'], ['c_address', 'VARCHAR(40)'], ['c_nationkey', 'INTEGER'], ['c_phone', 'CHAR(15)'], ['c_acctbal', 'DECIMAL(15,2)'], ['c_mktsegment', 'CHAR(10)'], ['c_comment', 'VARCHAR(117)']],
    primaryKey: ['c_custkey'],
    foreignKeys: [[['c_nationkey'], 'nation', ['n_nationkey']]],
  },
  {
    name: 'orders',
    columns: [['o_orderkey', 'INTEGER'], ['o_custkey', 'INTEGER'], ['o_orderstatus', 'CHAR(1)'], ['o_totalprice', 'DECIMAL(15,2)'], ['o_orderdate', 'DATE'], ['o_orderpriority', 'CHAR(15)'], ['o_clerk', 'CHAR(15)'], ['o_shippriority', 'INTEGER'], ['o_comment', 'VARCHAR(79)']],
    primaryKey: ['o_orderkey'],
    foreignKeys: [[['o_custkey'], 'customer', ['c_custkey']]],
  },
  {
    name: 'lineitem',
    columns: [
      ['l_orderkey', 'INTEGER'], ['l_partkey', 'INTEGER'], ['l_suppkey', 'INTEGER'], ['l_linenumber', 'INTEGER'],
      ['l_quantity', 'DECIMAL(15,2)'], ['l_extendedprice', 'DECIMAL(15,2)'], ['l_discount', 'DECIMAL(15,2)'], ['l_tax', 'DECIMAL(15,2)'],
      ['l_returnflag', 'CHAR(1)'], ['l_linestatus', 'CHAR(1)'], ['l_shipdate', 'DATE'], ['l_commitdate', 'DATE'], ['l_receiptdate', 'DATE'],
      ['l_shipinstruct', 'CHAR(25)'], ['l_shipmode', 'CHAR(10)'], ['l_comment', 'VARCHAR(44)'],
    ],
    primaryKey: ['l_orderkey', 'l_linenumber'],
    foreignKeys: [
      [['l_orderkey'], 'orders', ['o_orderkey']],
      [['l_partkey'], 'part', ['p_partkey']],
      [['l_suppkey'], 'supplier', ['s_suppkey']],
      [['l_partkey', 'l_suppkey'], 'partsupp', ['ps_partkey', 'ps_suppkey']],
    ],
  },
];

/**
 * The tables named, in load order, each keeping only the foreign keys to tables among them: the
 * part of TPC-H one database holds when the tables are split over several.
 *
 * @example
 * tablesAmong(['customer', 'nation']).map((t) => t.foreignKeys.length) // [1, 1]: nation's key to region is gone
 */
export function tablesAmong(names) {
  const wanted = new Set(names);
  const unknown = names.filter((n) => !TPCH_TABLES.some((t) => t.name === n));
  if (unknown.length > 0) throw new Error(`not TPC-H tables: ${unknown.join(', ')}`);
  return TPCH_TABLES.filter((t) => wanted.has(t.name)).map((t) => ({ ...t, foreignKeys: t.foreignKeys.filter(([, ref]) => wanted.has(ref)) }));
}

function columnsSql(t) {
  return t.columns.map(([name, type]) => `${name} ${type} NOT NULL`).join(', ');
}

function foreignKeySql(t, [cols, ref, refCols], i) {
  return `CONSTRAINT ${t.name}_fk${i + 1} FOREIGN KEY (${cols.join(', ')}) REFERENCES ${ref} (${refCols.join(', ')})`;
}

/**
 * SQLite: keys inside CREATE TABLE (SQLite adds none later); an INTEGER primary key is the rowid.
 *
 * @example
 * sqliteCreateTable(TPCH_TABLES[0]) // 'CREATE TABLE region (r_regionkey INTEGER NOT NULL, …, PRIMARY KEY (r_regionkey))'
 */
export function sqliteCreateTable(t) {
  const keys = [`PRIMARY KEY (${t.primaryKey.join(', ')})`, ...t.foreignKeys.map((fk, i) => foreignKeySql(t, fk, i))];
  return `CREATE TABLE ${t.name} (${columnsSql(t)}, ${keys.join(', ')})`;
}

/** PostgreSQL: the bare table; keys are added after the load ({@link pgKeys}). */
export function pgCreateTable(schema, t) {
  return `CREATE TABLE ${schema}.${t.name} (${columnsSql(t)})`;
}

/** PostgreSQL: the primary key, then (once every table has one) the foreign keys. */
export function pgKeys(schema, t) {
  return {
    primary: `ALTER TABLE ${schema}.${t.name} ADD CONSTRAINT ${t.name}_pkey PRIMARY KEY (${t.primaryKey.join(', ')})`,
    foreign: t.foreignKeys.length === 0 ? undefined
      : `ALTER TABLE ${schema}.${t.name} ${t.foreignKeys.map((fk, i) => `ADD ${foreignKeySql(t, fk, i).replace(/REFERENCES (\w+)/, `REFERENCES ${schema}.$1`)}`).join(', ')}`,
  };
}

/** MariaDB: InnoDB with the primary key (the clustered index) at once; foreign keys after the load. */
export function mariaCreateTable(t) {
  return `CREATE TABLE ${t.name} (${columnsSql(t)}, PRIMARY KEY (${t.primaryKey.join(', ')})) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;
}

/** MariaDB: the table's foreign keys in one ALTER (InnoDB adds an index for each that lacks one). */
export function mariaForeignKeys(t) {
  return t.foreignKeys.length === 0 ? undefined : `ALTER TABLE ${t.name} ${t.foreignKeys.map((fk, i) => `ADD ${foreignKeySql(t, fk, i)}`).join(', ')}`;
}
