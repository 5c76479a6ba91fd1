import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCodes } from '../../src/compat/codes.js';
import { ERROR_CODES } from '../../src/errors/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every finding code with its example', () => {
    for (const c of listCodes()) {
      expect(readme, c.code).toContain(`| ${c.code} | ${c.severities.join(' / ')} |`);
      expect(readme, c.code).toContain(c.example.replace(/\|/g, '\\|'));
    }
  });

  it('lists every error code with its exit code', () => {
    for (const [code, { exit }] of Object.entries(ERROR_CODES)) expect(readme, code).toContain(`| \`${code}\` | ${exit} |`);
  });
});
