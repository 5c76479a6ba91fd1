import type { Command } from 'commander';
import { relative } from 'node:path';
import { createDemo, Ferry } from '../../api/index.js';
import { loadConfigFile } from '../../config/index.js';
import { renderTable } from '../render/table.js';

/** Registers `ferry demo`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create an SQLite shop and an H2 warehouse with a ferry.yaml, and run a cross-database query')
    .option('-d, --dir <dir>', 'folder to create', './ferry-demo')
    .action(async (opts: { dir: string }) => {
      const err = (s: string): boolean => process.stderr.write(s);
      err(`Creating ${opts.dir} …\n`);
      const demo = await createDemo(opts.dir);
      err(`  shop.db       SQLite: customers (${demo.sizes.customers}), products (${demo.sizes.products}), orders (${demo.sizes.orders})\n`);
      err(`  warehouse     H2: stock (${demo.sizes.products * 2})\n`);
      err(`  ferry.yaml    both databases, one namespace\n\n`);
      const ferry = await Ferry.open(loadConfigFile(demo.configFile));
      try {
        const table = await ferry.query(demo.query);
        process.stdout.write(`${demo.query}\n\n${renderTable(table)}`);
      } finally {
        await ferry.close();
      }
      const rel = relative(process.cwd(), demo.dir) || '.';
      err(`\nTry it yourself:\n  cd ${rel}\n  npx ferry query "SELECT country, COUNT(*) AS customers FROM shop.customers GROUP BY country"\n  npx ferry query --explain "SELECT * FROM shop.orders o JOIN warehouse.stock s ON s.product_id = o.product_id WHERE o.quantity > 3"\n`);
    });
}
