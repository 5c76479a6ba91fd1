import { afterAll, describe, expect, it } from 'vitest';
import { analyze, ANALYZERS, proofsNeeded } from '../../../src/compat/analyze.js';
import { FINDING_CODES, listCodes } from '../../../src/compat/codes.js';
import { diff } from '../../../src/compat/diff.js';
import type { Finding } from '../../../src/compat/finding.js';
import type { ProofRequest } from '../../../src/compat/proofs.js';
import type { SchemaSnapshot } from '../../../src/schema/model.js';
import {
  BIGINT, BOOLEAN, DATE, DOUBLE, INTEGER, REAL, SMALLINT, TEXT,
  always, clean, col, decimal, evidence, id, oneTable, snapshot, table, timestamp, varchar, view, violated,
} from './support.js';

/** Every finding any test here produced, to prove each code is seen at each of its severities. */
const seen: Finding[] = [];
function run(a: SchemaSnapshot, b: SchemaSnapshot, ev = always(undefined), dataChecked = true): Finding[] {
  const findings = analyze(diff(a, b), ev, { a, b, dataChecked });
  seen.push(...findings);
  return findings;
}

interface ProvenCase {
  readonly code: string;
  readonly a: SchemaSnapshot;
  readonly b: SchemaSnapshot;
  readonly request: ProofRequest;
  readonly table: string;
  readonly column: string | null;
}

const customers = table('customers', [id(), col('email', varchar(120))], { pk: ['id'] });

const provenCases: readonly ProvenCase[] = [
  { code: 'T101', a: snapshot([table('audit', [id()])]), b: snapshot([]), request: { kind: 'rows', table: 'audit' }, table: 'audit', column: null },
  { code: 'C101', ...pair([id(), col('note', TEXT)], [id()]), request: { kind: 'nonNull', table: 'orders', column: 'note' }, table: 'orders', column: 'note' },
  { code: 'Y101', ...pair([col('note', varchar(40))], [col('note', varchar(20))]), request: { kind: 'tooLong', table: 'orders', column: 'note', maxLength: 20 }, table: 'orders', column: 'note' },
  { code: 'Y102', ...pair([col('qty', INTEGER)], [col('qty', SMALLINT)]), request: { kind: 'outOfRange', table: 'orders', column: 'qty', min: '-32768', max: '32767' }, table: 'orders', column: 'qty' },
  { code: 'Y103', ...pair([col('total', decimal(12, 2))], [col('total', decimal(8, 2))]), request: { kind: 'tooManyDigits', table: 'orders', column: 'total', integerDigits: 6, scale: 2 }, table: 'orders', column: 'total' },
  { code: 'Y104', ...pair([col('at', timestamp(6))], [col('at', timestamp(3))]), request: { kind: 'fractionLost', table: 'orders', column: 'at', precision: 3 }, table: 'orders', column: 'at' },
  { code: 'Y105', ...pair([col('ref', varchar(20))], [col('ref', INTEGER)]), request: { kind: 'notConvertible', table: 'orders', column: 'ref', to: INTEGER }, table: 'orders', column: 'ref' },
  { code: 'N101', ...pair([col('email', TEXT)], [col('email', TEXT, { nullable: false })]), request: { kind: 'nulls', table: 'orders', column: 'email' }, table: 'orders', column: 'email' },
  { code: 'K101', ...pair([id()], [id()], {}, { pk: ['id'] }), request: { kind: 'duplicates', table: 'orders', columns: ['id'], primaryKey: true }, table: 'orders', column: 'id' },
  { code: 'K102', ...pair([id(), col('email', TEXT)], [id(), col('email', TEXT)], {}, { uniques: [['email']] }), request: { kind: 'duplicates', table: 'orders', columns: ['email'], primaryKey: false }, table: 'orders', column: 'email' },
  {
    code: 'K103',
    a: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)])]),
    b: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'] }] })]),
    request: { kind: 'orphans', table: 'orders', columns: ['customer_id'], refTable: 'customers', refColumns: ['id'] },
    table: 'orders',
    column: 'customer_id',
  },
];

function pair(aCols: Parameters<typeof oneTable>[0], bCols: Parameters<typeof oneTable>[1], aOpts = {}, bOpts = {}): { a: SchemaSnapshot; b: SchemaSnapshot } {
  const [a, b] = oneTable(aCols, bCols, aOpts, bOpts);
  return { a, b };
}

describe.each(provenCases)('$code (data-dependent)', ({ code, a, b, request, table: t, column }) => {
  it('asks exactly its proof', () => {
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([request]);
  });

  it('is an error with the proof attached when A violates it', () => {
    const findings = run(a, b, evidence([[request, violated(3, ['id=7', 'id=9'])]]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code, severity: 'error', table: t, column, proof: { count: 3, examples: ['id=7', 'id=9'], basis: 'query' } });
    expect(findings[0]?.message).toMatch(/3 /);
    expect(findings[0]?.message).toContain('e.g. id=7, id=9');
    expect(findings[0]?.suggestion).toBeTruthy();
  });

  it('is a warning with the proof attached when A does not violate it', () => {
    const findings = run(a, b, evidence([[request, clean]]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code, severity: 'warning', table: t, column, proof: { count: 0, examples: [], basis: 'query' } });
    expect(findings[0]?.message).not.toContain('not proven');
  });

  it('is a warning saying "not proven: no data available" when the question is not answered', () => {
    const findings = run(a, b, evidence([]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code, severity: 'warning', table: t, column });
    expect(findings[0]?.proof).toBeUndefined();
    expect(findings[0]?.message).toContain('not proven: no data available');
  });

  it('is a warning saying "not proven (--no-data)" without asking, under --no-data', () => {
    const ev = evidence([[request, violated(3)]]);
    const findings = run(a, b, ev, false);
    expect(ev.asked).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code, severity: 'warning', table: t, column });
    expect(findings[0]?.proof).toBeUndefined();
    expect(findings[0]?.message).toContain('not proven (--no-data)');
  });
});

interface PlainCase {
  readonly label: string;
  readonly a: SchemaSnapshot;
  readonly b: SchemaSnapshot;
  readonly expected: readonly { code: string; severity: string; column: string | null }[];
}

const plainCases: readonly PlainCase[] = [
  { label: 'T201 table added', a: snapshot([]), b: snapshot([table('invoices', [id()])]), expected: [{ code: 'T201', severity: 'info', column: null }] },
  { label: 'C201 nullable column added', ...pair([id()], [id(), col('coupon', varchar(20))]), expected: [{ code: 'C201', severity: 'info', column: 'coupon' }] },
  { label: 'C201 NOT NULL column with a default added', ...pair([id()], [id(), col('status', TEXT, { nullable: false, default: "'new'" })]), expected: [{ code: 'C201', severity: 'info', column: 'status' }] },
  { label: 'C201 auto-increment column added', ...pair([col('name', TEXT)], [col('name', TEXT), col('seq', BIGINT, { nullable: false, autoIncrement: true })]), expected: [{ code: 'C201', severity: 'info', column: 'seq' }] },
  { label: 'C202 NOT NULL column without a default added', ...pair([id()], [id(), col('tenant', INTEGER, { nullable: false })]), expected: [{ code: 'C202', severity: 'error', column: 'tenant' }] },
  {
    label: 'C102 probable rename (with the drop\'s own C101)',
    ...pair([id(), col('email', varchar(120))], [id(), col('email_address', varchar(120))]),
    expected: [{ code: 'C101', severity: 'warning', column: 'email' }, { code: 'C102', severity: 'warning', column: 'email_address' }],
  },
  { label: 'C103 auto-increment removed', ...pair([col('id', INTEGER, { autoIncrement: true })], [col('id', INTEGER)]), expected: [{ code: 'C103', severity: 'warning', column: 'id' }] },
  { label: 'C203 auto-increment added', ...pair([col('id', INTEGER)], [col('id', INTEGER, { autoIncrement: true })]), expected: [{ code: 'C203', severity: 'info', column: 'id' }] },
  { label: 'Y201 DOUBLE → REAL', ...pair([col('v', DOUBLE)], [col('v', REAL)]), expected: [{ code: 'Y201', severity: 'warning', column: 'v' }] },
  { label: 'Y202 BOOLEAN → VARCHAR', ...pair([col('flag', BOOLEAN)], [col('flag', varchar(10))]), expected: [{ code: 'Y202', severity: 'warning', column: 'flag' }] },
  { label: 'Y202 TIMESTAMP → DATE', ...pair([col('at', timestamp(6))], [col('at', DATE)]), expected: [{ code: 'Y202', severity: 'warning', column: 'at' }] },
  { label: 'Y301 INTEGER → BIGINT', ...pair([col('n', INTEGER)], [col('n', BIGINT)]), expected: [{ code: 'Y301', severity: 'info', column: 'n' }] },
  { label: 'N201 NOT NULL dropped', ...pair([col('n', INTEGER, { nullable: false })], [col('n', INTEGER)]), expected: [{ code: 'N201', severity: 'info', column: 'n' }] },
  { label: 'D101 default changed', ...pair([col('s', TEXT, { default: "'new'" })], [col('s', TEXT, { default: "'open'" })]), expected: [{ code: 'D101', severity: 'warning', column: 's' }] },
  { label: 'K201 primary key dropped', ...pair([id()], [id()], { pk: ['id'] }), expected: [{ code: 'K201', severity: 'info', column: 'id' }] },
  { label: 'K201 unique dropped', ...pair([id()], [id()], { uniques: [['id']] }), expected: [{ code: 'K201', severity: 'info', column: 'id' }] },
  {
    label: 'K201 foreign key dropped',
    a: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'] }] })]),
    b: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)])]),
    expected: [{ code: 'K201', severity: 'info', column: 'customer_id' }],
  },
  {
    label: 'K104 ON DELETE CASCADE lost',
    a: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }] })]),
    b: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }] })]),
    expected: [{ code: 'K104', severity: 'error', column: 'customer_id' }],
  },
  {
    label: 'K104 ON UPDATE SET NULL added',
    a: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'], onDelete: 'RESTRICT', onUpdate: 'RESTRICT' }] })]),
    b: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'SET NULL' }] })]),
    expected: [{ code: 'K104', severity: 'warning', column: 'customer_id' }],
  },
  {
    label: 'no K104 where RESTRICT meets NO ACTION or a catalog does not say',
    a: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'], onDelete: 'RESTRICT', onUpdate: 'CASCADE' }] })]),
    b: snapshot([customers, table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: null }] })]),
    expected: [],
  },
  { label: 'I102 index direction changed', ...pair([id(), col('ts', timestamp(6))], [id(), col('ts', timestamp(6))], { indexes: [{ columns: ['ts', 'id'], descending: [true, false] }] }, { indexes: [{ columns: ['ts', 'id'] }] }), expected: [{ code: 'I102', severity: 'warning', column: 'ts' }] },
  { label: 'no I102 for the same directions', ...pair([id()], [id()], { indexes: [{ columns: ['id'], descending: [false] }] }, { indexes: [{ columns: ['id'], descending: null }] }), expected: [] },
  { label: 'I101 index dropped', ...pair([id()], [id()], { indexes: [{ columns: ['id'] }] }), expected: [{ code: 'I101', severity: 'warning', column: 'id' }] },
  { label: 'I201 index added', ...pair([id()], [id()], {}, { indexes: [{ columns: ['id'] }] }), expected: [{ code: 'I201', severity: 'info', column: 'id' }] },
  { label: 'V101 view dropped', a: snapshot([], [view('v')]), b: snapshot([]), expected: [{ code: 'V101', severity: 'warning', column: null }] },
  { label: 'V201 view added', a: snapshot([]), b: snapshot([], [view('v')]), expected: [{ code: 'V201', severity: 'info', column: null }] },
];

describe.each(plainCases)('$label', ({ a, b, expected }) => {
  it('reports exactly the expected findings whatever the evidence says', () => {
    const shape = (fs: Finding[]) => fs.map(({ code, severity, column }) => ({ code, severity, column }));
    expect(shape(run(a, b, always(clean)))).toEqual(expected);
    // Only the rename case's C101 depends on the data.
    expect(shape(run(a, b, always(violated(1))))).toEqual(expected.map((e) => (e.code === 'C101' ? { ...e, severity: 'error' } : e)));
  });
});

describe('an unchanged column', () => {
  it('produces no finding', () => {
    const cols = [id(), col('note', varchar(40), { default: "'x'" }), col('n', decimal(10, 2), { nullable: false })];
    expect(run(...oneTable(cols, cols), always(violated(5)))).toEqual([]);
  });
});

describe('the code registry and the analyzers', () => {
  it('registers every code an analyzer declares', () => {
    for (const a of ANALYZERS) for (const code of a.codes) expect(FINDING_CODES.get(code), `${a.name}: ${code}`).toBeDefined();
  });

  it('has an analyzer for every code except those of query checks', () => {
    const declared = new Set(ANALYZERS.flatMap((a) => a.codes));
    expect(listCodes().map((c) => c.code).filter((c) => !declared.has(c as never))).toEqual(['Q101', 'Q201']);
  });

  afterAll(() => {
    // Every finding produced above uses a registered code at one of its severities, and every
    // code (but Q1xx/Q2xx) was produced at every severity it can take.
    for (const f of seen) expect(FINDING_CODES.get(f.code)?.severities, f.code).toContain(f.severity);
    const produced = new Set(seen.map((f) => `${f.code}:${f.severity}`));
    const missing = listCodes().filter((c) => !c.code.startsWith('Q')).flatMap((c) => c.severities.map((s) => `${c.code}:${s}`)).filter((k) => !produced.has(k));
    expect(missing).toEqual([]);
  });
});
