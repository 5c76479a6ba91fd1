import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../../src/copy/progress-meter.js';
import { copySummary, progressLine, progressRenderer } from '../../../src/cli/render/progress.js';
import { counted } from '../../../src/cli/render/numbers.js';
import type { CopyEvent } from '../../../src/copy/events.js';

function sink(): { out: NodeJS.WritableStream; text: () => string } {
  let buf = '';
  return { out: { write: (s: string) => ((buf += s), true) } as unknown as NodeJS.WritableStream, text: () => buf };
}

describe('ProgressMeter', () => {
  it('measures rows per second over its window and estimates time left', () => {
    const m = new ProgressMeter(5000);
    expect(m.rate()).toBe(0);
    m.sample(0, 0);
    m.sample(1000, 500_000);
    expect(m.rate()).toBe(500_000);
    expect(m.eta(1_000_000)).toBe(1);
    expect(m.eta(null)).toBeNull();
    m.sample(7000, 800_000);
    // The first sample left the 5 s window: (800k - 500k) over 6 s.
    expect(m.rate()).toBe(50_000);
  });
});

describe('progress rendering', () => {
  const progress: Extract<CopyEvent, { kind: 'progress' }> = { kind: 'progress', table: 'orders', rows: 500_000, rowsTotal: 1_000_000, chunksDone: 5, chunksTotal: 10, rowsPerSecond: 812_000, etaSeconds: 65 };

  it('draws a bar with rows, rate, chunk and ETA', () => {
    expect(progressLine(progress)).toBe('[████████████░░░░░░░░░░░░]  50%  500,000/1,000,000 rows  812k rows/s  chunk 5/10  ETA 1:05');
  });

  it('falls back to chunks when the row total is unknown', () => {
    expect(progressLine({ ...progress, rowsTotal: null, chunksDone: 1, chunksTotal: 4, etaSeconds: null })).toMatch(/^\[██████░+\]  25%  500,000 rows .* ETA --:--$/);
  });

  it('writes JSON lines with --json', () => {
    const s = sink();
    const show = progressRenderer('json', s.out);
    show(progress);
    show({ kind: 'done', table: 'orders', rows: 1, chunks: 1, seconds: 1, rowsPerSecond: 1, resumedFrom: null });
    expect(s.text().trim().split('\n').map((l) => JSON.parse(l).kind)).toEqual(['progress', 'done']);
  });

  it('logs one line per committed chunk when not on a terminal', () => {
    const s = sink();
    const show = progressRenderer('plain', s.out);
    show({ kind: 'start', table: 'orders', rowsTotal: null, chunksTotal: 10, resumeFrom: null });
    show(progress);
    show(progress);
    show({ ...progress, chunksDone: 6, rows: 600_000 });
    show({ kind: 'failed', table: 'orders', error: { code: 'COPY_VALUE_REJECTED', message: 'too long' } });
    expect(s.text()).toBe([
      'orders: copying in 10 chunks',
      'orders: chunk 5/10 committed, 500,000 rows, 812k rows/s',
      'orders: chunk 6/10 committed, 600,000 rows, 812k rows/s',
      'orders: FAILED [COPY_VALUE_REJECTED] too long',
      '',
    ].join('\n'));
  });

  it('redraws one line per table on a terminal', () => {
    const s = sink();
    const show = progressRenderer('tty', s.out);
    show({ kind: 'start', table: 'a', rowsTotal: null, chunksTotal: 1, resumeFrom: null });
    show({ kind: 'start', table: 'bb', rowsTotal: null, chunksTotal: 2, resumeFrom: null });
    expect(s.text()).toContain('\x1b[1A');
    expect(s.text().endsWith('\x1b[2Ka         starting (1 chunk)\n\x1b[2Kbb        starting (2 chunks)\n')).toBe(true);
  });

  it('summarizes the tables', () => {
    expect(copySummary([{ table: 'orders', ok: true, rows: 1_000_000, seconds: 2 }, { table: 'x', ok: false, rows: 0, seconds: 0, error: { code: 'COPY_VALUE_REJECTED', message: '' } }])).toBe([
      'table        rows  seconds  rows/s  status',
      '------  ---------  -------  ------  --------------------------',
      'orders  1,000,000      2.0    500k  ok',
      'x               0      0.0       -  FAILED COPY_VALUE_REJECTED',
      '',
    ].join('\n'));
  });
});

describe('counted', () => {
  it('says 1 chunk and N chunks, with thousands separators', () => {
    expect([counted(1, 'chunk'), counted(0, 'chunk'), counted(1234, 'row')]).toEqual(['1 chunk', '0 chunks', '1,234 rows']);
  });
});

describe('the overall view of a copy of several tables', () => {
  const stage = (tables: number): CopyEvent => ({ kind: 'stage', stage: 'copying', tables, message: `copying ${tables} tables` });
  const start = (table: string, rowsTotal: number): CopyEvent => ({ kind: 'start', table, rowsTotal, chunksTotal: 2, resumeFrom: null });
  const done = (table: string, rows: number): CopyEvent => ({ kind: 'done', table, rows, chunks: 2, seconds: 1, rowsPerSecond: rows, resumedFrom: null });

  it('says what it is doing at once, then adds an overall line under the tables on a terminal', () => {
    const s = sink();
    const show = progressRenderer('tty', s.out);
    show(stage(2));
    expect(s.text()).toBe('ferry: copying 2 tables …\n');
    show(start('a', 100));
    show(start('b', 300));
    show({ kind: 'progress', table: 'a', rows: 50, rowsTotal: 100, chunksDone: 1, chunksTotal: 2, rowsPerSecond: 50, etaSeconds: 1 });
    expect(s.text()).toMatch(/\x1b\[2Koverall {3}table 1 of 2, 50\/400 rows, ETA 0:07\n$/);
    show(done('a', 100));
    expect(s.text()).toMatch(/\x1b\[2Koverall {3}table 2 of 2, 100\/400 rows, ETA --:--\n$/);
  });

  it('logs the overall count after each table when piped, and shows nothing for the final summary event', () => {
    const s = sink();
    const show = progressRenderer('plain', s.out);
    show(stage(2));
    show(done('a', 100));
    show(done('b', 5));
    show({ kind: 'summary', tables: 2, failed: 0, rows: 105, seconds: 2 });
    expect(s.text()).toBe('ferry: copying 2 tables …\na: done, 100 rows in 1.0 s (100 rows/s)\noverall: 1 of 2 tables finished, 100 rows\nb: done, 5 rows in 1.0 s (5 rows/s)\noverall: 2 of 2 tables finished, 105 rows\n');
  });
});
