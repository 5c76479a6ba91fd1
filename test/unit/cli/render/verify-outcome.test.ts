import { describe, expect, it } from 'vitest';
import { verifyOutcomeLine } from '../../../../src/cli/render/verify-outcome.js';

describe('verifyOutcomeLine', () => {
  it('counts the tables that differ, then those not compared', () => {
    expect(verifyOutcomeLine(3, 1, 1)).toBe('1 of 3 tables differs, 1 could not be compared');
    expect(verifyOutcomeLine(3, 2, 0)).toBe('2 of 3 tables differ');
    expect(verifyOutcomeLine(1, 1, 0)).toBe('1 of 1 table differs');
  });

  it('says the others match when nothing differs but some could not be compared', () => {
    expect(verifyOutcomeLine(3, 0, 1)).toBe('1 of 3 tables could not be compared, the others match');
    expect(verifyOutcomeLine(1, 0, 1)).toBe('1 of 1 table could not be compared');
    expect(verifyOutcomeLine(2000, 0, 2000)).toBe('2,000 of 2,000 tables could not be compared');
  });
});
