import type { ColumnInfo } from '../../schema/model.js';
import type { FindingCode } from '../codes.js';
import type { TypeCheck } from '../type-change.js';
import { classifyTypeChange } from '../type-change.js';
import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding, provenFinding } from './proven-finding.js';
import { count, ref, rowsHold } from './wording.js';

/** What to suggest for each data-dependent code when values would not survive. */
const ADVICE: Readonly<Record<TypeCheck['code'], string>> = {
  Y101: 'shorten',
  Y102: 'fix',
  Y103: 'round',
  Y104: 'truncate',
  Y105: 'convert or clean',
};

function checkDraft(table: string, from: ColumnInfo, to: ColumnInfo, check: TypeCheck, verb: string): Draft {
  const column = from.name;
  return {
    kind: 'pending',
    request: check.request,
    decide: (outcome) => provenFinding({ code: check.code, table, column }, outcome, {
      subject: `Column ${ref(table, column)} ${verb} from ${from.type.display} to ${to.type.display}`,
      violated: (r) => `${rowsHold(r.count)} ${check.risk}`,
      clean: `no row of A holds ${check.risk}`,
      risk: `${check.risk} would not survive`,
      suggestion: (o) => {
        // A snapshot may prove values exist without counting them: no number is promised then.
        const rows = o.state === 'violated' && o.result.exact !== false ? `the ${count(o.result.count, 'row')}` : 'such values';
        const keep = check.code === 'Y105' ? `keep ${from.type.display}` : `keep ${from.type.display} (or a wider type)`;
        return `${keep} in B, or ${ADVICE[check.code]} ${rows} first`;
      },
    }),
  };
}

/**
 * Column type changes, classified by `classifyTypeChange`: Y101–Y105 when values may not survive
 * (error when A's data proves some do not), Y201 floating-point rounding and Y202 converting
 * family changes (warnings), Y301 widening (info).
 *
 * @example
 * typeAnalyzer.drafts([modifyColumn note VARCHAR(40) → VARCHAR(20)], schemas) // [pending Y101 asking tooLong 20]
 */
export const typeAnalyzer: Analyzer = {
  name: 'types',
  codes: ['Y101', 'Y102', 'Y103', 'Y104', 'Y105', 'Y201', 'Y202', 'Y301'],
  drafts(changes) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind !== 'modifyColumn' || !c.flags.includes('type')) continue;
      const { table, from, to } = c;
      const change = classifyTypeChange(from.type, to.type, { table, column: from.name });
      const at = ref(table, from.name);
      const plain = (code: FindingCode, severity: 'warning' | 'info', message: string, suggestion?: string): Draft =>
        final(plainFinding({ code, table, column: from.name }, severity, message, suggestion));
      switch (change.kind) {
        case 'same': break;
        case 'widen':
          out.push(plain('Y301', 'info', `Column ${at} widens from ${from.type.display} to ${to.type.display}.`));
          break;
        case 'floatLoss':
          out.push(plain('Y201', 'warning', `Column ${at} changes from ${from.type.display} to ${to.type.display}: ${change.reason}.`,
            `keep ${from.type.display} in B if exact values matter`));
          break;
        case 'convert':
          out.push(plain('Y202', 'warning', `Column ${at} changes from ${from.type.display} to ${to.type.display}: ${change.reason}.`,
            'check that the application reads the new type as intended'));
          break;
        case 'narrow':
          for (const check of change.checks) out.push(checkDraft(table, from, to, check, 'narrows'));
          break;
        case 'incompatible':
          out.push(checkDraft(table, from, to, change.check, 'changes'));
          break;
      }
    }
    return out;
  },
};
