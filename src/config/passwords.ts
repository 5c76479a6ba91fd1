import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { urlSecrets } from '../errors/index.js';
import { passwordSources } from './url-forms.js';

/** The parts of a JDBC server URL a `.pgpass` line is matched on. */
interface Target {
  readonly host: string;
  readonly port: string;
  readonly database: string;
}

function targetOf(jdbcUrl: string): Target | undefined {
  const m = /^jdbc:[a-z0-9]+:\/\/(\[[^\]]+\]|[^:/?]*)(?::(\d+))?\/?([^?;]*)/i.exec(jdbcUrl);
  if (!m) return undefined;
  return { host: m[1] || 'localhost', port: m[2] ?? '5432', database: m[3] ?? '' };
}

/** The fields of one `.pgpass` line; `\:` and `\\` are escapes. */
function pgpassFields(line: string): string[] {
  const fields: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) cur += line[++i];
    else if (ch === ':') {
      fields.push(cur);
      cur = '';
    } else cur += ch;
  }
  fields.push(cur);
  return fields;
}

/**
 * The password `~/.pgpass` (or `$PGPASSFILE`) holds for a connection, as libpq reads it: the
 * first line whose host, port, database and user match, `*` matching anything.
 *
 * @example
 * pgpassPassword('jdbc:postgresql://db.local:5432/shop', 'app', process.env)
 */
export function pgpassPassword(jdbcUrl: string, user: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const file = env.PGPASSFILE ?? (env.HOME ? join(env.HOME, '.pgpass') : undefined);
  const target = targetOf(jdbcUrl);
  if (!file || !target || !existsSync(file)) return undefined;
  const wantedUser = user ?? env.PGUSER ?? env.USER ?? '';
  const wanted = [target.host, target.port, target.database, wantedUser];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const f = pgpassFields(line);
    if (f.length < 5) continue;
    if (wanted.every((w, i) => f[i] === '*' || f[i] === w)) return f.slice(4).join(':');
  }
  return undefined;
}

/**
 * The password for a database whose config gives none (neither `password:` nor one inside the
 * URL), from where the engine's own client would find it; undefined when there is none.
 *
 * @example
 * ambientPassword('jdbc:postgresql://h/db', 'app', { PGPASSWORD: 's3cret' }) // 's3cret'
 */
export function ambientPassword(jdbcUrl: string, user: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (urlSecrets(jdbcUrl).length > 0) return undefined;
  const sources = passwordSources(jdbcUrl);
  if (!sources) return undefined;
  const fromEnv = sources.passwordEnv ? env[sources.passwordEnv] : undefined;
  if (fromEnv) return fromEnv;
  return sources.pgpass ? pgpassPassword(jdbcUrl, user, env) : undefined;
}
