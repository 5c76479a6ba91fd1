import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferryCommand, ferryInstallHint } from '../../../src/cli/invocation.js';

/** A fake clone with bin/ferry.js, and a folder for PATH. */
function clone(): { root: string; script: string; bin: string } {
  const root = mkdtempSync(join(tmpdir(), 'ferry-clone-'));
  mkdirSync(join(root, 'bin'));
  const script = join(root, 'bin', 'ferry.js');
  writeFileSync(script, '');
  return { root, script, bin: mkdtempSync(join(tmpdir(), 'ferry-path-')) };
}

describe('the ferry command Ferry prints for people to type', () => {
  it('outside the PATH: node with the absolute script, and how to install this clone (the package is not on npm)', () => {
    const c = clone();
    expect(ferryCommand(c.script, { PATH: c.bin })).toBe(`node ${c.script}`);
    expect(ferryInstallHint(c.script, { PATH: c.bin })).toBe(`\`npm install -g ${c.root}\` (or \`npm link\` in ${c.root}) puts \`ferry\` on the PATH`);
  });

  it('on the PATH (npm install -g, npm link): plain ferry, and no install hint', () => {
    const c = clone();
    symlinkSync(c.script, join(c.bin, 'ferry'));
    expect(ferryCommand(c.script, { PATH: c.bin })).toBe('ferry');
    expect(ferryInstallHint(c.script, { PATH: c.bin })).toBeUndefined();
  });

  it('never names a package npm does not have, even when the script is unknown', () => {
    expect(ferryCommand('', {})).toBe('ferry');
    expect(ferryCommand('/no/such/ferry.js', {})).toBe('ferry');
    expect(ferryInstallHint('', {})).toBeUndefined();
  });
});
