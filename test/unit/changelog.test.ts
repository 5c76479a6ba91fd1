import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/catalog.js';

const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; files: string[] };

describe('CHANGELOG.md', () => {
  it('has an Unreleased section and the current version, and ships in the package', () => {
    expect(changelog).toMatch(/^## Unreleased$/m);
    expect(changelog).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')} `, 'm'));
    expect(pkg.files).toContain('CHANGELOG.md');
  });

  it('names every command', () => {
    for (const name of Object.keys(COMMANDS)) expect(changelog, name).toMatch(new RegExp(`\`(ferry )?${name}\\b`));
  });
});
