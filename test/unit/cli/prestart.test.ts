import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startsEarly, warmUpFor } from '../../../src/cli/prestart.js';
import { tempDir } from '../../integration/fixtures.js';

describe('starting the JVM before a command loads', () => {
  const dir = tempDir('ferry-prestart-');
  const plain = join(dir, 'ferry.yaml');
  writeFileSync(plain, 'databases:\n  pg:\n    url: postgres://postgres@127.0.0.1/test\n');
  const withDrivers = join(dir, 'drivers.yaml');
  writeFileSync(withDrivers, 'drivers: ./jdbc\ndatabases:\n  x:\n    url: jdbc:x://h/db\n');
  const below = join(dir, 'app', 'src');
  mkdirSync(below, { recursive: true });

  it('starts early for engine commands whose config names no drivers folder', () => {
    expect(startsEarly('query', ['SELECT 1', '-c', plain], {}, '/')).toBe(true);
    expect(startsEarly('copy', [`--config=${plain}`], {}, '/')).toBe(true);
    expect(startsEarly('check', [], { FERRY_CONFIG: plain }, '/')).toBe(true);
    // Found as git finds .git: the nearest ferry.yaml above the working folder.
    expect(startsEarly('tables', ['pg'], {}, below)).toBe(true);
    expect(startsEarly('query', ['--db', 'pg=postgres://h/db', 'SELECT 1'], {}, '/')).toBe(true);
  });

  it('leaves the start to the command when the drivers folder must be resolved, no config is found, or help is asked', () => {
    expect(startsEarly('query', ['SELECT 1', '-c', withDrivers], {}, '/')).toBe(false);
    expect(startsEarly('query', ['SELECT 1', '-c', join(dir, 'missing.yaml')], {}, '/')).toBe(false);
    expect(startsEarly('query', ['SELECT 1'], {}, '/')).toBe(false);
    expect(startsEarly('query', ['--help', '-c', plain], {}, '/')).toBe(false);
    // --db with --config is the command's usage error to report.
    expect(startsEarly('query', ['--db', 'a=sqlite:a.db', '-c', plain], {}, '/')).toBe(false);
  });

  it('never starts it for commands that may not need it', () => {
    expect(startsEarly('backup', ['--list', dir, '-c', plain], {}, '/')).toBe(false);
    expect(startsEarly('demo', ['-c', plain], {}, '/')).toBe(false);
    expect(startsEarly('doctor', ['-c', plain], {}, '/')).toBe(false);
  });

  it('plans a statement in the warm-up only for commands that plan statements', () => {
    for (const c of ['query', 'check', 'copy', 'verify', 'migrate', 'backup'] as const) expect(warmUpFor(c)).toBe('plan');
    // A restore loads files and builds keys: planning would only take a core from it.
    expect(warmUpFor('restore')).toBe('open');
  });
});
