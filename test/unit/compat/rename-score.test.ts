import { describe, expect, it } from 'vitest';
import { RENAME_THRESHOLD, nameSimilarity, nameTokens, renameScore, typeAffinity } from '../../../src/compat/rename-score.js';
import { BIGINT, DATE, INTEGER, TEXT, col, decimal, other, timestamp, varchar } from './support.js';

const at = (position: number, c: ReturnType<typeof col>) => ({ ...c, position });

describe('nameTokens', () => {
  it('splits at separators, digits and camelCase, lower-cased', () => {
    expect(nameTokens('billingAddress_2')).toEqual(['billing', 'address', '2']);
    expect(nameTokens('Order Items')).toEqual(['order', 'items']);
    expect(nameTokens('EMAIL_ADDRESS')).toEqual(['email', 'address']);
  });
});

describe('nameSimilarity', () => {
  it('takes the better of edit distance and shared words', () => {
    expect(nameSimilarity('email', 'e_mail')).toBe(1);
    expect(nameSimilarity('emailAddress', 'email_address')).toBe(1);
    expect(nameSimilarity('mail', 'email')).toBeCloseTo(0.8);
    expect(nameSimilarity('email', 'email_address')).toBeCloseTo(2 / 3);
    expect(nameSimilarity('zip', 'postal_code')).toBe(0);
  });
});

describe('typeAffinity', () => {
  it('ranks the same type, the same family and related families; rules out the rest', () => {
    expect(typeAffinity(varchar(20), varchar(20))).toBe(1);
    expect(typeAffinity(INTEGER, BIGINT)).toBe(0.7);
    expect(typeAffinity(INTEGER, decimal(10, 2))).toBe(0.4);
    expect(typeAffinity(DATE, timestamp(6))).toBe(0.4);
    expect(typeAffinity(TEXT, INTEGER)).toBeNull();
    expect(typeAffinity(other('JSON'), other('UUID'))).toBeNull();
  });
});

describe('renameScore', () => {
  it('weighs name 0.5, type 0.25, position 0.15 and nullability 0.1', () => {
    const s = renameScore(at(2, col('email', varchar(120))), at(3, col('email_address', varchar(120), { nullable: false })));
    expect(s).toEqual({ total: expect.any(Number), name: 2 / 3, type: 1, position: 0.5, nullability: 0 });
    expect(s?.total).toBeCloseTo(0.5 * (2 / 3) + 0.25 + 0.075);
  });

  it('keeps unalike names under the threshold even with everything else equal', () => {
    expect(renameScore(at(2, col('zip', TEXT)), at(2, col('postal_code', TEXT)))?.total).toBeLessThan(RENAME_THRESHOLD);
    expect(renameScore(at(2, col('created', timestamp(6))), at(2, col('created_at', timestamp(6))))?.total).toBeGreaterThan(RENAME_THRESHOLD);
  });

  it('is null for unrelated types', () => {
    expect(renameScore(at(2, col('status', TEXT)), at(2, col('status', INTEGER)))).toBeNull();
  });
});
