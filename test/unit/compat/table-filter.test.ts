import { describe, expect, it } from 'vitest';
import { changeSubject } from '../../../src/compat/changes.js';
import { selectedTables, tableMatcher, unmatchedGlobs } from '../../../src/compat/table-filter.js';
import { id, snapshot, table, view } from './support.js';

describe('table selection', () => {
  const keep = tableMatcher({ include: ['child*'], exclude: ['child_tmp'] });

  it('selects findings about selected tables, and about names neither schema has', () => {
    const selected = selectedTables(keep, [snapshot([table('parent', [id()]), table('child', [id()])]), snapshot([table('child_tmp', [id()])], [view('v')])]);
    expect(['child', 'CHILD', 'parent', 'child_tmp', 'v', 'no_such_table'].map(selected)).toEqual([true, true, false, false, false, true]);
  });

  it('knows which table or view each change belongs to', () => {
    const t = table('child', [id()]);
    expect(changeSubject({ kind: 'dropTable', table: t })).toBe('child');
    expect(changeSubject({ kind: 'addView', view: view('v') })).toBe('v');
    expect(changeSubject({ kind: 'addForeignKey', table: 'child', foreignKey: { name: null, columns: ['p'], refSchema: null, refTable: 'parent', refColumns: ['id'] } })).toBe('child');
  });
});

describe('unmatchedGlobs', () => {
  it('names each --tables and --exclude glob that matches nothing, case-insensitively', () => {
    const names = ['orders', 'Sales_2024', 'customers'];
    expect(unmatchedGlobs({ include: ['sales_*', 'ordrs'], exclude: ['tmp_*', 'CUSTOMERS'] }, names)).toEqual([
      { option: '--tables', glob: 'ordrs' },
      { option: '--exclude', glob: 'tmp_*' },
    ]);
    expect(unmatchedGlobs({ include: [], exclude: [] }, [])).toEqual([]);
  });
});
