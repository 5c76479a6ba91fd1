import { Option, type Command } from 'commander';
import { relative } from 'node:path';
import { check, copy, createDemo, Ferry, verify } from '../../api/index.js';
import { copySummary } from '../render/progress.js';
import { verifyJson, verifySummary } from '../../verify/verify-report.js';
import { renderFindingsJson } from '../render/findings-json.js';
import { renderFindingsText } from '../render/findings-text.js';
import { terminalWidth } from '../render/wrap.js';
import { renderJson } from '../render/json.js';
import { loadConfigFile } from '../../config/index.js';
import { renderTable } from '../render/table.js';
import { COMMANDS } from './catalog.js';
import { ferryCommand, ferryInstallHint } from '../invocation.js';
import { note } from '../notes.js';

/** Registers `ferry demo`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(COMMANDS.demo.summary)
      .addHelpText('after', `\nExamples:\n  ferry demo\n  ferry demo --dir /tmp/ferry-demo`)
    .option('-d, --dir <dir>', 'folder to create', './ferry-demo')
    .addOption(new Option('-f, --format <format>', 'text: the tour as a person reads it; json: one document of every step\'s result on stdout').choices(['text', 'json']).default('text'))
    .action(async (opts: { dir: string; format: 'text' | 'json' }) => {
      if (opts.format === 'json') return demoJson(opts.dir);
      const err = note;
      err(`Creating ${opts.dir} …\n`);
      const demo = await createDemo(opts.dir);
      err(`  shop.db       SQLite: customers (${demo.sizes.customers}), products (${demo.sizes.products}), orders (${demo.sizes.orders})\n`);
      err(`  shop_v2.db    SQLite: version 2 of the shop's schema (empty), with breaking and safe changes\n`);
      err(`  warehouse     H2: stock (${demo.sizes.products * 2})\n`);
      err(`  app-queries.sql  the application's queries, checked against both versions\n`);
      err(`  ferry.yaml    both databases, one namespace\n\n`);
      const ferry = await Ferry.open(loadConfigFile(demo.configFile));
      try {
        const table = await ferry.query(demo.query);
        process.stdout.write(`${demo.query}\n\n${renderTable(table)}`);
        const report = await check(ferry, 'shop', 'shop_v2', { queriesFile: demo.queriesFile });
        const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        process.stdout.write(`\n$ ferry check --from shop --to shop_v2 --queries app-queries.sql\n\n${renderFindingsText(report.findings, { color, from: 'shop', to: 'shop_v2', width: terminalWidth(process.stdout) })}`);
        const tables = ['customers', 'products', 'orders'];
        const copied = await copy(ferry, { from: 'shop', to: 'warehouse', tables, create: true, mode: 'replace' });
        process.stdout.write(`\n$ ferry copy --from shop --to warehouse --tables ${tables.join(',')} --create --mode replace\n\n${copySummary(copied)}`);
        const verified = await verify(ferry, { from: 'shop', to: 'warehouse', tables });
        process.stdout.write(`\n$ ferry verify --from shop --to warehouse --tables ${tables.join(',')}\n\n${verified.map((v) => `${v.match ? '✓' : '✗'} ${verifySummary(v)}`).join('\n')}\n`);
      } finally {
        await ferry.close();
      }
      const rel = relative(process.cwd(), demo.dir) || '.';
      const f = ferryCommand();
      const hint = ferryInstallHint();
      err(`\nTry it yourself (from any folder${hint ? `; ${hint}` : ''}):\n  cd ${rel}\n  ${f} query "SELECT country, COUNT(*) AS customers FROM shop.customers GROUP BY country"\n  ${f} query --explain "SELECT * FROM shop.orders o JOIN warehouse.stock s ON s.product_id = o.product_id WHERE o.quantity > 3"\n  ${f} check --from shop --to shop_v2 --queries app-queries.sql\n  ${f} snapshot shop --output v1.json && ${f} check --from v1.json --to shop_v2\n  ${f} copy --from shop --to warehouse --tables orders --mode replace && ${f} verify --from shop --to warehouse --tables orders\n`);
    });
}

/**
 * The demo's steps as one JSON document on stdout: what was created, the federated query's rows,
 * check's findings, each copied table and each verification (the same shapes as the commands'
 * own `--format json`).
 */
async function demoJson(dir: string): Promise<void> {
  const demo = await createDemo(dir);
  const ferry = await Ferry.open(loadConfigFile(demo.configFile));
  try {
    const rows: unknown = JSON.parse(renderJson(await ferry.query(demo.query)));
    const report = await check(ferry, 'shop', 'shop_v2', { queriesFile: demo.queriesFile });
    const tables = ['customers', 'products', 'orders'];
    const copied = await copy(ferry, { from: 'shop', to: 'warehouse', tables, create: true, mode: 'replace' });
    const verified = await verify(ferry, { from: 'shop', to: 'warehouse', tables });
    const doc = {
      dir: demo.dir,
      config: demo.configFile,
      sizes: demo.sizes,
      query: { sql: demo.query, rows },
      check: { from: 'shop', to: 'shop_v2', ...(JSON.parse(renderFindingsJson(report.findings)) as object) },
      copy: copied,
      verify: verifyJson(verified),
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } finally {
    await ferry.close();
  }
}
