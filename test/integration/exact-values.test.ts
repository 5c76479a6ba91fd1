import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry } from '../../src/api/index.js';
import { renderCsv } from '../../src/cli/render/csv.js';
import { renderJson } from '../../src/cli/render/json.js';
import { pg, rows } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');

describe.skipIf(!havePg)('exact values from PostgreSQL', () => {
  let ferry: Ferry;
  beforeAll(async () => {
    // Calcite parses DATE literals itself, so dates before year 1 come from a table.
    await pg(
      'DROP TABLE IF EXISTS public.ferry_old_dates',
      'CREATE TABLE public.ferry_old_dates (id INT PRIMARY KEY, d DATE, ts TIMESTAMP(6))',
      "INSERT INTO public.ferry_old_dates VALUES (1, '0044-03-15 BC', '0044-03-15 12:34:56.123456 BC'), (2, '0001-12-31 BC', '0001-12-31 23:59:59.999999 BC'), " +
        "(3, '0001-01-01', '0001-01-01 00:00:00.000001'), (4, '1000-01-01', '1000-01-01 00:00:00'), (5, '1582-10-10', '1582-10-10 12:00:00'), " +
        "(6, '9999-12-31', '9999-12-31 23:59:59.999999')",
      'DROP TABLE IF EXISTS public.ferry_exact',
      'CREATE TABLE public.ferry_exact (id BIGINT PRIMARY KEY, total NUMERIC(12,2), n INTEGER, sm SMALLINT, f DOUBLE PRECISION, r REAL, ok BOOLEAN, d DATE, t TIME(6), ts TIMESTAMP(6), b BYTEA, s VARCHAR(20))',
      "INSERT INTO public.ferry_exact VALUES (9007199254740993, 42861428.70, -2147483648, -32768, 0.1, 0.5, true, '2024-02-29', '12:34:56.125', '2024-02-29 12:34:56.123456', '\\xcafe', '😀'), " +
        "(2, NULL, NULL, NULL, NULL, NULL, NULL, '0044-03-15 BC', '12:34:56.123456', NULL, NULL, NULL), " +
        '(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)',
    );
    ferry = await Ferry.open({ databases: { pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: 'public' } } });
  });
  afterAll(async () => ferry?.close());

  it('Ferry.rows returns plain rows with exact values of every family', async () => {
    expect(await ferry.rows('SELECT id, total, n, sm, f, r, ok, d, t, ts, b, s FROM pg.ferry_exact WHERE id <> 2 ORDER BY id DESC')).toStrictEqual([
      {
        id: 9007199254740993n,
        total: '42861428.70',
        n: -2147483648,
        sm: -32768,
        f: 0.1,
        r: 0.5,
        ok: true,
        d: '2024-02-29',
        t: '12:34:56.125',
        ts: '2024-02-29 12:34:56.123456',
        b: Uint8Array.of(0xca, 0xfe),
        s: '😀',
      },
      { id: 1n, total: null, n: null, sm: null, f: null, r: null, ok: null, d: null, t: null, ts: null, b: null, s: null },
    ]);
  });

  it('Ferry.rows gives COUNT(*) as a bigint', async () => {
    expect(await ferry.rows('SELECT COUNT(*) AS n FROM pg.ferry_exact')).toStrictEqual([{ n: 3n }]);
  });

  // These need the JVM to read DATE, TIMESTAMP and TIME as java.time values. It reads them through
  // java.sql.Date/Timestamp/Time today, whose conversion drops the era (44 BC arrives as 44 AD),
  // moves 1582-10-05…14 by ten days and cuts TIME to milliseconds; Node prints what arrives.
  describe('values the JVM has to carry exactly', () => {
    it('ferry query prints dates and timestamps before year 1 with astronomical years (44 BC is -0043, 1 BC is 0000)', async () => {
      const t = await ferry.query('SELECT id, d, ts FROM pg.ferry_old_dates WHERE id <> 5 ORDER BY id');
      expect(rows(t)).toEqual([
        ['1', '-0043-03-15', '-0043-03-15 12:34:56.123456'],
        ['2', '0000-12-31', '0000-12-31 23:59:59.999999'],
        ['3', '0001-01-01', '0001-01-01 00:00:00.000001'],
        ['4', '1000-01-01', '1000-01-01 00:00:00'],
        ['6', '9999-12-31', '9999-12-31 23:59:59.999999'],
      ]);
      const first = await ferry.query('SELECT id, d, ts FROM pg.ferry_old_dates WHERE id = 1');
      expect(renderJson(first)).toBe('[\n{"id":1,"d":"-0043-03-15","ts":"-0043-03-15 12:34:56.123456"}\n]\n');
      expect(renderCsv(first)).toBe('id,d,ts\r\n1,-0043-03-15,-0043-03-15 12:34:56.123456\r\n');
    });

    it('keeps 1582-10-10, a day the Julian→Gregorian switch skipped, where PostgreSQL has it', async () => {
      expect(rows(await ferry.query('SELECT d, ts FROM pg.ferry_old_dates WHERE id = 5'))).toEqual([['1582-10-10', '1582-10-10 12:00:00']]);
    });

    it('Ferry.rows gives a date of 44 BC as -0043-03-15', async () => {
      expect(await ferry.rows('SELECT d FROM pg.ferry_exact WHERE id = 2')).toStrictEqual([{ d: '-0043-03-15' }]);
    });

    it('Ferry.rows gives TIME(6) to the microsecond', async () => {
      expect(await ferry.rows('SELECT t FROM pg.ferry_exact WHERE id = 2')).toStrictEqual([{ t: '12:34:56.123456' }]);
    });
  });
});
