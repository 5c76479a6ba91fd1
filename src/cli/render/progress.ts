import { counted, thousands } from './numbers.js';
import type { CopyEvent, CopyTableResult } from '../../copy/events.js';

/** How progress is shown: bars on a terminal, log lines otherwise, JSON lines with `--json`. */
export type ProgressStyle = 'tty' | 'plain' | 'json';

interface Line {
  table: string;
  text: string;
}

const BAR = 24;


function rate(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : n.toFixed(0);
}

function clock(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One table's progress line: bar, rows, rate and ETA. */
export function progressLine(e: Extract<CopyEvent, { kind: 'progress' }>): string {
  const fraction = e.rowsTotal ? e.rows / e.rowsTotal : e.chunksTotal ? e.chunksDone / e.chunksTotal : 0;
  const filled = Math.max(0, Math.min(BAR, Math.round(fraction * BAR)));
  const of = e.rowsTotal ? `/${thousands(e.rowsTotal)}` : '';
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${thousands(e.rows)}${of} rows  ${rate(e.rowsPerSecond)} rows/s  chunk ${e.chunksDone}/${e.chunksTotal}  ETA ${clock(e.etaSeconds)}`;
}

/**
 * Renders copy events: redrawn bars per table on a terminal, one line per chunk and table when
 * piped, the events themselves as JSON lines with `--json`.
 *
 * @example
 * const show = progressRenderer('plain', process.stderr); show({ kind: 'note', table: 't', message: 'hi' });
 */
export function progressRenderer(style: ProgressStyle, out: NodeJS.WritableStream): (e: CopyEvent) => void {
  if (style === 'json') return (e) => out.write(`${JSON.stringify(e)}\n`);
  const lines: Line[] = [];
  const lastChunk = new Map<string, number>();
  let drawn = 0;
  const width = 8;
  const redraw = (): void => {
    const w = Math.max(width, ...lines.map((l) => l.table.length));
    let s = drawn > 0 ? `\x1b[${drawn}A` : '';
    for (const l of lines) s += `\x1b[2K${l.table.padEnd(w)}  ${l.text}\n`;
    if (run.tables > 1) s += `\x1b[2K${'overall'.padEnd(w)}  ${overall()}\n`;
    drawn = lines.length + (run.tables > 1 ? 1 : 0);
    out.write(s);
  };
  const set = (table: string, text: string): void => {
    const l = lines.find((x) => x.table === table);
    if (l) l.text = text;
    else lines.push({ table, text });
  };
  // The whole run, for the overall line of a copy of several tables.
  const run = { tables: 0, done: 0, rows: new Map<string, number>(), totals: new Map<string, number>(), rates: new Map<string, number>() };
  const overall = (): string => {
    const rows = [...run.rows.values()].reduce((a, b) => a + b, 0);
    const total = [...run.totals.values()].reduce((a, b) => a + b, 0);
    const rate = [...run.rates.values()].reduce((a, b) => a + b, 0);
    const eta = run.totals.size === run.tables && rate > 0 ? Math.max(0, total - rows) / rate : null;
    return `table ${Math.min(run.done + 1, run.tables)} of ${run.tables}, ${thousands(rows)}${run.totals.size === run.tables ? `/${thousands(total)}` : ''} rows, ETA ${clock(run.done === run.tables ? 0 : eta)}`;
  };
  const track = (e: CopyEvent): void => {
    if (e.kind === 'stage' && e.tables !== null) run.tables = e.tables;
    if (e.kind === 'start' && e.rowsTotal !== null) run.totals.set(e.table, e.rowsTotal);
    if (e.kind === 'progress') {
      run.rows.set(e.table, e.rows);
      run.rates.set(e.table, e.rowsPerSecond);
    }
    if (e.kind === 'done' || e.kind === 'failed') {
      run.done++;
      run.rates.delete(e.table);
      if (e.kind === 'done') run.rows.set(e.table, e.rows);
    }
  };
  return (e) => {
    track(e);
    if (e.kind === 'stage') {
      out.write(`ferry: ${e.message} …\n`);
      drawn = 0;
      return;
    }
    if (e.kind === 'summary') return;
    if (style === 'plain') {
      switch (e.kind) {
        case 'plan':
          out.write(`${e.table}: plan ${counted(e.chunks.length, 'chunk')} on ${e.key.length ? e.key.join(', ') : 'no key'}${e.resumeFrom ? `, resuming after ${e.resumeFrom}` : ''}\n`);
          for (const d of e.ddl) out.write(`  ${d}\n`);
          for (const d of e.indexes) out.write(`  ${d}\n`);
          for (const n of e.notes) out.write(`  note: ${n}\n`);
          break;
        case 'start':
          out.write(`${e.table}: copying in ${counted(e.chunksTotal, 'chunk')}${e.resumeFrom ? `, resuming after ${e.resumeFrom}` : ''}\n`);
          break;
        case 'progress':
          if ((lastChunk.get(e.table) ?? 0) !== e.chunksDone) {
            lastChunk.set(e.table, e.chunksDone);
            out.write(`${e.table}: chunk ${e.chunksDone}/${e.chunksTotal} committed, ${counted(e.rows, 'row')}, ${rate(e.rowsPerSecond)} rows/s\n`);
          }
          break;
        case 'note':
          out.write(`${e.table}: note: ${e.message}\n`);
          break;
        case 'done':
          out.write(`${e.table}: done, ${counted(e.rows, 'row')} in ${e.seconds.toFixed(1)} s (${rate(e.rowsPerSecond)} rows/s)${e.resumedFrom ? `, resumed after ${e.resumedFrom}` : ''}\n`);
          break;
        case 'failed':
          out.write(`${e.table}: FAILED [${e.error.code}] ${e.error.message}\n`);
          break;
      }
      if ((e.kind === 'done' || e.kind === 'failed') && run.tables > 1) out.write(`overall: ${run.done} of ${run.tables} tables finished, ${counted([...run.rows.values()].reduce((a, b) => a + b, 0), 'row')}\n`);
      return;
    }
    switch (e.kind) {
      case 'plan':
        set(e.table, `${counted(e.chunks.length, 'chunk')}, ${counted(e.ddl.length, 'DDL statement')}`);
        break;
      case 'start':
        set(e.table, `starting (${counted(e.chunksTotal, 'chunk')})`);
        break;
      case 'progress':
        set(e.table, progressLine(e));
        break;
      case 'note':
        out.write(`${e.table}: note: ${e.message}\n`);
        drawn = 0;
        break;
      case 'done':
        set(e.table, `✓ ${counted(e.rows, 'row')} in ${e.seconds.toFixed(1)} s (${rate(e.rowsPerSecond)} rows/s)`);
        break;
      case 'failed':
        set(e.table, `✗ [${e.error.code}] ${e.error.message.split('\n')[0]}`);
        break;
    }
    redraw();
  };
}

/** The summary table printed after a copy. */
export function copySummary(results: readonly CopyTableResult[]): string {
  const rows = results.map((r) => [r.table, thousands(r.rows), r.seconds.toFixed(1), r.seconds > 0 ? rate(r.rows / r.seconds) : '-', r.ok ? 'ok' : `FAILED ${r.error?.code ?? ''}`]);
  const head = ['table', 'rows', 'seconds', 'rows/s', 'status'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ').trimEnd();
  return `${[fmt(head), fmt(w.map((n) => '-'.repeat(n))), ...rows.map(fmt)].join('\n')}\n`;
}
