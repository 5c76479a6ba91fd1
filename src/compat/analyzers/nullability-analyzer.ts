import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding, provenFinding } from './proven-finding.js';
import { ref, rowsHold } from './wording.js';

/**
 * Nullability changes: N101 (NOT NULL added; error when A holds NULLs, proof `nulls`) and N201
 * (NOT NULL dropped, info).
 *
 * @example
 * nullabilityAnalyzer.drafts([modifyColumn email nullable → NOT NULL], schemas) // [pending N101 asking { kind: 'nulls', … }]
 */
export const nullabilityAnalyzer: Analyzer = {
  name: 'nullability',
  codes: ['N101', 'N201'],
  drafts(changes) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind !== 'modifyColumn' || !c.flags.includes('nullable')) continue;
      const { table } = c;
      const column = c.from.name;
      if (c.to.nullable) {
        out.push(final(plainFinding({ code: 'N201', table, column }, 'info', `Column ${ref(table, column)} becomes nullable in B.`)));
        continue;
      }
      out.push({
        kind: 'pending',
        request: { kind: 'nulls', table, column },
        decide: (outcome) => provenFinding({ code: 'N101', table, column }, outcome, {
          subject: `Column ${ref(table, column)} becomes NOT NULL in B`,
          violated: (r) => `${rowsHold(r.count)} NULL in it`,
          clean: 'no row of A holds NULL in it',
          risk: 'rows holding NULL would be refused',
          suggestion: () => (c.to.default === null ? 'fill the NULLs before copying, or keep the column nullable' : `fill the NULLs before copying (B's default ${c.to.default} is not applied to explicit NULLs), or keep the column nullable`),
        }),
      });
    }
    return out;
  },
};
