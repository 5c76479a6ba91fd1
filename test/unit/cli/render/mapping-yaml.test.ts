import { describe, expect, it } from 'vitest';
import { renderMappingSuggestion } from '../../../../src/cli/render/mapping-yaml.js';
import { diff } from '../../../../src/compat/diff.js';
import { parseMapping } from '../../../../src/migrate/mapping.js';
import { suggestMapping, suggestionMapping, type MappingSuggestion } from '../../../../src/migrate/mapping-suggestion.js';
import { V1, V2 } from '../../migrate/support.js';

const COMMAND = 'ferry check --from v1.json --to v2.json --suggest-mapping mapping.yaml';
const HEADER = `# Ferry mapping: how each target table (in B) gets its values from the source (in A).
# Suggested by: ${COMMAND}
# from check's findings: probable renames (C102) as \`new_name: old_name\`, new NOT NULL columns
# without a default (C202) as commented placeholders, dropped and new tables (T101, T201) as comments.
# These are guesses: REVIEW EVERY LINE, fill in or delete the placeholders, then use the file with
# \`ferry migrate --mapping FILE\`. Target columns not listed take the source column of the same
# name, else the target's default; a table not listed maps by name.
`;

describe('renderMappingSuggestion', () => {
  const suggestion = suggestMapping(diff(V1, V2), { a: V1, b: V2 });

  it('writes the header, renames, placeholders and table comments', () => {
    expect(renderMappingSuggestion(suggestion, { command: COMMAND })).toBe(`${HEADER}tables:
  customers:
    columns:
      email_address: email
      # tier: <SQL expression over customers' columns>  — VARCHAR(5), NOT NULL without a default in B
      created_at: created
  ORDERS:
    from: orders
    columns:
      amount_due: amount  # INTEGER → DECIMAL(10, 2): check A's values fit
      selected: '"select"'
      # tenant: <SQL expression over orders' columns>  — INTEGER, NOT NULL without a default in B
  # Dropped in B; their rows in A are not migrated:
  #   audit_log
  #   stats
  # New in B, with no table of that name in A; nothing fills them unless you map one, e.g. if it is a renamed table:
  #   invoices: { from: OLD_TABLE }
`);
  });

  it('round-trips: the file parses to the suggestion\'s mapping', () => {
    const text = renderMappingSuggestion(suggestion, { command: COMMAND });
    expect(parseMapping(text, 'mapping.yaml')).toEqual(suggestionMapping(suggestion));
  });

  it('round-trips names YAML must quote, a table with placeholders only, and an empty suggestion', () => {
    const odd: MappingSuggestion = {
      tables: [
        { target: 'Order Items', source: 'Order Items', from: null, columns: [{ kind: 'rename', target: 'note: new', source: '"#old"', typeChange: null }] },
        { target: 'true', source: 'true', from: null, columns: [{ kind: 'needsValue', target: 'x', type: 'INTEGER' }] },
      ],
      droppedTables: ['a\nb'],
      newTables: [],
    };
    const text = renderMappingSuggestion(odd, { command: "ferry check --from 'a b' --to c" });
    expect(parseMapping(text, 'mapping.yaml')).toEqual(suggestionMapping(odd));
    const none: MappingSuggestion = { tables: [], droppedTables: ['old'], newTables: [] };
    expect(parseMapping(renderMappingSuggestion(none, { command: COMMAND }), 'mapping.yaml')).toEqual({ tables: {} });
  });
});
