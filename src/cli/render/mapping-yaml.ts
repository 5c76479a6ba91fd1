import { stringify } from 'yaml';
import type { ColumnSuggestion, MappingSuggestion, TableSuggestion } from '../../migrate/mapping-suggestion.js';

/** Options for {@link renderMappingSuggestion}. */
export interface MappingYamlOptions {
  /** The command that produced the file, as the header quotes it (secrets already masked). */
  readonly command: string;
}

/** A YAML scalar on one line, quoted only where YAML needs it. */
function scalar(s: string): string {
  return stringify(s, { lineWidth: 0 }).trimEnd();
}

/** Text for a comment line: a name holding a line break must not end the comment. */
function comment(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, ' ');
}

/** `clients'` or `order_item's`. */
function possessive(name: string): string {
  return `${name}${/s$/i.test(name) ? "'" : "'s"}`;
}

function columnLine(c: ColumnSuggestion, t: TableSuggestion): string {
  if (c.kind === 'needsValue') {
    return `      # ${scalar(c.target)}: <SQL expression over ${possessive(comment(t.source))} columns>  — ${comment(c.type)}, NOT NULL without a default in B`;
  }
  const line = `      ${scalar(c.target)}: ${scalar(c.source)}`;
  return c.typeChange ? `${line}  # ${comment(c.typeChange)}: check A's values fit` : line;
}

function tableLines(t: TableSuggestion): string[] {
  return [
    `  ${scalar(t.target)}:`,
    ...(t.from === null ? [] : [`    from: ${scalar(t.from)}`]),
    '    columns:',
    ...t.columns.map((c) => columnLine(c, t)),
  ];
}

function sideTableLines(s: MappingSuggestion): string[] {
  const out: string[] = [];
  if (s.droppedTables.length > 0) {
    out.push('  # Dropped in B; their rows in A are not migrated:');
    for (const t of s.droppedTables) out.push(`  #   ${comment(t)}`);
  }
  if (s.newTables.length > 0) {
    out.push('  # New in B, with no table of that name in A; nothing fills them unless you map one, e.g. if it is a renamed table:');
    for (const t of s.newTables) out.push(`  #   ${scalar(t)}: { from: OLD_TABLE }`);
  }
  return out;
}

/**
 * Writes a mapping suggestion as a mapping file (YAML): a header saying what it is, the command
 * that made it and that it must be reviewed, then the renames as `columns` entries and
 * everything the user has to decide as comments. It parses with `parseMapping` to
 * `suggestionMapping(s)`.
 *
 * @example
 * renderMappingSuggestion(suggestion, { command: 'ferry check --from v1 --to v2 --suggest-mapping mapping.yaml' })
 */
export function renderMappingSuggestion(s: MappingSuggestion, opts: MappingYamlOptions): string {
  const header = [
    '# Ferry mapping: how each target table (in B) gets its values from the source (in A).',
    `# Suggested by: ${comment(opts.command)}`,
    "# from check's findings: probable renames (C102) as `new_name: old_name`, new NOT NULL columns",
    '# without a default (C202) as commented placeholders, dropped and new tables (T101, T201) as comments.',
    '# These are guesses: REVIEW EVERY LINE, fill in or delete the placeholders, then use the file with',
    '# `ferry migrate --mapping FILE`. Target columns not listed take the source column of the same',
    "# name, else the target's default; a table not listed maps by name.",
  ];
  const body = s.tables.flatMap(tableLines);
  return [...header, body.length === 0 ? 'tables: {}' : 'tables:', ...body, ...sideTableLines(s), ''].join('\n');
}
