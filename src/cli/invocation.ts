import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
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
 * Never `npx ferry`: outside this package's folder npx fetches an unrelated package of that name.
 *
 * @example
 * ferryCommand() // 'ferry' after `npm install -g calcite-ferry`
 */
export function ferryCommand(script: string | undefined = process.argv[1], env: NodeJS.ProcessEnv = process.env): string {
  const self = script ? real(script) : undefined;
  if (!self) return 'npx calcite-ferry';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'ferry');
    if (existsSync(candidate) && real(candidate) === self) return 'ferry';
  }
  return `node ${shellWord(self)}`;
}
