import { Option, type Command } from 'commander';
import { describeTable, Ferry, type TableDescription } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import type { ForeignKeyInfo, IndexInfo } from '../../schema/model.js';
import { aligned } from '../render/aligned.js';
import { emit } from '../output.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import { COMMANDS } from './catalog.js';

// The actions a foreign key has unless declared otherwise (MariaDB reports its default as RESTRICT).
const DEFAULT_ACTIONS: ReadonlySet<string> = new Set(['NO ACTION', 'RESTRICT']);

/** An index's columns as declared: `(ts DESC, id)`. */
function indexColumns(i: IndexInfo): string {
  return `(${i.columns.map((c, n) => (i.descending?.[n] ? `${c} DESC` : c)).join(', ')})`;
}

/** A foreign key's actions that differ from the default: ` on delete CASCADE on update SET NULL`, or nothing. */
function foreignKeyActions(f: ForeignKeyInfo): string {
  const action = (what: string, a: string | null | undefined): string => (a && !DEFAULT_ACTIONS.has(a.toUpperCase()) ? ` ${what} ${a}` : '');
  return `${action('on delete', f.onDelete)}${action('on update', f.onUpdate)}`;
}

/** The text `ferry describe` prints: columns, then keys, indexes and foreign keys. */
function describeText(d: TableDescription): string {
  const t = d.table;
  const pk = new Set(t.primaryKey?.columns ?? []);
  const cols = t.columns.map((c) => [
    c.name, c.nativeType, c.type.display, c.nullable ? 'null' : 'not null',
    [pk.has(c.name) ? 'primary key' : '', c.autoIncrement ? 'auto-increment' : '', c.default !== null ? `default ${c.default}` : ''].filter(Boolean).join(', '),
  ]);
  const out = [`${d.database}.${t.name} (${d.engine})`, '', aligned(['column', 'native type', 'Ferry type', 'null', 'notes'], cols).trimEnd()];
  const section = (title: string, lines: readonly string[]): void => {
    if (lines.length) out.push('', `${title}:`, ...lines.map((l) => `  ${l}`));
  };
  section('Primary key', t.primaryKey ? [`${t.primaryKey.name ? `${t.primaryKey.name} ` : ''}(${t.primaryKey.columns.join(', ')})`] : []);
  section('Unique', t.uniques.map((u) => `${u.name ? `${u.name} ` : ''}(${u.columns.join(', ')})`));
  section('Indexes', t.indexes.map((i) => `${i.name} ${indexColumns(i)}${i.unique ? ' unique' : ''}${i.predicate ? ` where ${i.predicate}` : ''}`));
  section('Foreign keys', t.foreignKeys.map((f) => `${f.name ? `${f.name} ` : ''}(${f.columns.join(', ')}) → ${f.refSchema ? `${f.refSchema}.` : ''}${f.refTable} (${f.refColumns.join(', ')})${foreignKeyActions(f)}`));
  section('Checks', (t.checks ?? []).map((c) => `${c.name ? `${c.name} ` : ''}${c.expression}`));
  return `${out.join('\n')}\n`;
}

/** Registers `ferry describe DB.TABLE`. */
export function registerDescribe(program: Command): void {
  withConfigOptions(
    program
      .command('describe')
      .description(COMMANDS.describe.summary)
      .argument('<table>', 'database.table, or database.schema.table')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('-o, --output <file>', 'write the description to a file')
      .addHelpText('after', `
Examples:
  ferry describe shop.orders
  ferry describe pg.public.customers --format json`),
  ).action(async (ref: string, opts: ConfigOptions & { format: 'text' | 'json'; output?: string }) => {
    const ferry = await Ferry.open(resolveConfig(opts));
    try {
      const d = await describeTable(ferry, ref);
      emit(opts.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : describeText(d), opts.output);
    } finally {
      await ferry.close();
    }
  });
}
