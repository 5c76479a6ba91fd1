import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, Ferry, snapshot } from '../../src/api/index.js';
import type { Finding } from '../../src/compat/finding.js';
import { parseMapping } from '../../src/migrate/mapping.js';
import { writeSnapshot } from '../../src/schema/snapshot-file.js';
import { APP_QUERIES, EMBEDDED, EXPECTED, MARIADB, POSTGRES, v1, v2 } from './check-fixture.js';
import { maria, native, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-check-');
const queries = join(dir, 'app-queries.sql');
writeFileSync(queries, APP_QUERIES);
const urls = {
  liteV1: `jdbc:sqlite:${join(dir, 'v1.db')}`,
  h2V2: `jdbc:h2:${join(dir, 'v2')}`,
};

/** Columns only B has keep B's spelling (H2 folds unquoted names to upper case). */
function key(f: Finding): string {
  return [f.code, f.severity, f.table, (f.column ?? '').toLowerCase()].join('|');
}
const expected = EXPECTED.map((e) => e.join('|').replace(/\|null$/, '|')).sort();

describe.skipIf(!havePg || !haveMaria)('ferry check across engines', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await pg(...v1(POSTGRES, 'ferry_chk_v1'), ...v2(POSTGRES, 'ferry_chk_v2'));
    await maria(...v1(MARIADB, 'ferry_chk_v1'));
    await maria(...v2(MARIADB, 'ferry_chk_v2'));
    await native(urls.liteV1, ...v1(EMBEDDED('TIMESTAMP'), ''));
    await native(urls.h2V2, ...v2(EMBEDDED('TIMESTAMP(3)'), ''));
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
        lite: { url: urls.liteV1 },
        h2: { url: urls.h2V2, schema: 'PUBLIC' },
      },
    });
  });
  afterAll(async () => ferry?.close());

  const pairs = [
    ['PostgreSQL → PostgreSQL (two schemas)', 'pg.ferry_chk_v1', 'pg.ferry_chk_v2'],
    ['MariaDB → PostgreSQL', 'maria.ferry_chk_v1', 'pg.ferry_chk_v2'],
    ['SQLite → H2', 'lite', 'h2'],
    ['PostgreSQL → MariaDB', 'pg.ferry_chk_v1', 'maria.ferry_chk_v2'],
  ] as const;

  for (const [name, from, to] of pairs) {
    it(`${name}: exactly the findings the policy says`, async () => {
      const report = await check(ferry, from, to, { queriesFile: queries });
      expect(report.findings.map(key).sort()).toEqual(expected);
      const select = report.findings.find((f) => f.code === 'Y101' && f.column === 'select');
      expect(select?.proof).toEqual({ count: 1, examples: ['id=2'], basis: 'query' });
      const email = report.findings.find((f) => f.code === 'K102');
      expect(email?.proof?.count).toBe(1);
      expect(email?.proof?.examples).toEqual(['email=a@example.com']);
      expect(report.summary).toEqual({ error: 7, warning: 5, info: 3 });
    });
  }

  it('--no-data turns data-dependent findings into unproven warnings', async () => {
    const report = await check(ferry, 'pg.ferry_chk_v1', 'pg.ferry_chk_v2', { data: false });
    const select = report.findings.find((f) => f.code === 'Y101' && f.column === 'select');
    expect(select?.severity).toBe('warning');
    expect(select?.message).toMatch(/not proven/);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['C202']);
  });

  it('checks against a saved snapshot, proving narrowings from its statistics', async () => {
    const file = join(dir, 'v1.json');
    writeSnapshot(file, await snapshot(ferry, 'pg.ferry_chk_v1'));
    const report = await check(ferry, file, 'pg.ferry_chk_v2');
    const byKey = new Map(report.findings.map((f) => [`${f.code}|${f.table}|${f.column}`, f]));
    expect(byKey.get('Y101|Order Items|select')?.severity).toBe('error');
    expect(byKey.get('Y101|Customers|name')?.severity).toBe('warning');
    expect(byKey.get('N101|Order Items|note')?.severity).toBe('error');
    expect(byKey.get('T101|stats|null')?.severity).toBe('error');
    // Duplicates need the rows themselves: unproven from a snapshot.
    expect(byKey.get('K102|Customers|email')?.severity).toBe('warning');
  });

  it('--tables and --exclude limit the check', async () => {
    const report = await check(ferry, 'pg.ferry_chk_v1', 'pg.ferry_chk_v2', { tables: ['Cust*', 'stats'], exclude: ['stats'] });
    expect(new Set(report.findings.map((f) => f.table))).toEqual(new Set(['Customers']));
  });
});

const BIN = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));

describe.skipIf(!havePg)('ferry check CLI', () => {
  const cfg = join(dir, 'ferry.yaml');
  beforeAll(async () => {
    await pg(...v1(POSTGRES, 'ferry_chk_v1'), ...v2(POSTGRES, 'ferry_chk_v2'));
    writeFileSync(cfg, `databases:\n  pg:\n    url: ${SERVICES.postgres.url}\n    user: postgres\n`);
  });
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'check', '-c', cfg, '--from', 'pg.ferry_chk_v1', '--to', 'pg.ferry_chk_v2', ...args], { encoding: 'utf8', cwd: dir });

  it('writes JSON findings and a summary, exit 1 on errors', () => {
    const r = run('--format', 'json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Finding[]; summary: Record<string, number> };
    expect(doc.summary).toEqual({ error: 6, warning: 5, info: 3 });
    expect(Object.keys(doc.findings[0]!)).toEqual(expect.arrayContaining(['code', 'severity', 'table', 'column', 'message']));
  });

  it('writes JUnit with one test case per table', () => {
    const out = join(dir, 'check.xml');
    const r = run('--format', 'junit', '--output', out);
    expect(r.status).toBe(1);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml).toMatch(/<testcase classname="ferry\.check" name="Order Items">/);
    expect(xml).toMatch(/<testcase classname="ferry\.check" name="audit"\s*\/>|<testcase classname="ferry\.check" name="audit"><\/testcase>|name="audit"[^>]*>\s*(<system-out>[\s\S]*?<\/system-out>\s*)?<\/testcase>/);
  });

  it('a baseline of the accepted findings makes the check pass', () => {
    const base = join(dir, 'baseline.json');
    writeFileSync(base, run('--format', 'json').stdout);
    const r = run('--format', 'json', '--baseline', base);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r.stderr).toMatch(/14 findings suppressed by the baseline/);
  });

  it('--fail-on warning fails on warnings; usage errors exit 2', () => {
    const base = join(dir, 'errors-only.json');
    const all = JSON.parse(run('--format', 'json').stdout) as { findings: Finding[] };
    writeFileSync(base, JSON.stringify({ accept: all.findings.filter((f) => f.severity === 'error').map(({ code, table, column }) => ({ code, table, column })) }));
    expect(run('--format', 'json', '--baseline', base).status).toBe(0);
    expect(run('--format', 'json', '--baseline', base, '--fail-on', 'warning').status).toBe(1);
    expect(run('--format', 'yaml').status).toBe(2);
    const missing = spawnSync(process.execPath, [BIN, 'check', '-c', cfg, '--from', 'nope', '--to', 'pg.ferry_chk_v2'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/'nope' is neither a configured database \(pg\) nor a snapshot file/);
  });
  it('--suggest-mapping writes a reviewed-draft mapping that parses, never overwriting without --force', () => {
    const file = join(dir, 'mapping.yaml');
    const r = run('--format', 'json', '--suggest-mapping', 'mapping.yaml');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary).toEqual({ error: 6, warning: 5, info: 3 });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`# Suggested by: ferry check -c ${cfg} --from pg.ferry_chk_v1 --to pg.ferry_chk_v2 --format json --suggest-mapping mapping.yaml\n`);
    expect(text).toContain('REVIEW EVERY LINE');
    expect(text).toContain("  Order Items:\n    columns:\n      created_at: created\n");
    expect(text).toContain("  Customers:\n    columns:\n      # tier: <SQL expression over Customers' columns>  — VARCHAR(5), NOT NULL without a default in B\n");
    expect(text).toContain('  #   empty_t\n  #   stats\n');
    expect(text).toContain('  #   audit: { from: OLD_TABLE }\n');
    expect(parseMapping(text, file)).toEqual({
      tables: {
        Customers: { kind: 'map', from: null, where: null, columns: {} },
        'Order Items': { kind: 'map', from: null, where: null, columns: { created_at: 'created' } },
      },
    });

    const before = statSync(file).mtimeMs;
    const again = run('--format', 'json', '--suggest-mapping', 'mapping.yaml');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/\[OUTPUT_FAILED\]: --suggest-mapping mapping\.yaml already exists: pass --force/);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(run('--format', 'json', '--suggest-mapping', 'mapping.yaml', '--force').status).toBe(1);

    const unwritable = run('--format', 'json', '--suggest-mapping', join(dir, 'no-such-dir', 'm.yaml'));
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/\[OUTPUT_FAILED\]: cannot write --suggest-mapping .*no-such-dir/);
  });
});
