import { describe, expect, it } from 'vitest';
import { verifyMethodWords } from '../../../src/verify/verify-method.js';

describe('verifyMethodWords', () => {
  it('names every method in words, and passes an unknown one through', () => {
    expect(verifyMethodWords('checksum-in-database')).toBe('per-chunk checksums computed inside each database');
    expect(verifyMethodWords('checksum-in-jvm')).toMatch(/^rows streamed from both sides and checksummed by Ferry/);
    expect(verifyMethodWords('rows')).toMatch(/one keeps no declared types/);
    expect(verifyMethodWords('sampled')).toBe('sampled');
  });
});
