import type { Command } from 'commander';
import { Option } from 'commander';
import { Ferry } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { writeArrowFile } from '../../arrow/index.js';
import { FerryError } from '../../errors/index.js';
import { renderCsv } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { renderTable } from '../render/table.js';
import { analysisJson, renderAnalysis, renderExplanation } from '../render/plan-text.js';
import { emit } from '../output.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import { COMMANDS } from './catalog.js';
import { note } from '../notes.js';

/** The formats `ferry query` can write. */
export const QUERY_FORMATS = ['table', 'csv', 'json', 'arrow'] as const;

interface QueryOptions extends ConfigOptions {
  format?: (typeof QUERY_FORMATS)[number];
  output?: string;
  explain?: boolean;
  analyze?: boolean;
}

/** Registers `ferry query "SQL"`. */
export function registerQuery(program: Command): void {
  withConfigOptions(
    program
      .command('query')
      .description(COMMANDS.query.summary)
      .addHelpText('after', `\nExamples:\n  ferry query "SELECT COUNT(*) FROM shop.orders"\n  ferry query -f json "SELECT * FROM pg.public.customers" > customers.json\n  ferry query --explain "SELECT * FROM shop.orders o JOIN warehouse.stock s ON s.product_id = o.product_id"\n  ferry query --analyze "SELECT s.warehouse, COUNT(*) AS n FROM shop.orders o JOIN warehouse.stock s ON s.product_id = o.product_id GROUP BY s.warehouse"\n  ferry query --db pg=postgres://postgres@127.0.0.1/test "SELECT 1 AS one FROM pg.public.orders LIMIT 1"`)
      .argument('<sql>', 'one SQL statement; tables are db.table or db.schema.table')
      .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, csv otherwise)').choices([...QUERY_FORMATS]))
      .option('-o, --output <file>', 'write the result to a file instead of stdout')
      .option('--explain', "print Calcite's physical plan and the SQL each database runs with its estimated rows, without running the query")
      .option('--analyze', 'run the query without printing its rows; report the plan, planning and execution time, and the rows read from each database (--format json for a JSON object)'),
  ).action(async (sql: string, opts: QueryOptions) => {
    const loaded = resolveConfig(opts);
    if (opts.explain && opts.analyze) throw new FerryError('USAGE', '--explain and --analyze exclude each other: --explain plans only, --analyze runs the query and reports the plan too');
    if (opts.analyze && (opts.format === 'csv' || opts.format === 'arrow')) throw new FerryError('USAGE', `--analyze prints a report, as text (--format table, the default) or JSON (--format json), not ${opts.format}`);
    const format = opts.format ?? (process.stdout.isTTY && !opts.output ? 'table' : 'csv');
    if (format === 'arrow' && !opts.output && process.stdout.isTTY) {
      throw new FerryError('USAGE', '--format arrow writes binary: add --output FILE or redirect stdout');
    }
    const ferry = await Ferry.open(loaded);
    try {
      if (opts.explain) {
        emit(renderExplanation(await ferry.explain(sql)), opts.output);
        return;
      }
      if (opts.analyze) {
        const analysis = await withSqlContext(sql, () => ferry.analyzeOnly(sql));
        emit(format === 'json' ? analysisJson(analysis) : renderAnalysis(analysis), opts.output);
        return;
      }
      const started = performance.now();
      const table = await withSqlContext(sql, () => ferry.query(sql));
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const out = format === 'table' ? renderTable(table) : format === 'csv' ? renderCsv(table) : format === 'json' ? renderJson(table) : writeArrowFile(table);
      emit(out, opts.output);
      if (format === 'table' || opts.output) note(`(${table.numRows} row${table.numRows === 1 ? '' : 's'}, ${seconds} s)\n`);
    } finally {
      await ferry.close();
    }
  });
}

/** Adds the offending SQL line and a caret to errors that carry a position. */
async function withSqlContext<T>(sql: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof FerryError && typeof e.meta.line === 'number' && typeof e.meta.column === 'number' && e.meta.line > 0) {
      const text = sql.split('\n')[e.meta.line - 1];
      if (text !== undefined) {
        const caret = `${' '.repeat(Math.max(0, e.meta.column - 1))}^`;
        throw new FerryError(e.code, `${e.message}\n  at line ${e.meta.line}, column ${e.meta.column}:\n    ${text}\n    ${caret}`, e.meta, { cause: e });
      }
    }
    throw e;
  }
}
