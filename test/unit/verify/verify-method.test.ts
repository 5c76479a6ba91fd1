import { describe, expect, it } from 'vitest';
import { verifyMethodWords } from '../../../src/verify/verify-method.js';

describe('verifyMethodWords', () => {
  it('names every method in words, and passes an unknown one through', () => {
    expect(verifyMethodWords('checksum-in-database')).toBe('checksums computed in each database');
    expect(verifyMethodWords('checksum-in-jvm')).toMatch(/^rows hashed by Ferry from one canonical text/);
    expect(verifyMethodWords('rows')).toMatch(/one side keeps no declared types/);
    expect(verifyMethodWords('sampled')).toBe('sampled');
  });
});
