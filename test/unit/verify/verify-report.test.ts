import { describe, expect, it } from 'vitest';
import { VerifyReport as VerifyReportSchema } from '../../../src/bridge/contract.gen.js';
import { anyDifference, verifyJson, verifySummary, type VerifyReport } from '../../../src/verify/verify-report.js';

const exact: VerifyReport = {
  table: 'orders', targetTable: 'ORDERS', sourceRows: 1_000_000, targetRows: 1_000_000, match: true,
  differingKeys: [], differences: [], differingKeyCount: 0, missing: 0, extra: 0, changed: 0,
  chunks: 10, mismatchedChunks: 0, method: 'checksum-in-jvm', key: ['id'], columns: ['id', 'total'],
  millis: 2400, notes: [],
};
const differs: VerifyReport = {
  ...exact, match: false, targetRows: 1_000_000, mismatchedChunks: 3,
  differingKeys: ['id=11', 'id=250000', 'id=1000001'],
  differences: [{ kind: 'changed', key: 'id=11' }, { kind: 'missing', key: 'id=250000' }, { kind: 'extra', key: 'id=1000001' }],
  differingKeyCount: 3, missing: 1, extra: 1, changed: 1,
};

describe('verify reports', () => {
  it('the fixtures are replies the generated contract accepts, and a stray field is refused', () => {
    expect(VerifyReportSchema.safeParse(exact).success).toBe(true);
    expect(VerifyReportSchema.safeParse(differs).success).toBe(true);
    expect(VerifyReportSchema.safeParse({ ...exact, method: 'by-eye' }).success).toBe(false);
    expect(VerifyReportSchema.safeParse({ ...exact, extraField: 1 }).success).toBe(false);
  });

  it('keeps only the documented fields in JSON output', () => {
    expect(verifyJson([exact, differs])).toEqual({
      tables: [
        { table: 'orders', sourceRows: 1_000_000, targetRows: 1_000_000, match: true, differingKeys: [], differingKeyCount: 0, truncated: false },
        { table: 'orders', sourceRows: 1_000_000, targetRows: 1_000_000, match: false, differingKeys: ['id=11', 'id=250000', 'id=1000001'], differingKeyCount: 3, truncated: false },
      ],
    });
  });

  it('says how many keys differ in all, and that the list is cut, past the first 100', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `id=${i + 1}`);
    const many: VerifyReport = { ...differs, differingKeys: keys, differences: keys.map((key) => ({ kind: 'changed', key })), differingKeyCount: 250, missing: 0, extra: 0, changed: 250 };
    expect(verifyJson([many]).tables[0]).toMatchObject({ differingKeyCount: 250, truncated: true });
    expect(verifyJson([many]).tables[0]!.differingKeys).toHaveLength(100);
  });

  it('any differing table makes a difference', () => {
    expect(anyDifference([exact])).toBe(false);
    expect(anyDifference([exact, differs])).toBe(true);
    expect(anyDifference([])).toBe(false);
  });

  it('summarizes a table in one line', () => {
    expect(verifySummary(exact)).toBe('orders: exact (1,000,000 → 1,000,000 rows, 10 chunks, rows hashed by Ferry from one canonical text)');
    expect(verifySummary(differs, 2)).toBe(
      'orders: 3 differences in 1,000,000 → 1,000,000 rows (1 missing, 1 extra, 1 changed): id=11 (changed), id=250000 (missing), … 1 more');
    const keyless = { ...differs, key: [], differingKeys: [], differences: [], differingKeyCount: 0, missing: 0, extra: 0, changed: 0 };
    expect(verifySummary(keyless)).toBe('orders: differs in 1,000,000 → 1,000,000 rows');
  });
});
