import { describe, expect, it } from 'vitest';
import { CodeRegistry, FINDING_CODES, listCodes } from '../../../src/compat/codes.js';

describe('CodeRegistry', () => {
  it('refuses a code registered twice', () => {
    const info = { code: 'X101', title: 't', description: 'd', severities: ['info'] as const, example: 'e' };
    const registry = new CodeRegistry().register(info);
    expect(() => registry.register({ ...info, title: 'other' })).toThrow(/X101 is registered twice/);
    expect(registry.get('X101')?.title).toBe('t');
  });
});

describe('FINDING_CODES', () => {
  it('lists every code of the check in README order', () => {
    expect(listCodes().map((c) => c.code)).toEqual([
      'T101', 'T201', 'C101', 'C102', 'C103', 'C201', 'C202', 'C203',
      'Y101', 'Y102', 'Y103', 'Y104', 'Y105', 'Y201', 'Y202', 'Y301',
      'N101', 'N201', 'D101', 'K101', 'K102', 'K103', 'K104', 'K201', 'I101', 'I102', 'I201', 'V101', 'V201', 'Q101', 'Q201',
    ]);
  });

  it('gives each code a title, description, example and at least one severity', () => {
    for (const c of listCodes()) {
      expect(c.code).toMatch(/^[TCYNDKIVQ][1-3]\d\d$/);
      expect(c.title.length, c.code).toBeGreaterThan(0);
      expect(c.description.length, c.code).toBeGreaterThan(0);
      expect(c.example.length, c.code).toBeGreaterThan(0);
      expect(c.severities.length, c.code).toBeGreaterThan(0);
    }
  });

  it('states the severities of the policy', () => {
    const sev = (code: string) => FINDING_CODES.get(code)?.severities;
    expect(sev('T101')).toEqual(['error', 'warning']);
    expect(sev('C202')).toEqual(['error']);
    expect(sev('Y201')).toEqual(['warning']);
    expect(sev('Y301')).toEqual(['info']);
    expect(sev('K201')).toEqual(['info']);
    expect(sev('Q101')).toEqual(['error']);
    expect(sev('Q201')).toEqual(['warning']);
  });
});
