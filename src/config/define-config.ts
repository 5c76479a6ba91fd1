import type { FerryConfigInput } from './schema.js';

/**
 * Identity helper that gives a config object its type in `ferry.config.ts`-style code.
 *
 * @example
 * export default defineConfig({ databases: { shop: { url: 'jdbc:sqlite:./shop.db' } } });
 */
export function defineConfig(config: FerryConfigInput): FerryConfigInput {
  return config;
}
