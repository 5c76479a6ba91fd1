import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromDbFlags, validateConfig } from '../../../src/config/load.js';
import { ambientPassword } from '../../../src/config/passwords.js';
import { toJdbc } from '../../../src/config/url-forms.js';
import { scrubSecrets } from '../../../src/errors/index.js';

describe('toJdbc', () => {
  it('turns postgres:// and postgresql:// into JDBC URLs, credentials taken out', () => {
    expect(toJdbc('postgres://app:s%40cret@db.local:6543/shop?sslmode=require&connectTimeout=5')).toEqual({
      url: 'jdbc:postgresql://db.local:6543/shop?sslmode=require&connectTimeout=5', user: 'app', password: 's@cret',
    });
    expect(toJdbc('postgresql://127.0.0.1/test')).toEqual({ url: 'jdbc:postgresql://127.0.0.1/test' });
    expect(toJdbc('postgres:///test')).toEqual({ url: 'jdbc:postgresql://localhost/test' });
  });

  it('turns mysql:// and mariadb:// into MariaDB JDBC URLs', () => {
    expect(toJdbc('mysql://root@127.0.0.1:3306/app')).toEqual({ url: 'jdbc:mariadb://127.0.0.1:3306/app', user: 'root' });
    expect(toJdbc('mariadb://u:pw@[::1]/app?useSsl=true')).toEqual({ url: 'jdbc:mariadb://[::1]/app?useSsl=true', user: 'u', password: 'pw' });
  });

  it('turns sqlite:path and duckdb:path into file URLs', () => {
    expect(toJdbc('sqlite:./shop.db')).toEqual({ url: 'jdbc:sqlite:./shop.db' });
    expect(toJdbc('sqlite:///var/data/shop.db')).toEqual({ url: 'jdbc:sqlite:/var/data/shop.db' });
    expect(toJdbc('duckdb:warehouse.duckdb')).toEqual({ url: 'jdbc:duckdb:warehouse.duckdb' });
  });

  it('leaves JDBC URLs alone', () => {
    expect(toJdbc('jdbc:postgresql://h/db?user=x')).toEqual({ url: 'jdbc:postgresql://h/db?user=x' });
  });
});

describe('passwords from the environment', () => {
  it('takes the URL form and its credentials in a config, the entry winning over the URL', () => {
    const loaded = validateConfig({ databases: { pg: { url: 'postgres://app:urlpw@h/db', password: 'entrypw' }, my: { url: 'mysql://root:rootpw@h/app' } } }, '/base', null, {});
    expect(loaded.config.databases.pg).toEqual({ url: 'jdbc:postgresql://h/db', user: 'app', password: 'entrypw' });
    expect(loaded.config.databases.my).toEqual({ url: 'jdbc:mariadb://h/app', user: 'root', password: 'rootpw' });
    expect(scrubSecrets('login failed for rootpw')).toBe('login failed for ***');
  });

  it('reads PGPASSWORD and MYSQL_PWD when the config has no password', () => {
    const env = { PGPASSWORD: 'pg-env-pw', MYSQL_PWD: 'my-env-pw' };
    const loaded = configFromDbFlags(['pg=postgres://app@h/db', 'my=mysql://root@h/app', 'lite=sqlite:x.db'], env);
    expect(loaded.config.databases.pg?.password).toBe('pg-env-pw');
    expect(loaded.config.databases.my?.password).toBe('my-env-pw');
    expect(loaded.config.databases.lite?.password).toBeUndefined();
    expect(scrubSecrets('pg-env-pw my-env-pw')).toBe('*** ***');
  });

  it('reads ~/.pgpass as libpq does: first matching line, * as a wildcard, \\: escaped', () => {
    const home = mkdtempSync(join(tmpdir(), 'i12a-pgpass-'));
    writeFileSync(join(home, '.pgpass'), '# comment\nother:5432:*:app:wrong\ndb.local:6543:shop:app:pa\\:ss\n*:*:*:*:fallback\n');
    expect(ambientPassword('jdbc:postgresql://db.local:6543/shop', 'app', { HOME: home })).toBe('pa:ss');
    expect(ambientPassword('jdbc:postgresql://db.local:5432/shop', 'app', { HOME: home })).toBe('fallback');
    expect(ambientPassword('jdbc:postgresql://db.local/shop', 'app', { HOME: home, PGPASSWORD: 'env' })).toBe('env');
    expect(ambientPassword('jdbc:postgresql://u:inurl@db.local/shop', 'app', { HOME: home })).toBeUndefined();
    expect(ambientPassword('jdbc:mariadb://db.local/shop', 'app', { HOME: home })).toBeUndefined();
  });
});
