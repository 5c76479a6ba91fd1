import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../../src/errors/codes.js';

describe('ERROR_CODES', () => {
  const entries = Object.entries(ERROR_CODES);

  it.each(entries)('%s maps to an exit code in 0..3 and has a summary', (_code, { exit, summary }) => {
    expect(Number.isInteger(exit)).toBe(true);
    expect(exit).toBeGreaterThanOrEqual(0);
    expect(exit).toBeLessThanOrEqual(3);
    expect(summary.length).toBeGreaterThan(0);
  });

  it('uses SCREAMING_SNAKE_CASE codes', () => {
    for (const [code] of entries) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('maps usage and config problems to 2 and connection or JVM problems to 3', () => {
    for (const code of ['USAGE', 'CONFIG_NOT_FOUND', 'CONFIG_INVALID', 'ENV_MISSING', 'UNKNOWN_DATABASE', 'SQL_SYNTAX', 'SQL_VALIDATION', 'READ_ONLY'] as const) {
      expect(ERROR_CODES[code].exit, code).toBe(2);
    }
    for (const code of ['CONNECTION_FAILED', 'JAVA_MISSING', 'JARS_MISSING', 'JVM_ERROR', 'CLOSED'] as const) {
      expect(ERROR_CODES[code].exit, code).toBe(3);
    }
  });
});

describe('isErrorCode', () => {
  it('accepts own codes only', () => {
    expect(isErrorCode('SQL_SYNTAX')).toBe(true);
    expect(isErrorCode('sql_syntax')).toBe(false);
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('__proto__')).toBe(false);
    expect(isErrorCode('')).toBe(false);
  });
});
