import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/catalog.js';
import { FERRY_BIN, runFerry, tempDir } from './fixtures.js';

/** The modules one run of the real `ferry` binary resolved, recorded by a module-resolution hook. */
function modulesLoaded(args: readonly string[]): { urls: string[]; out: string } {
  const dir = tempDir('i12a-startup-');
  const log = join(dir, 'modules.log');
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}
`);
  writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), FERRY_BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), out: r.stdout };
}

describe('time to first output', () => {
  it('ferry --help loads no command, no Arrow, no config schema and no JVM bridge', () => {
    const { urls, out } = modulesLoaded(['--help']);
    expect(out).toContain('tables ');
    expect(out).toContain('describe ');
    // api/lifecycle.js (closing open handles on a signal) and config/discover.js (naming the
    // config for --verbose) are the two modules of those layers it needs; neither imports more.
    const loaded = urls.filter((u) => /apache-arrow|java-bridge|\/zod\/|\/yaml\/|\/dist\/(?:api\/(?!lifecycle\.js)|config\/(?!discover\.js)|(?:bridge|arrow)\/)/.test(u));
    expect(loaded).toEqual([]);
  });

  it('ferry --help ends with examples of real commands', () => {
    const r = runFerry(['--help'], tempDir('i12a-help-top-'));
    expect(r.code).toBe(0);
    const examples = r.out.slice(r.out.indexOf('\nExamples:\n'));
    expect(examples).toMatch(/^\nExamples:\n(  ferry .*\n){5,}$/);
    const named = [...examples.matchAll(/^ {2}ferry (\w+)/gm)].map((m) => m[1]!);
    expect(named.filter((n) => !(n in COMMANDS) && n !== 'help')).toEqual([]);
  });

  it('ferry query --help loads only the query command', () => {
    const { urls, out } = modulesLoaded(['query', '--help']);
    expect(out).toMatch(/^Usage: ferry query/);
    expect(urls.filter((u) => /\/dist\/cli\/commands\/(?!query|catalog)/.test(u))).toEqual([]);
  });

  it('every command\'s --help ends with examples, and offers --quiet, --verbose and --format', () => {
    const dir = tempDir('i12a-help-');
    for (const name of Object.keys(COMMANDS)) {
      const r = runFerry([name, '--help'], dir);
      expect(r.code, name).toBe(0);
      expect(r.out, name).toMatch(new RegExp(`\\nExamples:\\n(  ferry ${name} .*\\n|  ferry ${name}\\n)`));
      expect(r.out, name).toContain('-q, --quiet');
      expect(r.out, name).toContain('--verbose');
      if (name !== 'demo') expect(r.out, name).toMatch(/-f, --format <format>/);
    }
  });
});
