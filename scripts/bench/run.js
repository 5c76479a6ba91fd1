#!/usr/bin/env node
// `npm run bench -- <name> [args…]`: one benchmark per file in this folder, each exporting
// `main(args)`. Only this file sets the exit code; benchmarks throw on real errors (a wrong row
// count, a database that is down) and never fail on a missed performance target.

/** The benchmarks, loaded only when asked for so one never pays for another's imports. */
const BENCHES = {
  query: 'read a 1,000,000-row table through Ferry (PostgreSQL, H2) and compare with psql \\copy',
  check: 'ferry check on 300 tables × 20 columns with a few hundred changes (PostgreSQL), beside liquibase diff; --scale: the scale benchmark',
  copy: 'ferry copy of a 1,000,000-row table (SQLite→PG, PG→PG, PG→MariaDB, PG→DuckDB), beside psql \\copy pipes, LOAD DATA, DuckDB\'s COPY and pgloader; --rss: peak RSS at 1M vs 10M rows',
  migrate: 'ferry migrate of a whole TPC-H database (SF 1, FERRY_BENCH_SF) SQLite/MariaDB/PostgreSQL → PostgreSQL, beside pgloader and pg_dump + pg_restore; --jobs N, --try ARGS, --profile',
  scale: 'ferry copy --all and ferry check over 100 vs 500 PostgreSQL tables (linear catalog work?), beside pg_dump; --tables A,B, --runs N',
  tpch: 'the 22 TPC-H queries (SF 1, FERRY_BENCH_SF or --sf) through Ferry over PostgreSQL + MariaDB + SQLite vs psql over one PostgreSQL schema: exact?, planning ms, time ratio, rows read per database; --queries 1,3 --timeout S --keep --reuse',
  sync: 'ferry sync (change capture) at offered loads of 1k/s, 5k/s and flat out: applied changes/s and lag p50/p99, beside PostgreSQL\'s native logical replication, on private servers it starts; --seconds N --loads 1000,5000,max --pairs pg-pg,pg-maria --keep',
  backup: 'ferry backup and ferry restore of a 2M-row table and TPC-H (SF 1, FERRY_BENCH_SF) in PostgreSQL and MariaDB, beside pg_dump -Fd/pg_restore and mariadb-dump | zstd; parts: 2m tpch maria; --jobs N',
};

function usage() {
  const names = Object.entries(BENCHES).map(([name, what]) => `  ${name.padEnd(8)} ${what}`);
  return `usage: npm run bench -- <name> [args…]\nbenchmarks:\n${names.join('\n')}`;
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h') {
  console.error(usage());
  process.exitCode = name === undefined ? 2 : 0;
} else if (!Object.hasOwn(BENCHES, name)) {
  console.error(`unknown benchmark '${name}'; valid: ${Object.keys(BENCHES).join(', ')}\n\n${usage()}`);
  process.exitCode = 2;
} else {
  try {
    // `check --scale` is the scale benchmark: catalog work of copy --all and check, 100 vs 500 tables.
    const file = name === 'check' && args.includes('--scale') ? 'scale' : name;
    const bench = await import(`./${file}.js`);
    await bench.main(file === name ? args : args.filter((a) => a !== '--scale'));
  } catch (e) {
    console.error(`bench ${name}: ${e?.stack ?? e}`);
    process.exitCode = 1;
  }
}
