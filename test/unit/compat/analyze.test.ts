import { describe, expect, it } from 'vitest';
import { analyze, checkSchemas, compareFindings, proofsNeeded } from '../../../src/compat/analyze.js';
import type { Change } from '../../../src/compat/changes.js';
import { diff } from '../../../src/compat/diff.js';
import type { Finding } from '../../../src/compat/finding.js';
import { summarize } from '../../../src/compat/finding.js';
import { proofKey } from '../../../src/compat/proofs.js';
import {
  BIGINT, INTEGER, TEXT, always, brief, clean, col, decimal, evidence, id, snapshot, table, varchar, view, violated,
} from './support.js';

/** A: today's shop in PostgreSQL. */
const a = snapshot([
  table('customers', [id(), col('email', varchar(120)), col('phone', TEXT, { nullable: false })], { pk: ['id'] }),
  table('orders', [
    col('id', INTEGER, { nullable: false, autoIncrement: true, default: "nextval('orders_id_seq'::regclass)" }),
    id('customer_id'),
    col('status', varchar(20), { default: "'new'::character varying" }),
    col('note', varchar(200)),
    col('total', decimal(12, 2)),
  ], { pk: ['id'], indexes: [{ name: 'idx_orders_note', columns: ['note'] }] }),
  table('Order Items', [id(), col('select', INTEGER)], { pk: ['id'] }),
  table('audit', [id()]),
], [view('open_orders')]);

/** B: the next version, as H2 spells it. */
const b = snapshot([
  table('CUSTOMERS', [id('ID'), col('EMAIL', varchar(120), { nullable: false }), col('PHONE', TEXT)], { pk: ['ID'], uniques: [['EMAIL']] }),
  table('ORDERS', [
    col('ID', BIGINT, { nullable: false, autoIncrement: true }),
    id('CUSTOMER_ID'),
    col('STATUS', varchar(20), { default: "'new'" }),
    col('NOTE', varchar(40)),
    col('TOTAL', decimal(12, 2)),
    col('TENANT', INTEGER, { nullable: false }),
  ], { pk: ['ID'], fks: [{ columns: ['CUSTOMER_ID'], refTable: 'CUSTOMERS', refColumns: ['ID'] }] }),
  table('ORDER ITEMS', [id('ID'), col('SELECT', INTEGER)], { pk: ['ID'] }),
  table('INVOICES', [id('ID')]),
], [view('OPEN_ORDERS')], 'H2');

describe('proofsNeeded', () => {
  it('lists the data questions (analyzer by analyzer, each in change order) in A\'s spelling', () => {
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([
      { kind: 'rows', table: 'audit' },
      { kind: 'tooLong', table: 'orders', column: 'note', maxLength: 40 },
      { kind: 'nulls', table: 'customers', column: 'email' },
      { kind: 'duplicates', table: 'customers', columns: ['email'], primaryKey: false },
      { kind: 'orphans', table: 'orders', columns: ['customer_id'], refTable: 'customers', refColumns: ['id'] },
    ]);
  });

  it('asks each question once', () => {
    const changes = diff(a, b);
    expect(proofsNeeded([...changes, ...changes], a, b)).toEqual(proofsNeeded(changes, a, b));
    const keys = proofsNeeded(changes, a, b).map(proofKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('analyze', () => {
  it('classifies a realistic migration, most severe first, then by table, column and code', () => {
    const ev = evidence([
      [{ kind: 'rows', table: 'audit' }, violated(12)],
      [{ kind: 'nulls', table: 'customers', column: 'email' }, clean],
      [{ kind: 'duplicates', table: 'customers', columns: ['email'], primaryKey: false }, violated(1, ['email=a@b.c'])],
      [{ kind: 'tooLong', table: 'orders', column: 'note', maxLength: 40 }, violated(3, ['id=7', 'id=9'])],
    ]);
    const findings = analyze(diff(a, b), ev, { a, b, dataChecked: true });
    expect(brief(findings)).toEqual([
      { code: 'T101', severity: 'error', table: 'audit', column: null },
      { code: 'K102', severity: 'error', table: 'customers', column: 'email' },
      { code: 'Y101', severity: 'error', table: 'orders', column: 'note' },
      { code: 'C202', severity: 'error', table: 'orders', column: 'TENANT' },
      { code: 'N101', severity: 'warning', table: 'customers', column: 'email' },
      { code: 'K103', severity: 'warning', table: 'orders', column: 'customer_id' },
      { code: 'I101', severity: 'warning', table: 'orders', column: 'note' },
      { code: 'N201', severity: 'info', table: 'customers', column: 'phone' },
      { code: 'T201', severity: 'info', table: 'INVOICES', column: null },
      { code: 'Y301', severity: 'info', table: 'orders', column: 'id' },
    ]);
    expect(findings.find((f) => f.code === 'K103')?.message).toContain('not proven: no data available');
    expect(summarize(findings)).toEqual({ error: 4, warning: 3, info: 3 });
  });

  it('under --no-data asks nothing and makes every data-dependent finding a warning', () => {
    const ev = evidence([]);
    const findings = analyze(diff(a, b), ev, { a, b, dataChecked: false });
    expect(ev.asked).toEqual([]);
    expect(summarize(findings)).toEqual({ error: 1, warning: 6, info: 3 });
    expect(findings.filter((f) => f.message.includes('not proven (--no-data)')).map((f) => f.code)).toEqual(['T101', 'K102', 'N101', 'K103', 'Y101']);
  });

  it('is deterministic: the same findings whatever the order of tables, columns and changes', () => {
    const reversed = (s: typeof a) => ({ ...s, tables: [...s.tables].reverse().map((t) => ({ ...t, columns: [...t.columns].reverse() })), views: [...s.views].reverse() });
    const ev = always(violated(1));
    const forward = analyze(diff(a, b), ev, { a, b, dataChecked: true });
    const backward = analyze([...diff(reversed(a), reversed(b))].reverse() as Change[], ev, { a: reversed(a), b: reversed(b), dataChecked: true });
    expect(backward).toEqual(forward);
  });
});

describe('compareFindings', () => {
  it('orders by severity, table, column (table-level first), code, then message', () => {
    const f = (severity: Finding['severity'], table: string, column: string | null, code: string, message = ''): Finding => ({ code, severity, table, column, message });
    const list = [
      f('info', 'a', null, 'T201'),
      f('warning', 'b', 'x', 'D101'),
      f('error', 'b', 'x', 'Y101'),
      f('error', 'b', null, 'T101'),
      f('error', 'a', 'z', 'C101'),
      f('error', 'B', 'x', 'N101'),
      f('error', 'b', 'x', 'N101', 'm2'),
      f('error', 'b', 'x', 'N101', 'm1'),
    ];
    expect([...list].sort(compareFindings).map((x) => `${x.severity} ${x.table} ${x.column} ${x.code} ${x.message}`)).toEqual([
      'error a z C101 ',
      'error B x N101 ',
      'error b null T101 ',
      'error b x N101 m1',
      'error b x N101 m2',
      'error b x Y101 ',
      'warning b x D101 ',
      'info a null T201 ',
    ]);
  });
});

describe('checkSchemas', () => {
  it('diffs, lists the questions and analyzes in one call', () => {
    const result = checkSchemas(a, b, always(clean));
    expect(result.changes).toEqual(diff(a, b));
    expect(result.proofs).toEqual(proofsNeeded(result.changes, a, b));
    expect(result.findings).toEqual(analyze(result.changes, always(clean), { a, b, dataChecked: true }));
    expect(checkSchemas(a, b, always(clean), { dataChecked: false }).findings.every((f) => !f.proof)).toBe(true);
  });
});
