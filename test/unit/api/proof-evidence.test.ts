import { describe, expect, it } from 'vitest';
import { queryEvidence } from '../../../src/api/proof-evidence.js';
import { analyze } from '../../../src/compat/analyze.js';
import { diff } from '../../../src/compat/diff.js';
import { proofKey, type ProofRequest } from '../../../src/compat/proofs.js';
import { FerryError } from '../../../src/errors/index.js';
import { int64, tableFrom, utf8 } from '../support/arrow-fixtures.js';
import { col, INTEGER, snapshot, table, timestamp } from '../compat/support.js';

const events = table('events', [col('id', INTEGER), col('at', timestamp(6))], { pk: ['id'] });
const source = { tables: [events], prefix: ['lite'], engine: 'SQLite' } as const;
const lost: ProofRequest = { kind: 'fractionLost', table: 'events', column: 'at', precision: 0 };
const SYNTAX = new FerryError('SQL_EXECUTION', 'running the query: [SQLITE_ERROR] SQL error or missing database (near "FROM": syntax error)');

/** A Ferry whose queries either fail like SQLite does on EXTRACT or return the given rows. */
function fakeFerry(answer: (sql: string) => ReturnType<typeof tableFrom> | Error): { query: (sql: string) => Promise<ReturnType<typeof tableFrom>>; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    query: async (sql) => {
      sent.push(sql);
      const r = answer(sql);
      if (r instanceof Error) throw r;
      return r;
    },
  };
}

describe('queryEvidence when a proof query cannot run on A', () => {
  it('tests the rows in Node when the counting SQL is refused, with the same count and examples', async () => {
    const ferry = fakeFerry((sql) => (sql.includes('EXTRACT') ? SYNTAX : tableFrom([
      { name: 'id', data: int64([1n, 2n, 3n, 5n]) },
      { name: 'EXPR$1', data: utf8(['2024-01-01 10:00:00', '2024-01-01 10:00:00.123', '1704103200123', '2024-06-30 23:59:59.000']) },
    ])));
    const answers = await queryEvidence(ferry, source, [lost]);
    expect(answers.get(proofKey(lost))).toEqual({ count: 2, examples: ['id=2', 'id=3'], basis: 'query' });
    expect(ferry.sent[1]).toBe('SELECT "id", CAST("at" AS VARCHAR) FROM "lite"."events" WHERE "at" IS NOT NULL ORDER BY "id"');
  });

  it('answers a proof that cannot run at all with a failure naming the engine, and the check goes on', async () => {
    const ferry = fakeFerry(() => SYNTAX);
    const rows: ProofRequest = { kind: 'rows', table: 'events' };
    const answers = await queryEvidence(ferry, source, [lost, rows]);
    expect(answers.get(proofKey(lost))).toEqual({ failed: `the proof query cannot run on SQLite (${SYNTAX.message})` });
    expect(answers.get(proofKey(rows))).toEqual({ failed: `the proof query cannot run on SQLite (${SYNTAX.message})` });

    const b = snapshot([table('events', [col('id', INTEGER), col('at', timestamp(0))], { pk: ['id'] })]);
    const a = snapshot([events]);
    const [finding] = analyze(diff(a, b), (r) => answers.get(proofKey(r)), { a, b, dataChecked: true });
    expect(finding).toMatchObject({ code: 'Y104', severity: 'warning' });
    expect(finding?.message).toBe('Column events.at narrows from TIMESTAMP(6) to TIMESTAMP(0); values with fractional seconds would not survive — not proven: the proof query cannot run on SQLite (running the query: [SQLITE_ERROR] SQL error or missing database (near "FROM": syntax error)).');
  });

  it('lets other errors (a lost connection) through', async () => {
    const ferry = fakeFerry(() => new FerryError('CONNECTION_FAILED', 'connection refused'));
    await expect(queryEvidence(ferry, source, [lost])).rejects.toThrow('connection refused');
  });
});

describe('value digits, for proofs tested in Node', async () => {
  const { fractionDigits, numberDigits } = await import('../../../src/compat/value-digits.js');
  it('counts significant fractional-second digits in every engine\'s text, and in epoch milliseconds', () => {
    expect(['10:00:00', '10:00:00.500000', '2024-01-01 10:00:00.123456+00', '2024-01-01 10:00:00.120', '1704103200120', '1704103200000', 'x'].map(fractionDigits))
      .toEqual([0, 1, 6, 2, 2, 0, null]);
  });
  it('counts digits before and after the point, exponents included', () => {
    expect(['-0012.3400', '0', '1.5E-7', '1e21', '12345.125', 'NaN'].map(numberDigits)).toEqual([
      { integer: 2, fraction: 2 }, { integer: 0, fraction: 0 }, { integer: 0, fraction: 8 }, { integer: 22, fraction: 0 }, { integer: 5, fraction: 3 }, null,
    ]);
  });
});
