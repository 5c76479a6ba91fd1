import { describe, expect, it } from 'vitest';
import { diff } from '../../../src/compat/diff.js';
import { columnExpression, suggestMapping, suggestionMapping } from '../../../src/migrate/mapping-suggestion.js';
import { TEXT, col, id, snapshot, table } from '../compat/support.js';
import { V1, V2 } from './support.js';

describe('columnExpression', () => {
  it('leaves plain names alone and quotes the rest', () => {
    expect(columnExpression('email')).toBe('email');
    expect(columnExpression('Email')).toBe('Email');
    expect(columnExpression('select')).toBe('"select"');
    expect(columnExpression('Old Note')).toBe('"Old Note"');
    expect(columnExpression('a"b')).toBe('"a""b"');
  });
});

describe('suggestMapping', () => {
  const s = suggestMapping(diff(V1, V2), { a: V1, b: V2 });

  it('proposes renames and placeholders per table in B\'s column order, with B\'s table names', () => {
    expect(s.tables).toEqual([
      {
        target: 'customers', source: 'customers', from: null, columns: [
          { kind: 'rename', target: 'email_address', source: 'email', typeChange: null },
          { kind: 'needsValue', target: 'tier', type: 'VARCHAR(5)' },
          { kind: 'rename', target: 'created_at', source: 'created', typeChange: null },
        ],
      },
      {
        target: 'ORDERS', source: 'orders', from: 'orders', columns: [
          { kind: 'rename', target: 'amount_due', source: 'amount', typeChange: 'INTEGER → DECIMAL(10, 2)' },
          { kind: 'rename', target: 'selected', source: '"select"', typeChange: null },
          { kind: 'needsValue', target: 'tenant', type: 'INTEGER' },
        ],
      },
    ]);
    expect(s.droppedTables).toEqual(['audit_log', 'stats']);
    expect(s.newTables).toEqual(['invoices']);
  });

  it('needs no placeholder for a NOT NULL column a rename fills, and nothing for unchanged schemas', () => {
    const a = snapshot([table('t', [id(), col('mail', TEXT, { nullable: false })])]);
    const b = snapshot([table('t', [id(), col('email', TEXT, { nullable: false })])]);
    expect(suggestMapping(diff(a, b), { a, b }).tables[0]?.columns).toEqual([{ kind: 'rename', target: 'email', source: 'mail', typeChange: null }]);
    expect(suggestMapping(diff(V1, V1), { a: V1, b: V1 })).toEqual({ tables: [], droppedTables: [], newTables: [] });
  });

  it('amounts to a mapping of renames and froms', () => {
    expect(suggestionMapping(s)).toEqual({
      tables: {
        customers: { kind: 'map', from: null, where: null, columns: { email_address: 'email', created_at: 'created' } },
        ORDERS: { kind: 'map', from: 'orders', where: null, columns: { amount_due: 'amount', selected: '"select"' } },
      },
    });
  });
});
