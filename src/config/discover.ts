import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The file name looked for in the working folder and its parents when no config is named. */
export const DEFAULT_CONFIG_FILE = 'ferry.yaml';

/** The environment variable naming the config file when neither `--config` nor `--db` is given. */
export const CONFIG_ENV = 'FERRY_CONFIG';

/**
 * The config file the CLI uses when none is named: `$FERRY_CONFIG`, else the nearest
 * `ferry.yaml` in `cwd` or one of its parents (as git finds `.git`), else undefined.
 *
 * @example
 * discoverConfig('/home/me/app/src', {}) // '/home/me/app/ferry.yaml' when that file exists
 */
export function discoverConfig(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env[CONFIG_ENV];
  if (named) return named;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_CONFIG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
