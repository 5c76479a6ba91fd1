import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { native, runFerry, tempDir } from './fixtures.js';

describe('one bad database does not block the others', () => {
  const dir = tempDir('i12a-bad-');
  const good = `jdbc:h2:${join(dir, 'good')}`;

  beforeAll(async () => {
    await native(good, 'CREATE TABLE items (id INT PRIMARY KEY)', 'INSERT INTO items VALUES (1), (2), (3)');
    writeFileSync(join(dir, 'ferry.yaml'), `databases:
  good: { url: "${good}", schema: PUBLIC }
  down: { url: "postgres://postgres@127.0.0.1:1/test" }
  noschema: { url: "${good}", schema: I12A_NOPE }
  envy: { url: "jdbc:postgresql://127.0.0.1/test", user: "\${I12A_UNSET_USER}" }
`);
  });

  it('runs commands on the good database while another is down, lacks its schema or names an unset ${VAR}', () => {
    const env = { I12A_UNSET_USER: undefined };
    const q = runFerry(['query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM good.items'], dir, env);
    expect(q.err).toBe('');
    expect(q.out).toBe('n\r\n3\r\n');
    expect(runFerry(['tables', 'good', '--format', 'json'], dir, env).code).toBe(0);
    expect(runFerry(['describe', 'good.items'], dir, env).code).toBe(0);
  });

  it('fails a command that uses a bad database with that database\'s own error', () => {
    const env = { I12A_UNSET_USER: undefined };
    const envy = runFerry(['query', 'SELECT * FROM envy.public.t'], dir, env);
    expect(envy.code).toBe(2);
    expect(envy.err).toMatch(/^ferry: error \[ENV_MISSING\]: databases\.envy\.user: environment variable I12A_UNSET_USER is not set/);
    const down = runFerry(['query', 'SELECT * FROM down.public.t'], dir, env);
    expect(down.code).toBe(3);
    expect(down.err).toMatch(/^ferry: error \[CONNECTION_FAILED\]: cannot connect to database 'down'/);
    const missing = runFerry(['tables', 'noschema'], dir, env);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^ferry: error \[CONFIG_INVALID\]: databases\.noschema\.schema: 'I12A_NOPE' does not exist/);
  });

  it('doctor reports each problem on its own database', () => {
    const r = runFerry(['doctor', '--json'], dir, { I12A_UNSET_USER: undefined });
    expect(r.code).toBe(3);
    const report = JSON.parse(r.out) as { checks: { name: string; ok: boolean; code?: string }[] };
    const dbs = report.checks.filter((c) => c.name.startsWith('database ')).map((c) => [c.name, c.ok, c.code ?? null]);
    expect(dbs).toEqual([
      ['database good', true, null],
      ['database down', false, 'CONNECTION_FAILED'],
      ['database noschema', false, 'CONFIG_INVALID'],
      ['database envy', false, 'ENV_MISSING'],
    ]);
  });
});
