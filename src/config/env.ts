import { FerryError } from '../errors/index.js';

/**
 * Replaces `${VAR}` in every string of a parsed config with the environment's value.
 * `$${VAR}` keeps a literal `${VAR}`. A missing variable is an error naming the key.
 *
 * @example
 * expandEnv({ password: '${PGPASSWORD}' }, { PGPASSWORD: 's3cret' }) // { password: 's3cret' }
 */
export function expandEnv(value: unknown, env: NodeJS.ProcessEnv, path = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match: string, name: string) => {
      if (match.startsWith('$$')) return match.slice(1);
      const v = env[name];
      if (v === undefined) {
        throw new FerryError('ENV_MISSING', `${path || 'config'}: environment variable ${name} is not set (export ${name}=… or remove \${${name}} from the config)`, { key: path, variable: name });
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => expandEnv(v, env, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, expandEnv(v, env, path ? `${path}.${k}` : k)]),
    );
  }
  return value;
}
