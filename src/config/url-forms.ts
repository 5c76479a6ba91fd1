/**
 * The URL forms users type besides JDBC URLs, one entry per form: which JDBC driver serves it,
 * whether it names a server or a file, and where a missing password may come from. Engine
 * differences of the config layer live here and nowhere else.
 */
interface UrlForm {
  /** Schemes as typed, without the colon. */
  readonly schemes: readonly string[];
  /** The JDBC subprotocol the form becomes (`jdbc:<jdbc>:…`). */
  readonly jdbc: string;
  /** `scheme://user:password@host:port/db?params` or `scheme:path`. */
  readonly kind: 'server' | 'file';
  /** The environment variable the engine's own client reads a password from. */
  readonly passwordEnv?: string;
  /** Whether the engine's client reads `~/.pgpass` (or `$PGPASSFILE`). */
  readonly pgpass?: boolean;
}

const FORMS: readonly UrlForm[] = [
  { schemes: ['postgres', 'postgresql'], jdbc: 'postgresql', kind: 'server', passwordEnv: 'PGPASSWORD', pgpass: true },
  // MariaDB's driver serves MySQL too; it takes `jdbc:mysql:` only with an extra flag.
  { schemes: ['mysql', 'mariadb'], jdbc: 'mariadb', kind: 'server', passwordEnv: 'MYSQL_PWD' },
  { schemes: ['sqlite'], jdbc: 'sqlite', kind: 'file' },
  { schemes: ['duckdb'], jdbc: 'duckdb', kind: 'file' },
  // A folder `ferry backup` wrote, served read-only by the JVM's backup dialect.
  { schemes: ['backup'], jdbc: 'ferry-backup', kind: 'file' },
];

/** A database URL turned into a JDBC URL, with the credentials its user-info carried. */
export interface JdbcForm {
  readonly url: string;
  readonly user?: string;
  readonly password?: string;
}

function formOf(url: string): { form: UrlForm; rest: string } | undefined {
  const m = /^([a-z]+):(.*)$/is.exec(url);
  if (!m?.[1] || m[2] === undefined) return undefined;
  const scheme = m[1].toLowerCase();
  const form = FORMS.find((f) => f.schemes.includes(scheme));
  return form ? { form, rest: m[2] } : undefined;
}

/**
 * Whether `url` is a JDBC URL or one of the forms {@link toJdbc} understands.
 *
 * @example
 * isDatabaseUrl('postgres://u@h/db') // true
 */
export function isDatabaseUrl(url: string): boolean {
  if (/^jdbc:[a-z0-9-]+:/i.test(url)) return true;
  const f = formOf(url);
  return f !== undefined && (f.form.kind === 'file' ? f.rest.length > 0 : f.rest.startsWith('//'));
}

function decoded(part: string): string | undefined {
  return part ? decodeURIComponent(part) : undefined;
}

/**
 * The JDBC URL for a URL as users type it (`postgres://`, `postgresql://`, `mysql://`,
 * `mariadb://`, `sqlite:path`, `duckdb:path`), carrying host, port, database and query
 * parameters; user and password come out of the URL, so they never reach a message. JDBC URLs
 * are returned unchanged.
 *
 * @example
 * toJdbc('postgres://app:s3cret@db.local:6543/shop?sslmode=require')
 * // { url: 'jdbc:postgresql://db.local:6543/shop?sslmode=require', user: 'app', password: 's3cret' }
 */
export function toJdbc(url: string): JdbcForm {
  const f = formOf(url);
  if (!f) return { url };
  if (f.form.kind === 'file') {
    // `sqlite:///abs/file.db` and `sqlite://rel.db` as some tools write them; `sqlite:file.db` as is.
    const path = f.rest.startsWith('///') ? f.rest.slice(2) : f.rest.startsWith('//') ? f.rest.slice(2) : f.rest;
    return { url: `jdbc:${f.form.jdbc}:${path}` };
  }
  // A scheme without special rules, so no default port is dropped and no host is guessed.
  const parsed = new URL(`ferry:${f.rest}`);
  const host = parsed.hostname || 'localhost';
  const port = parsed.port ? `:${parsed.port}` : '';
  const user = decoded(parsed.username);
  const password = decoded(parsed.password);
  return {
    url: `jdbc:${f.form.jdbc}://${host}${port}${parsed.pathname}${parsed.search}`,
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}

/**
 * Where a password missing from the config may come from for a JDBC URL, as the engine's own
 * client looks for it (`PGPASSWORD` and `~/.pgpass` for PostgreSQL, `MYSQL_PWD` for MariaDB and
 * MySQL); undefined for engines without such a convention.
 *
 * @example
 * passwordSources('jdbc:postgresql://h/db') // { passwordEnv: 'PGPASSWORD', pgpass: true }
 */
export function passwordSources(jdbcUrl: string): { readonly passwordEnv?: string; readonly pgpass?: boolean } | undefined {
  const sub = /^jdbc:([a-z0-9]+):/i.exec(jdbcUrl)?.[1]?.toLowerCase();
  return sub === undefined ? undefined : FORMS.find((f) => f.jdbc === sub || f.schemes.includes(sub));
}
