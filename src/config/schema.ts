import { z } from 'zod';
import { RESERVED_WORDS } from './reserved-words.gen.js';
import { isDatabaseUrl } from './url-forms.js';

/**
 * A database name usable as a SQL identifier without quoting: a reserved word (`ref`, `user`)
 * would have to be written `"ref"` in every query, so it is refused with that said.
 */
const databaseName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a database name: letters, digits and _, not starting with a digit')
  .refine((name) => !RESERVED_WORDS.has(name.toUpperCase()), {
    error: (issue) => `'${String(issue.input)}' is a reserved word in SQL, so every query would have to write it in double quotes ("${String(issue.input)}"); rename the database, e.g. ${String(issue.input)}_db`,
  });

/**
 * One configured database.
 *
 * @example
 * { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres', schema: 'public', readOnly: true }
 * { backup: './backups/monday', encryptKeyEnv: 'FERRY_BACKUP_KEY' }
 */
export const databaseSchema = z
  .object({
    url: z.string().refine(isDatabaseUrl, 'a database URL: postgres://user@host:5432/db, mysql://user@host/db, sqlite:path, duckdb:path, backup:folder, or a JDBC URL such as jdbc:postgresql://host:5432/db').optional(),
    /** A folder `ferry backup` wrote, served as a read-only database (instead of `url`). */
    backup: z.string().min(1).optional(),
    /** The environment variable holding an encrypted backup's key or passphrase. */
    encryptKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
    /** A file holding an encrypted backup's key or passphrase. */
    encryptKeyFile: z.string().min(1).optional(),
    user: z.string().optional(),
    password: z.string().optional(),
    schema: z.string().min(1).optional(),
    /** Never write here (default false; the JVM's `DatabaseSpec` holds the defaults). */
    readOnly: z.boolean().optional(),
    /** Rows per round trip when streaming (default 10,000). */
    fetchSize: z.number().int().positive().max(1_000_000).optional(),
  })
  .strict()
  .refine((d) => (d.url === undefined) !== (d.backup === undefined), { path: ['url'], message: 'required (expected string: a database URL), or backup: FOLDER (a backup folder) instead, not both' });

/**
 * The whole config: the single source of truth for what `ferry.yaml` may hold.
 *
 * @example
 * configSchema.parse({ databases: { shop: { url: 'jdbc:sqlite:./shop.db' } } })
 */
export const configSchema = z
  .object({
    databases: z
      .record(databaseName, databaseSchema)
      .refine((d) => Object.keys(d).length > 0, 'at least one database'),
    drivers: z.string().min(1).optional(),
  })
  .strict();

/** A config as written by a user (defaults not yet applied). */
export type FerryConfigInput = z.input<typeof configSchema>;
/** A validated config with defaults applied. */
export type FerryConfig = z.output<typeof configSchema>;
/** One validated database entry. */
export type DatabaseConfig = z.output<typeof databaseSchema>;
