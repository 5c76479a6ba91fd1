import { describe, expect, it } from 'vitest';
import { databaseSpecDefaults } from '../../../src/bridge/contract.gen.js';
import { configSchema, databaseSchema } from '../../../src/config/schema.js';
import { defineConfig } from '../../../src/config/define-config.js';

describe('databaseSchema', () => {
  it('leaves readOnly and fetchSize unset: their defaults live once, on the JVM\'s DatabaseSpec', () => {
    expect(databaseSchema.parse({ url: 'jdbc:sqlite:shop.db' })).toEqual({ url: 'jdbc:sqlite:shop.db' });
    expect(databaseSpecDefaults).toEqual({ readOnly: false, fetchSize: 10_000 });
  });

  it('keeps every optional field', () => {
    const db = { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres', password: 'pw', schema: 'public', readOnly: true, fetchSize: 500 };
    expect(databaseSchema.parse(db)).toEqual(db);
  });

  it('accepts any jdbc:<subprotocol>: URL and the URL forms users type, and rejects others', () => {
    for (const url of ['jdbc:sqlite::memory:', 'JDBC:H2:mem:x', 'jdbc:mysql://h/db', 'jdbc:sqlserver://h;databaseName=x', 'postgresql://h/db', 'postgres://u:p@h:5433/db', 'mysql://root@h/db', 'mariadb://h/db', 'sqlite:shop.db', 'duckdb:./a.duckdb']) {
      expect(databaseSchema.safeParse({ url }).success, url).toBe(true);
    }
    for (const url of ['oracle://h/db', 'jdbc:', 'jdbc::x', '', 'sqlite:', 'postgres:h/db', 'shop.db']) {
      expect(databaseSchema.safeParse({ url }).success, url).toBe(false);
    }
  });

  it('bounds fetchSize to a positive integer up to 1,000,000', () => {
    for (const fetchSize of [1, 1_000_000]) expect(databaseSchema.safeParse({ url: 'jdbc:x:y', fetchSize }).success).toBe(true);
    for (const fetchSize of [0, -1, 1.5, 1_000_001]) expect(databaseSchema.safeParse({ url: 'jdbc:x:y', fetchSize }).success).toBe(false);
  });

  it('rejects an empty schema and unknown keys', () => {
    expect(databaseSchema.safeParse({ url: 'jdbc:x:y', schema: '' }).success).toBe(false);
    expect(databaseSchema.safeParse({ url: 'jdbc:x:y', pasword: 'x' }).success).toBe(false);
  });
});

describe('configSchema', () => {
  it('needs at least one database and a SQL-identifier name for each, not a reserved word', () => {
    expect(configSchema.safeParse({ databases: {} }).success).toBe(false);
    expect(configSchema.safeParse({ databases: { shop_2: { url: 'jdbc:x:y' }, _x: { url: 'jdbc:x:y' } } }).success).toBe(true);
    for (const name of ['2shop', 'my-db', 'a b', '', 'ref', 'Value', 'USER']) {
      expect(configSchema.safeParse({ databases: { [name]: { url: 'jdbc:x:y' } } }).success, name).toBe(false);
    }
  });

  it('takes an optional non-empty drivers folder and nothing else at the top level', () => {
    expect(configSchema.parse({ databases: { a: { url: 'jdbc:x:y' } }, drivers: './drivers' }).drivers).toBe('./drivers');
    expect(configSchema.safeParse({ databases: { a: { url: 'jdbc:x:y' } }, drivers: '' }).success).toBe(false);
    expect(configSchema.safeParse({ databases: { a: { url: 'jdbc:x:y' } }, extra: 1 }).success).toBe(false);
  });
});

describe('defineConfig', () => {
  it('returns its argument unchanged', () => {
    const config = { databases: { shop: { url: 'jdbc:sqlite:./shop.db' } } };
    expect(defineConfig(config)).toBe(config);
  });
});
