import { didYouMean, FerryError } from '../errors/index.js';
import type { Ferry } from './ferry.js';

/** A `--from`/`--to` value split into a configured database and an optional schema. */
export interface DatabaseRef {
  readonly database: string;
  readonly namespace?: string;
}

/**
 * Splits `database` or `database.schema` and checks the database is configured (matching its
 * name exactly, else case-insensitively).
 *
 * @example
 * splitRef(ferry, 'pg.public') // { database: 'pg', namespace: 'public' }
 */
export function splitRef(ferry: Ferry, ref: string): DatabaseRef {
  const dot = ref.indexOf('.');
  const wanted = dot < 0 ? ref : ref.slice(0, dot);
  const database = ferry.databases.find((d) => d === wanted) ?? ferry.databases.find((d) => d.toLowerCase() === wanted.toLowerCase());
  if (!database) {
    const unusable = ferry.unusable(wanted);
    if (unusable) throw unusable;
    throw unknownDatabase(wanted, ferry.databases);
  }
  return dot < 0 ? { database } : { database, namespace: ref.slice(dot + 1) };
}

/**
 * The UNKNOWN_DATABASE error for a name no entry of the config has, suggesting the closest
 * configured database as `ferry query` does.
 *
 * @example
 * unknownDatabase('pgg', ['pg', 'maria']).message // "no database named 'pgg' is configured; did you mean 'pg'? (there are: pg, maria)"
 */
export function unknownDatabase(wanted: string, databases: readonly string[]): FerryError {
  return new FerryError('UNKNOWN_DATABASE', `no database named '${wanted}' is configured; ${didYouMean(wanted, databases)}`, { database: wanted });
}
