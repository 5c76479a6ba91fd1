import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FerryError, isFerryError, type ErrorCode } from '../../../src/errors/index.js';

describe('FerryError', () => {
  it('is an Error with a name, code, message, meta and cause', () => {
    const cause = new Error('root');
    const e = new FerryError('CONFIG_INVALID', 'databases.shop.url: expected a jdbc: URL', { key: 'databases.shop.url' }, { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('FerryError');
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toBe('databases.shop.url: expected a jdbc: URL');
    expect(e.meta).toEqual({ key: 'databases.shop.url' });
    expect(e.cause).toBe(cause);
    expect(e.stack).toContain('FerryError');
  });

  it('defaults meta to {}', () => {
    expect(new FerryError('USAGE', 'x').meta).toEqual({});
  });

  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('exitCode of %s follows ERROR_CODES', (code) => {
    expect(new FerryError(code, 'm').exitCode).toBe(ERROR_CODES[code].exit);
  });

  it('serializes to {code, message, meta} without the cause or stack', () => {
    const e = new FerryError('SQL_SYNTAX', 'bad', { line: 2, column: 12 }, { cause: new Error('secret detail') });
    expect(e.toJSON()).toEqual({ code: 'SQL_SYNTAX', message: 'bad', meta: { line: 2, column: 12 } });
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'SQL_SYNTAX', message: 'bad', meta: { line: 2, column: 12 } });
    expect(JSON.stringify(e)).not.toContain('secret detail');
  });
});

describe('isFerryError', () => {
  it('tells FerryErrors from other values', () => {
    expect(isFerryError(new FerryError('CLOSED', 'closed'))).toBe(true);
    expect(isFerryError(new Error('x'))).toBe(false);
    expect(isFerryError({ code: 'CLOSED', message: 'x' })).toBe(false);
    expect(isFerryError(null)).toBe(false);
  });
});
