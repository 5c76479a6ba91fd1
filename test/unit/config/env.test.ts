import { describe, expect, it } from 'vitest';
import { expandEnv } from '../../../src/config/env.js';
import { FerryError } from '../../../src/errors/index.js';

function thrown(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FerryError);
    return e as FerryError;
  }
  throw new Error('expected a FerryError');
}

describe('expandEnv', () => {
  const env = { PGPASSWORD: 's3cret', HOST: 'db.local', PORT: '5432', EMPTY: '' };

  it('replaces ${VAR} anywhere in a string, several times', () => {
    expect(expandEnv('${PGPASSWORD}', env)).toBe('s3cret');
    expect(expandEnv('jdbc:postgresql://${HOST}:${PORT}/db?x=${HOST}', env)).toBe('jdbc:postgresql://db.local:5432/db?x=db.local');
    expect(expandEnv('[${EMPTY}]', env)).toBe('[]');
  });

  it('keeps $${VAR} as a literal ${VAR} without looking the variable up', () => {
    expect(expandEnv('$${PGPASSWORD}', env)).toBe('${PGPASSWORD}');
    expect(expandEnv('$${NOT_SET_ANYWHERE}', {})).toBe('${NOT_SET_ANYWHERE}');
    expect(expandEnv('a$${HOST}b${HOST}', env)).toBe('a${HOST}bdb.local');
  });

  it('leaves text that is not a ${NAME} reference alone', () => {
    expect(expandEnv('$HOST ${1BAD} ${} $ {HOST} cost: $5', env)).toBe('$HOST ${1BAD} ${} $ {HOST} cost: $5');
  });

  it('walks objects and arrays and leaves non-strings untouched', () => {
    const input = { databases: { pg: { url: 'jdbc:postgresql://${HOST}/db', readOnly: true, fetchSize: 10, user: null } }, list: ['${PORT}', 1] };
    expect(expandEnv(input, env)).toEqual({ databases: { pg: { url: 'jdbc:postgresql://db.local/db', readOnly: true, fetchSize: 10, user: null } }, list: ['5432', 1] });
    expect(input.databases.pg.url).toBe('jdbc:postgresql://${HOST}/db');
  });

  it('throws ENV_MISSING naming the key and the variable, not other values', () => {
    const e = thrown(() => expandEnv({ databases: { shop: { url: 'jdbc:postgresql://${HOST}/db', password: '${MISSING_PW}' } } }, env));
    expect(e.code).toBe('ENV_MISSING');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('databases.shop.password');
    expect(e.message).toContain('MISSING_PW');
    expect(e.message).not.toContain('db.local');
    expect(e.meta).toEqual({ key: 'databases.shop.password', variable: 'MISSING_PW' });
  });

  it('names array positions and a bare string as "config"', () => {
    expect(thrown(() => expandEnv({ list: ['ok', '${NOPE}'] }, {})).meta).toEqual({ key: 'list[1]', variable: 'NOPE' });
    expect(thrown(() => expandEnv('${NOPE}', {})).message).toMatch(/^config: environment variable NOPE is not set/);
  });
});
