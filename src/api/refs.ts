import { FerryError } from '../errors/index.js';
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
    throw new FerryError('UNKNOWN_DATABASE', `no database named '${wanted}' is configured; configured: ${ferry.databases.join(', ')}`, { database: wanted });
  }
  return dot < 0 ? { database } : { database, namespace: ref.slice(dot + 1) };
}
