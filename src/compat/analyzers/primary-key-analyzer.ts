import type { KeyInfo } from '../../schema/model.js';
import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { keyDraft } from './key-draft.js';
import { plainFinding } from './proven-finding.js';
import { firstColumn } from './schema-lookup.js';
import { columnList, count, ref } from './wording.js';

/**
 * Primary keys: K101 (added or changed; error when A holds duplicate or NULL keys, proof
 * `duplicates` with primaryKey) and K201 (dropped, info). A changed key is one K101 naming the
 * old and new columns, not a K201 plus a K101.
 *
 * @example
 * primaryKeyAnalyzer.drafts([dropPrimaryKey (id), addPrimaryKey (order_id, line)], schemas) // [pending K101]
 */
export const primaryKeyAnalyzer: Analyzer = {
  name: 'primary keys',
  codes: ['K101', 'K201'],
  drafts(changes, schemas) {
    const dropped = new Map<string, KeyInfo>();
    const added = new Map<string, KeyInfo>();
    for (const c of changes) {
      if (c.kind === 'dropPrimaryKey') dropped.set(c.table, c.key);
      else if (c.kind === 'addPrimaryKey') added.set(c.table, c.key);
    }
    const out: Draft[] = [];
    for (const [table, key] of dropped) {
      if (added.has(table)) continue;
      out.push(final(plainFinding({ code: 'K201', table, column: key.columns[0] ?? null }, 'info',
        `Primary key ${columnList(key.columns)} of ${ref(table)} is dropped in B.`)));
    }
    for (const [table, key] of added) {
      const old = dropped.get(table);
      out.push(keyDraft(schemas, table, key.columns, { code: 'K101', table, column: firstColumn(schemas, table, key.columns) }, {
        subject: old ? `Primary key of ${ref(table)} changes from ${columnList(old.columns)} to ${columnList(key.columns)}` : `Primary key ${columnList(key.columns)} of ${ref(table)} is new in B`,
        violated: (r) => `A has ${count(r.count, 'duplicate or NULL key')}`,
        clean: "A's rows are unique and non-NULL on those columns",
        risk: 'duplicate or NULL keys in A would be refused',
        suggestion: () => 'remove the duplicates and NULLs first, or choose another key',
      }, (aColumns) => ({ kind: 'duplicates', table, columns: aColumns, primaryKey: true })));
    }
    return out;
  },
};
