import { describe, expect, it } from 'vitest';
import { counted, sizeText, thousands } from '../../../../src/cli/render/numbers.js';

describe('numbers', () => {
  it('writes counts with thousands separators and their noun', () => {
    expect(thousands(8661245)).toBe('8,661,245');
    expect([counted(1, 'chunk'), counted(1024, 'row'), counted(2, 'entry', 'entries')]).toEqual(['1 chunk', '1,024 rows', '2 entries']);
  });

  it('writes sizes in the unit a person reads, three significant digits', () => {
    expect([0, 812, 999, 1000, 8192, 41_200_000, 1_300_000_000, 123_456_789_012].map(sizeText))
      .toEqual(['0 B', '812 B', '999 B', '1.00 kB', '8.19 kB', '41.2 MB', '1.30 GB', '123 GB']);
  });
});
