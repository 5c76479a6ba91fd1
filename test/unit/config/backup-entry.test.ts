import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBackupDatabase, validateConfig } from '../../../src/config/index.js';
import { FerryError } from '../../../src/errors/index.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ferry-key-'));

describe('a backup folder as a database', () => {
  it('becomes a read-only jdbc:ferry-backup entry, its path resolved against the config folder', () => {
    const loaded = validateConfig({ databases: { last: { backup: './bk' } } }, '/srv/app');
    expect(loaded.config.databases.last).toMatchObject({ url: 'jdbc:ferry-backup:./bk', readOnly: true });
  });

  it('takes the key from the variable or file the entry names, never from the config text', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'key'), 'a passphrase of twenty chars\n');
    const fromEnv = validateConfig({ databases: { a: { backup: './bk', encryptKeyEnv: 'BK_KEY' } } }, dir, null, { BK_KEY: '0'.repeat(64) });
    expect(fromEnv.config.databases.a?.password).toBe('0'.repeat(64));
    const fromFile = validateConfig({ databases: { a: { backup: './bk', encryptKeyFile: join(dir, 'key') } } }, dir);
    expect(fromFile.config.databases.a?.password).toBe('a passphrase of twenty chars');
    expect(() => validateConfig({ databases: { a: { backup: './bk', encryptKeyEnv: 'UNSET_FERRY_KEY' } } }, dir, null, {})).toThrow(FerryError);
  });

  it('refuses an entry with both url and backup, or neither', () => {
    expect(() => validateConfig({ databases: { a: { url: 'sqlite:x.db', backup: './bk' } } }, '/')).toThrow(/or backup: FOLDER/);
    expect(() => validateConfig({ databases: { a: {} } }, '/')).toThrow(/or backup: FOLDER/);
  });

  it('is added under a free name for `restore DIR` and `verify --from DIR`', () => {
    const loaded = validateConfig({ databases: { backup: { url: 'sqlite:x.db' } } }, '/');
    const { loaded: withBk, name } = addBackupDatabase(loaded, '/tmp/bk', 'sixteen chars or more');
    expect(name).toBe('backup2');
    expect(withBk.config.databases.backup2).toMatchObject({ url: 'jdbc:ferry-backup:/tmp/bk', readOnly: true, password: 'sixteen chars or more' });
  });
});
