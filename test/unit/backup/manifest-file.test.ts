import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBackupFolder, readManifest } from '../../../src/backup/manifest-file.js';
import { FerryError } from '../../../src/errors/index.js';
import { backupListText, positionText } from '../../../src/cli/render/backup-text.js';

/** A manifest as `ferry backup` writes it: one table of two chunks, encrypted with a passphrase. */
const MANIFEST = {
  format: 'ferry-backup',
  version: 1,
  createdAt: '2026-11-30T12:00:00Z',
  source: { database: 'pg', engine: 'postgresql', product: 'PostgreSQL', productVersion: '15.20', namespace: 'app' },
  position: { lsn: '0/3A5F1C8' },
  compression: 'zstd',
  encryption: { cipher: 'AES-256-GCM', segmentBytes: 1048576, kdf: 'PBKDF2-SHA256', iterations: 600000, salt: 'c2FsdHNhbHRzYWx0c2FsdA==', keyCheck: 'abc' },
  schema: { format: 'ferry-snapshot/1', database: 'pg', engine: 'PostgreSQL', engineVersion: '15.20', takenAt: '2026-11-30T12:00:00Z', tables: [], views: [] },
  tables: [{
    name: 'orders',
    columns: [{ label: 'id', jdbcType: -5, typeName: 'BIGINT', precision: 19, scale: 0, nullable: false }],
    key: ['id'],
    rows: 1500,
    checksum: '-42',
    identityNext: { id: 1501 },
    chunks: [
      { file: 'tables/0001-orders/000001.arrow', rows: 1000, bytes: 2_000_000, sha256: 'aa', checksum: '1', keyMin: '1', keyMax: '1000' },
      { file: 'tables/0001-orders/000002.arrow', rows: 500, bytes: 1_250_000, sha256: 'bb', checksum: '-43', keyMin: '1001', keyMax: '1500' },
    ],
  }],
  notes: [],
};

function folder(manifest: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-manifest-'));
  if (manifest !== undefined) writeFileSync(join(dir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  return dir;
}

describe('a backup manifest read without the JVM', () => {
  it('reads what ferry backup wrote and lists it', () => {
    const dir = folder(MANIFEST);
    expect(isBackupFolder(dir)).toBe(true);
    const m = readManifest(dir);
    expect(m.tables[0]?.rows).toBe(1500);
    const text = backupListText(dir, m);
    expect(text).toContain("backup of 'pg' (PostgreSQL 15.20, app)");
    expect(text).toContain('AES-256-GCM (key: passphrase, PBKDF2-SHA256)');
    expect(text).toContain('WAL LSN 0/3A5F1C8');
    expect(text).toMatch(/orders\s+1,500\s+2\s+3\.25 MB\s+id/);
  });

  it('reads a manifest written before indexes kept their order and foreign keys their actions', () => {
    const orders = {
      name: 'orders', schema: 'app', columns: [], primaryKey: { name: 'orders_pkey', columns: ['id'] }, uniques: [],
      foreignKeys: [{ name: 'orders_customer', columns: ['customer_id'], refSchema: 'app', refTable: 'customers', refColumns: ['id'] }],
      indexes: [{ name: 'orders_pkey', columns: ['id'], unique: true, predicate: null }],
      checks: [], partitionOf: null, partitionBy: null, partitionBound: null,
    };
    const m = readManifest(folder({ ...MANIFEST, schema: { ...MANIFEST.schema, tables: [orders] } }));
    expect(m.schema.tables[0]?.foreignKeys[0]?.onDelete).toBeUndefined();
    expect(m.schema.tables[0]?.indexes[0]?.descending).toBeUndefined();
  });

  it('tells a folder without a manifest, another format version and a damaged manifest apart', () => {
    const empty = folder(undefined);
    mkdirSync(join(empty, 'tables'));
    expect(isBackupFolder(empty)).toBe(false);
    const codeOf = (dir: string): string => {
      try {
        readManifest(dir);
        return 'none';
      } catch (e) {
        return (e as FerryError).code;
      }
    };
    expect(codeOf(empty)).toBe('BACKUP_NOT_FOUND');
    expect(codeOf(folder({ ...MANIFEST, version: 2 }))).toBe('BACKUP_FORMAT');
    expect(codeOf(folder('{"format": "ferry-backup", "version": 1'))).toBe('BACKUP_CORRUPT');
    expect(codeOf(folder({ ...MANIFEST, tables: 'none' }))).toBe('BACKUP_CORRUPT');
    expect(codeOf(folder({ format: 'something-else' }))).toBe('BACKUP_NOT_FOUND');
  });

  it('says log positions as a person reads them', () => {
    expect(positionText({ binlogFile: 'mysql-bin.000003', binlogPosition: '4711', gtid: '0-1-42' })).toBe('binlog mysql-bin.000003:4711, GTID 0-1-42');
    expect(positionText({})).toBe('');
  });
});
