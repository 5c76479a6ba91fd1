// The private servers change-capture tests and the sync benchmark start: each comes up with the
// settings the shared servers lack, answers through its own client, and is gone after stop().
import { afterAll, describe, expect, it } from 'vitest';
import {
  mariaSql, pgSql, portInUse, startBinlogMariaDb, startLogicalPostgres,
  type BinlogMariaDb, type LogicalPostgres,
} from '../../scripts/lib/private-servers.js';
import { privateServerAvailable } from './services.js';

const havePg = privateServerAvailable('postgres');
const haveMaria = privateServerAvailable('mariadb');

describe.skipIf(!havePg)('a private logical PostgreSQL', () => {
  let pg: LogicalPostgres | undefined;
  afterAll(() => pg?.stop());

  it('runs with wal_level=logical on a port of its own, and stop() frees it', async () => {
    pg = await startLogicalPostgres({ name: 'ferry_test_private_pg' });
    console.info(`private PostgreSQL on port ${pg.port} started in ${Math.round(pg.startMs)} ms`);
    expect(pg.port).not.toBe(5432);
    expect(pg.url).toBe(`jdbc:postgresql://127.0.0.1:${pg.port}/postgres`);
    expect(pgSql(pg, 'SELECT 1 + 1')).toBe('2');
    expect(pgSql(pg, 'SHOW wal_level')).toBe('logical');
    expect(pgSql(pg, 'SHOW max_replication_slots')).toBe('20');
    expect(pgSql(pg, 'SHOW port')).toBe(String(pg.port));
    expect(await portInUse(pg.port)).toBe(true);
    pg.stop();
    expect(await portInUse(pg.port)).toBe(false);
    pg = undefined;
  });

  it('replaces a server left running under the same name', async () => {
    const first = await startLogicalPostgres({ name: 'ferry_test_private_pg' });
    pg = await startLogicalPostgres({ name: 'ferry_test_private_pg' });
    if (first.port !== pg.port) expect(await portInUse(first.port)).toBe(false);
    expect(pgSql(pg, 'SELECT 1')).toBe('1');
  });
});

describe.skipIf(!haveMaria)('a private binlog MariaDB', () => {
  let maria: BinlogMariaDb | undefined;
  afterAll(() => maria?.stop());

  it('runs with a ROW binlog on a port of its own, and stop() frees it', async () => {
    maria = await startBinlogMariaDb({ name: 'ferry_test_private_maria' });
    console.info(`private MariaDB on port ${maria.port} started in ${Math.round(maria.startMs)} ms`);
    expect(maria.port).not.toBe(3306);
    expect(maria.url).toBe(`jdbc:mariadb://127.0.0.1:${maria.port}/test`);
    expect(mariaSql(maria, 'SELECT 1 + 1')).toBe('2');
    expect(mariaSql(maria, "SHOW VARIABLES LIKE 'binlog_format'")).toBe('binlog_format\tROW');
    expect(mariaSql(maria, "SHOW VARIABLES LIKE 'log_bin'")).toBe('log_bin\tON');
    expect(mariaSql(maria, "SHOW VARIABLES LIKE 'binlog_row_image'")).toBe('binlog_row_image\tFULL');
    expect(mariaSql(maria, 'SELECT DATABASE()')).toBe('test');
    expect(await portInUse(maria.port)).toBe(true);
    maria.stop();
    expect(await portInUse(maria.port)).toBe(false);
    maria = undefined;
  });

  it('replaces a server left running under the same name', async () => {
    const first = await startBinlogMariaDb({ name: 'ferry_test_private_maria' });
    mariaSql(first, 'CREATE TABLE leftover (id INT PRIMARY KEY)');
    maria = await startBinlogMariaDb({ name: 'ferry_test_private_maria' });
    if (first.port !== maria.port) expect(await portInUse(first.port)).toBe(false);
    expect(mariaSql(maria, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'test'")).toBe('0');
  });
});
