import { existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { shellWord } from './shell-word.js';

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * How to run this very `ferry` again from any folder, for commands Ferry prints for the user to
 * type: `ferry` when that name on the PATH is this binary, else `node /abs/path/bin/ferry.js`.
 * Never `npx ferry` (outside this package's folder npx fetches an unrelated package of that name)
 * nor `npx calcite-ferry` (the package is not published on npm).
 *
 * @example
 * ferryCommand() // 'ferry' after `npm install -g /path/to/clone` or `npm link` in the clone
 */
export function ferryCommand(script: string | undefined = process.argv[1], env: NodeJS.ProcessEnv = process.env): string {
  const self = script ? real(script) : undefined;
  if (!self) return 'ferry';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'ferry');
    if (existsSync(candidate) && real(candidate) === self) return 'ferry';
  }
  return `node ${shellWord(self)}`;
}

/**
 * How to put this `ferry` on the PATH as plain `ferry`, or undefined when it already is (or its
 * script is unknown): install the folder it runs from, since the package is not on npm.
 *
 * @example
 * ferryInstallHint() // '`npm install -g /home/me/ferry` (or `npm link` in /home/me/ferry) puts `ferry` on the PATH'
 */
export function ferryInstallHint(script: string | undefined = process.argv[1], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const self = script ? real(script) : undefined;
  if (!self || ferryCommand(script, env) === 'ferry') return undefined;
  const root = shellWord(dirname(dirname(self)));
  return `\`npm install -g ${root}\` (or \`npm link\` in ${root}) puts \`ferry\` on the PATH`;
}
