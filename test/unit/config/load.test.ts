import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_FILE, discoverConfig } from '../../../src/config/discover.js';
import { configFromDbFlags, loadConfigFile, resolveConfig, validateConfig } from '../../../src/config/load.js';
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

const SECRET = 'hunter2-do-not-print';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-config-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('loadConfigFile', () => {
  it('reads YAML, leaves defaults to the JVM and remembers the file and its folder', () => {
    const file = write(
      'nested/ferry.yaml',
      ['databases:', '  shop:', '    url: jdbc:sqlite:./shop.db', '  pg:', '    url: jdbc:postgresql://127.0.0.1:5432/test', '    user: postgres', '    schema: public', '    readOnly: true', '    fetchSize: 500', 'drivers: ./drivers', ''].join('\n'),
    );
    const loaded = loadConfigFile(file, {});
    expect(loaded.file).toBe(file);
    expect(loaded.baseDir).toBe(join(dir, 'nested'));
    expect(loaded.config).toEqual({
      databases: {
        shop: { url: 'jdbc:sqlite:./shop.db' },
        pg: { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres', schema: 'public', readOnly: true, fetchSize: 500 },
      },
      drivers: './drivers',
    });
  });

  it('reads JSON by extension', () => {
    const file = write('ferry.json', JSON.stringify({ databases: { h2: { url: 'jdbc:h2:mem:test', user: 'sa', password: '' } } }));
    expect(loadConfigFile(file, {}).config).toEqual({ databases: { h2: { url: 'jdbc:h2:mem:test', user: 'sa', password: '' } } });
  });

  it('resolves a relative path against the working directory', () => {
    const file = write('rel.yaml', 'databases:\n  a:\n    url: jdbc:sqlite:a.db\n');
    const rel = relative(process.cwd(), file);
    const loaded = loadConfigFile(rel, {});
    expect(loaded.file).toBe(rel);
    expect(loaded.baseDir).toBe(dir);
  });

  it('expands ${VAR} from the given environment and keeps $${VAR}', () => {
    const file = write(
      'env.yaml',
      ['databases:', '  pg:', '    url: jdbc:postgresql://${PGHOST}:5432/test', '    user: $${LITERAL}', '    password: ${PGPASSWORD}', ''].join('\n'),
    );
    const db = loadConfigFile(file, { PGHOST: 'db.local', PGPASSWORD: SECRET }).config.databases.pg!;
    expect(db.url).toBe('jdbc:postgresql://db.local:5432/test');
    expect(db.user).toBe('${LITERAL}');
    expect(db.password).toBe(SECRET);
  });

  it('throws ENV_MISSING (exit 2) naming the key when a variable is not set', () => {
    const file = write('env-missing.yaml', 'databases:\n  pg:\n    url: jdbc:postgresql://h/db\n    password: ${PGPASSWORD}\n');
    const e = thrown(() => loadConfigFile(file, {}));
    expect(e.code).toBe('ENV_MISSING');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('databases.pg.password');
    expect(e.message).toContain('PGPASSWORD');
  });

  it('throws CONFIG_NOT_FOUND (exit 2) naming the file and the ways out', () => {
    const e = thrown(() => loadConfigFile(join(dir, 'nope.yaml'), {}));
    expect(e.code).toBe('CONFIG_NOT_FOUND');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('nope.yaml');
    expect(e.message).toContain('--db');
    expect(e.meta).toEqual({ file: join(dir, 'nope.yaml') });
  });

  it('throws CONFIG_INVALID for YAML that does not parse, without echoing the file', () => {
    const file = write('broken.yaml', `databases:\n  shop:\n    url: jdbc:sqlite:x\n    password: ${SECRET}\n   bad: [unclosed\n`);
    const e = thrown(() => loadConfigFile(file, {}));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/broken\.yaml: not valid YAML: /);
    expect(e.message).not.toContain('\n');
    expect(e.message).not.toContain(SECRET);
    expect(e.cause).toBeDefined();
  });

  it('throws CONFIG_INVALID for JSON that does not parse', () => {
    const file = write('broken.json', '{"databases": {');
    const e = thrown(() => loadConfigFile(file, {}));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/broken\.json: not valid JSON: /);
  });

  it('throws CONFIG_INVALID for an empty file', () => {
    const e = thrown(() => loadConfigFile(write('empty.yaml', ''), {}));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('empty.yaml');
  });

  it('names the file, the key path and what was expected', () => {
    const file = write('bad-url.yaml', `databases:\n  shop:\n    url: oracle://user:${SECRET}@h/db\n    password: ${SECRET}\n`);
    const e = thrown(() => loadConfigFile(file, {}));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(`${file}: databases.shop.url: a database URL: postgres://user@host:5432/db, mysql://user@host/db, sqlite:path, duckdb:path, backup:folder, or a JDBC URL such as jdbc:postgresql://host:5432/db`);
    expect(e.meta).toEqual({ file, issues: [{ key: 'databases.shop.url', message: 'a database URL: postgres://user@host:5432/db, mysql://user@host/db, sqlite:path, duckdb:path, backup:folder, or a JDBC URL such as jdbc:postgresql://host:5432/db' }] });
    expect(JSON.stringify(e.toJSON())).not.toContain(SECRET);
  });

  it('rejects unknown keys by name', () => {
    const file = write('unknown.yaml', `databases:\n  shop:\n    url: jdbc:sqlite:x\n    pasword: ${SECRET}\n    fetchsize: 10\nextra: 1\n`);
    const e = thrown(() => loadConfigFile(file, {}));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain("databases.shop: unknown keys 'pasword', 'fetchsize'");
    expect(e.message).toContain("unknown key 'extra'");
    expect(e.message).not.toContain(SECRET);
  });
});

describe('validateConfig', () => {
  const check = (raw: unknown): FerryError => thrown(() => validateConfig(raw, dir, null, {}));

  it('returns the config without defaults (the JVM holds them), the base folder and a null file for inline configs', () => {
    expect(validateConfig({ databases: { shop: { url: 'jdbc:sqlite:shop.db' } } }, dir, null, {})).toEqual({
      config: { databases: { shop: { url: 'jdbc:sqlite:shop.db' } } },
      baseDir: dir,
      file: null,
    });
  });

  it('names a missing required key', () => {
    const e = check({ databases: { shop: { user: 'x' } } });
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/^config: databases\.shop\.url: required \(expected string/);
  });

  it('names a missing databases section and an empty one', () => {
    expect(check({}).message).toMatch(/^config: databases: required/);
    expect(check({ databases: {} }).message).toBe('config: databases: at least one database');
  });

  it('names a wrongly typed key and the expected type', () => {
    const e = check({ databases: { shop: { url: 'jdbc:sqlite:x', fetchSize: 'lots' } } });
    expect(e.message).toContain('databases.shop.fetchSize');
    expect(e.message).toContain('expected number');
    expect(check({ databases: { shop: { url: 'jdbc:sqlite:x', fetchSize: 0 } } }).message).toMatch(/databases\.shop\.fetchSize: .*>0/);
  });

  it('reports every issue, separated by "; "', () => {
    const e = check({ databases: { shop: { url: 'nope', readOnly: 'yes' } } });
    expect(e.message.replace(/^config: /, '').split('; ').map((s) => s.split(':')[0])).toEqual(['databases.shop.url', 'databases.shop.readOnly']);
    expect((e.meta.issues as { key: string }[]).map((i) => i.key)).toEqual(['databases.shop.url', 'databases.shop.readOnly']);
  });

  it('never prints the password when something else is wrong, or when the password itself is', () => {
    const cases = [
      { databases: { shop: { url: `http://x?password=${SECRET}`, password: SECRET } } },
      { databases: { shop: { url: 'jdbc:sqlite:x', password: SECRET, fetchSize: -1 } } },
      { databases: { shop: { url: 'jdbc:sqlite:x', password: SECRET, bogus: SECRET } } },
      { databases: { shop: { url: 'jdbc:sqlite:x', password: 12345678 } } },
      { databases: { shop: { url: 'jdbc:sqlite:x', password: [SECRET] } } },
    ];
    for (const raw of cases) {
      const e = check(raw);
      expect(e.code).toBe('CONFIG_INVALID');
      const all = `${e.message} ${JSON.stringify(e.toJSON())}`;
      expect(all).not.toContain(SECRET);
      expect(all).not.toContain('12345678');
    }
  });

  it('rejects a top level that is not an object', () => {
    expect(check(null).code).toBe('CONFIG_INVALID');
    expect(check([]).code).toBe('CONFIG_INVALID');
    expect(check('databases').code).toBe('CONFIG_INVALID');
  });

  // Bug: load.ts labels every invalid_type issue "required", because zod 4 strips `issue.input`
  // unless parse is called with `reportInput: true`, so `i.input === undefined` always holds.
  // Today: "databases.shop.fetchSize: required (expected number, received string)".
  it('does not call a present but wrongly typed key "required"', () => {
    const e = check({ databases: { shop: { url: 'jdbc:sqlite:x', fetchSize: 'lots' } } });
    expect(e.message).not.toContain('required');
  });

  // Bug: an invalid database name reports zod's generic "Invalid key in record"; the schema's own
  // message ("a database name: letters, digits and _, not starting with a digit") is nested in the
  // invalid_key issue's `issues` and never shown. Today: "config: databases.1shop: Invalid key in record".
  it('says what a database name must look like', () => {
    const e = check({ databases: { '1shop': { url: 'jdbc:sqlite:x' } } });
    expect(e.message).toContain('databases.1shop');
    expect(e.message).toContain('letters, digits and _');
  });

  it('refuses a database named like an SQL reserved word, naming the entry and the word', () => {
    for (const name of ['ref', 'value', 'User', 'ORDER', 'select']) {
      const e = check({ databases: { shop: { url: 'jdbc:sqlite:x' }, [name]: { url: 'jdbc:sqlite:y' } } });
      expect(e.code).toBe('CONFIG_INVALID');
      expect(e.exitCode).toBe(2);
      expect(e.message).toBe(`config: databases.${name}: '${name}' is a reserved word in SQL, so every query would have to write it in double quotes ("${name}"); rename the database, e.g. ${name}_db`);
      expect(e.meta.issues).toEqual([{ key: `databases.${name}`, message: expect.stringContaining('reserved word') }]);
    }
    expect(validateConfig({ databases: { ref_db: { url: 'jdbc:sqlite:x' }, values2: { url: 'jdbc:sqlite:y' } } }, dir, null, {}).config.databases).toHaveProperty('ref_db');
  });

  it('names the file a reserved database name is in', () => {
    const file = write('reserved/ferry.yaml', ['databases:', '  ref:', '    url: jdbc:sqlite:./ref.db', ''].join('\n'));
    const e = thrown(() => loadConfigFile(file, {}));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/ferry\.yaml: databases\.ref: 'ref' is a reserved word/);
  });
});

describe('configFromDbFlags', () => {
  it('builds one database per NAME=JDBC_URL flag, splitting at the first =', () => {
    const loaded = configFromDbFlags(['shop=jdbc:sqlite:./shop.db', 'pg=jdbc:postgresql://h/db?user=a&options=x=y'], {});
    expect(loaded.file).toBe('--db');
    expect(loaded.baseDir).toBe(process.cwd());
    expect(loaded.config.databases).toEqual({
      shop: { url: 'jdbc:sqlite:./shop.db' },
      pg: { url: 'jdbc:postgresql://h/db?user=a&options=x=y' },
    });
  });

  it('throws USAGE (exit 2) for a flag without NAME=', () => {
    for (const flag of ['jdbc:sqlite:x', '=jdbc:sqlite:x', '']) {
      const e = thrown(() => configFromDbFlags([flag], {}));
      expect(e.code).toBe('USAGE');
      expect(e.exitCode).toBe(2);
      expect(e.message).toContain('NAME=URL');
    }
  });

  it('refuses a reserved word as a --db name with CONFIG_INVALID (exit 2)', () => {
    const e = thrown(() => configFromDbFlags(['user=sqlite:./u.db'], {}));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`--db: databases.user: 'user' is a reserved word in SQL`);
    expect(e.message).toContain('"user"');
  });

  it('throws USAGE for a name given twice', () => {
    const e = thrown(() => configFromDbFlags(['a=jdbc:sqlite:x', 'a=jdbc:sqlite:y'], {}));
    expect(e.code).toBe('USAGE');
    expect(e.message).toBe('--db a is given twice');
  });

  it('throws CONFIG_INVALID from --db for a bad name or URL', () => {
    const bad = thrown(() => configFromDbFlags(['shop=sqlite:'], {}));
    expect(bad.code).toBe('CONFIG_INVALID');
    expect(bad.message).toBe('--db: databases.shop.url: a database URL: postgres://user@host:5432/db, mysql://user@host/db, sqlite:path, duckdb:path, backup:folder, or a JDBC URL such as jdbc:postgresql://host:5432/db');
    expect(thrown(() => configFromDbFlags(['my-db=jdbc:sqlite:x'], {})).code).toBe('CONFIG_INVALID');
  });

  // Names inherited from Object.prototype are not "given twice". ('constructor' itself is
  // refused by zod's plain-object check.)
  it('accepts database names that are also Object.prototype members', () => {
    expect(Object.keys(configFromDbFlags(['valueOf=jdbc:sqlite:x', 'toString=jdbc:sqlite:y'], {}).config.databases)).toEqual(['valueOf', 'toString']);
  });
});

describe('resolveConfig', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('rejects --db together with --config as USAGE (exit 2)', () => {
    const e = thrown(() => resolveConfig({ config: 'ferry.yaml', db: ['a=jdbc:sqlite:x'] }, {}));
    expect(e.code).toBe('USAGE');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('--db and --config cannot be combined');
  });

  it('uses --db flags when given', () => {
    expect(resolveConfig({ db: ['a=jdbc:sqlite:x'] }, {}).file).toBe('--db');
  });

  it('uses --config FILE when given', () => {
    const file = write('explicit.yaml', 'databases:\n  a:\n    url: jdbc:sqlite:x\n');
    expect(resolveConfig({ config: file }, {}).file).toBe(file);
  });

  it('falls back to ./ferry.yaml, also when --db is an empty list', () => {
    const home = join(dir, 'cwd-with-config');
    write(`cwd-with-config/${DEFAULT_CONFIG_FILE}`, 'databases:\n  a:\n    url: jdbc:sqlite:x\n');
    process.chdir(home);
    expect(resolveConfig({}, {}).file).toBe('ferry.yaml');
    expect(resolveConfig({ db: [] }, {}).config.databases.a?.url).toBe('jdbc:sqlite:x');
  });

  it('finds ferry.yaml in a parent folder, as git finds .git', () => {
    write(`cwd-with-config/${DEFAULT_CONFIG_FILE}`, 'databases:\n  a:\n    url: jdbc:sqlite:x\n');
    mkdirSync(join(dir, 'cwd-with-config', 'src', 'deep'), { recursive: true });
    process.chdir(join(dir, 'cwd-with-config', 'src', 'deep'));
    const loaded = resolveConfig({}, {});
    expect(loaded.file).toBe(join('..', '..', 'ferry.yaml'));
    expect(loaded.baseDir).toBe(join(dir, 'cwd-with-config'));
  });

  it('prefers FERRY_CONFIG to a ferry.yaml nearby', () => {
    const file = write('named-by-env.yaml', 'databases:\n  fromenv:\n    url: jdbc:sqlite:y\n');
    write(`cwd-with-config/${DEFAULT_CONFIG_FILE}`, 'databases:\n  a:\n    url: jdbc:sqlite:x\n');
    process.chdir(join(dir, 'cwd-with-config'));
    expect(Object.keys(resolveConfig({}, { FERRY_CONFIG: file }).config.databases)).toEqual(['fromenv']);
    expect(discoverConfig(process.cwd(), {})).toBe(join(dir, 'cwd-with-config', 'ferry.yaml'));
  });

  it('reports CONFIG_NOT_FOUND for a missing ./ferry.yaml', () => {
    mkdirSync(join(dir, 'empty-cwd'), { recursive: true });
    process.chdir(join(dir, 'empty-cwd'));
    const e = thrown(() => resolveConfig({}, {}));
    expect(e.code).toBe('CONFIG_NOT_FOUND');
    expect(e.message).toContain('ferry.yaml');
    expect(e.message).toContain('FERRY_CONFIG');
  });
});

describe('an entry naming an unset ${VAR}', () => {
  it('is set aside with its ENV_MISSING error while the other entries load', () => {
    const loaded = validateConfig({ databases: { ok: { url: 'jdbc:sqlite:x' }, envy: { url: 'jdbc:postgresql://h/db', password: '${I12A_NOT_SET}' } } }, '/base', null, {});
    expect(Object.keys(loaded.config.databases)).toEqual(['ok']);
    expect(loaded.unusable?.envy?.code).toBe('ENV_MISSING');
    expect(loaded.unusable?.envy?.message).toContain('databases.envy.password: environment variable I12A_NOT_SET is not set');
  });
});
