import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runNativeScript } from '../bridge/index.js';
import { FerryError } from '../errors/index.js';
import { DEMO_QUERY, DEMO_SIZES, shopStatements, warehouseStatements } from '../demo/shop-data.js';
import { DEMO_APP_QUERIES, shopV2Statements } from '../demo/shop-v2.js';

/** What `createDemo` made. */
export interface DemoResult {
  /** The demo folder (absolute). */
  readonly dir: string;
  /** The ferry.yaml written into it. */
  readonly configFile: string;
  /** A cross-database query to try. */
  readonly query: string;
  /** The application's queries (app-queries.sql), for `ferry check --queries`. */
  readonly queriesFile: string;
  /** Rows generated per table. */
  readonly sizes: typeof DEMO_SIZES;
}

const MARKER = '.ferry-demo';
const CONFIG = `# Written by \`ferry demo\`: two embedded databases, one SQL namespace.
databases:
  shop:
    url: jdbc:sqlite:./shop.db
  shop_v2:
    url: jdbc:sqlite:./shop_v2.db
  warehouse:
    url: jdbc:h2:./warehouse
    schema: PUBLIC
`;

/**
 * Creates (or re-creates) the demo folder: an SQLite "shop" (customers, products, orders), its
 * version 2 (`shop_v2`, empty, with breaking and safe schema changes), an H2 "warehouse" (stock),
 * the application's queries (app-queries.sql) and a ferry.yaml for the databases. Refuses a non-empty folder it did not make.
 *
 * @example
 * const demo = await createDemo('./ferry-demo');
 */
export async function createDemo(dir = './ferry-demo'): Promise<DemoResult> {
  const abs = resolve(dir);
  if (existsSync(abs) && readdirSync(abs).length > 0 && !existsSync(join(abs, MARKER))) {
    throw new FerryError('USAGE', `${dir} exists and is not a Ferry demo folder; choose another folder (ferry demo --dir PATH) or empty it`, { dir });
  }
  mkdirSync(abs, { recursive: true });
  for (const f of ['shop.db', 'shop_v2.db', 'warehouse.mv.db', 'warehouse.trace.db']) rmSync(join(abs, f), { force: true });
  writeFileSync(join(abs, MARKER), 'This folder was written by `ferry demo`; it may be re-created.\n');
  await runNativeScript({ url: `jdbc:sqlite:${join(abs, 'shop.db')}`, statements: shopStatements() });
  await runNativeScript({ url: `jdbc:sqlite:${join(abs, 'shop_v2.db')}`, statements: shopV2Statements() });
  await runNativeScript({ url: `jdbc:h2:${join(abs, 'warehouse')}`, statements: warehouseStatements() });
  const queriesFile = join(abs, 'app-queries.sql');
  writeFileSync(queriesFile, DEMO_APP_QUERIES);
  const configFile = join(abs, 'ferry.yaml');
  writeFileSync(configFile, CONFIG);
  return { dir: abs, configFile, query: DEMO_QUERY, queriesFile, sizes: DEMO_SIZES };
}
