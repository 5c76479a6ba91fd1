import type { BackupManifest, BackupResult } from '../../backup/events.js';
import { aligned } from './aligned.js';
import { counted, sizeText, thousands } from './numbers.js';

/** Where a snapshot stands in its source's log, in words (`LSN 0/3000148`), or ''. */
export function positionText(position: Readonly<Record<string, string>>): string {
  if (position.lsn) return `WAL LSN ${position.lsn}`;
  if (position.binlogFile) return `binlog ${position.binlogFile}:${position.binlogPosition ?? '?'}${position.gtid ? `, GTID ${position.gtid}` : ''}`;
  return '';
}

/** A finished backup: per table rows, files and size, then the totals and the snapshot position. */
export function backupResultText(r: BackupResult): string {
  const rows = r.tables.map((t) => [t.table, thousands(t.rows), String(t.files), sizeText(t.bytes), `${t.seconds.toFixed(1)} s`]);
  const out = [aligned(['table', 'rows', 'files', 'size', 'time'], rows).trimEnd(), ''];
  const where = positionText(r.position);
  out.push(`backed up ${counted(r.tables.length, 'table')}, ${counted(r.rows, 'row')}, ${sizeText(r.bytes)} in ${counted(r.files, 'file')} (${r.compression}${r.encrypted ? ', AES-256-GCM' : ''}) to ${r.output} in ${r.seconds.toFixed(1)} s`);
  if (where) out.push(`one snapshot of '${r.database}' at ${where}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  return `${out.join('\n')}\n`;
}

/** What a backup holds (`ferry backup --list DIR`). */
export function backupListText(dir: string, m: BackupManifest): string {
  const bytes = (t: BackupManifest['tables'][number]): number => t.chunks.reduce((s, c) => s + c.bytes, 0);
  const rows = m.tables.map((t) => [t.name, thousands(t.rows), String(t.chunks.length), sizeText(bytes(t)), t.key.join(', ') || '-']);
  const where = positionText(m.position);
  const out = [
    `${dir}: backup of '${m.source.database}' (${m.source.product} ${m.source.productVersion}${m.source.namespace ? `, ${m.source.namespace}` : ''}) taken ${m.createdAt}`,
    `format ${m.format} v${m.version}, ${m.compression}${m.encryption ? `, ${m.encryption.cipher} (key: ${m.encryption.kdf === 'none' ? '64 hex digits' : `passphrase, ${m.encryption.kdf}`})` : ', not encrypted'}${where ? `, at ${where}` : ''}`,
    '',
    aligned(['table', 'rows', 'files', 'size', 'primary key'], rows).trimEnd(),
    '',
    `${counted(m.tables.length, 'table')}, ${counted(m.tables.reduce((s, t) => s + t.rows, 0), 'row')}, ${sizeText(m.tables.reduce((s, t) => s + bytes(t), 0))}${m.schema.views.length ? `; ${counted(m.schema.views.length, 'view')} (${m.schema.views.map((v) => v.name).join(', ')})` : ''}`,
  ];
  return `${out.join('\n')}\n`;
}
