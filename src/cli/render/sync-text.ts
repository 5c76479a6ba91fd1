import type { SyncDropped, SyncProgress, SyncResult, SyncStatus } from '../../sync/events.js';
import { thousands } from './numbers.js';

/** One live line of a running sync's progress. */
export function syncProgressLine(p: SyncProgress, perSecond: number): string {
  const pos = p.position ? `, at ${p.position}` : '';
  if (p.phase === 'starting') return 'starting the change stream (connecting to the source log)…';
  const rate = perSecond > 0 ? ` (${thousands(Math.round(perSecond))}/s)` : '';
  const latency = p.changes > 0 ? `, last change visible ${p.latencySeconds.toFixed(1)} s after its commit` : '';
  return `${p.caughtUp ? 'caught up; ' : ''}${thousands(p.changes)} changes applied in ${thousands(p.batches)} transactions${rate}${latency}${pos}`;
}

function tableLines(tables: SyncResult['tables']): string {
  const width = Math.max(5, ...tables.map((t) => t.table.length));
  return tables.map((t) => `  ${t.table.padEnd(width)}  ${t.state.padEnd(7)}  +${thousands(t.inserts)} ~${thousands(t.updates)} -${thousands(t.deletes)}\n`).join('');
}

/** How a sync run ended, for a person. */
export function syncResultText(r: SyncResult): string {
  const why = r.reason === 'caught-up' ? 'caught up: every change committed on the source before streaming began is applied' : 'stopped';
  return `ferry sync: ${why}; ${thousands(r.changes)} changes applied in ${thousands(r.batches)} transactions over ${r.seconds.toFixed(1)} s${r.position ? `, position ${r.position}` : ''}\n`
    + `tables (inserted ~updated -deleted since the sync started):\n${tableLines(r.tables)}`;
}

/** `ferry sync status`, for a person. */
export function syncStatusText(s: SyncStatus): string {
  const behind = s.bytesBehind === 0 ? 'up to date' : s.bytesBehind < 0 ? 'behind (by an amount the engine cannot tell)' : `behind by ${thousands(s.bytesBehind)} bytes of log`;
  const lag = s.lagSeconds > 0 ? `, last applied ${s.lagSeconds.toFixed(1)} s ago` : '';
  return `sync ${s.job}: ${s.source} → ${s.target}, ${s.state}\n`
    + `  started at     ${s.start}\n`
    + `  applied up to  ${s.applied ?? '(nothing yet)'}${s.appliedAt ? ` (at ${s.appliedAt} UTC)` : ''}\n`
    + `  source at      ${s.sourcePosition}: ${behind}${lag}\n`
    + `tables (inserted ~updated -deleted since the sync started):\n${tableLines(s.tables)}`
    + s.notes.map((n) => `note: ${n}\n`).join('');
}

/** `ferry sync --drop`, for a person. */
export function syncDroppedText(d: SyncDropped): string {
  return `ferry sync: dropped sync ${d.job}:\n${d.removed.map((r) => `  ${r}\n`).join('')}`;
}
