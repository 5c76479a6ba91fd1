import { describe, expect, it } from 'vitest';
import { migrationReportHtml } from '../../../../src/cli/render/migration-html.js';
import { migrationReportText } from '../../../../src/cli/render/migration-text.js';
import type { MigrationReport } from '../../../../src/migrate/events.js';

const report: MigrationReport = {
  from: 'pg.app', to: 'maria.app', sourceEngine: 'postgresql', targetEngine: 'mariadb', dryRun: false, seconds: 3.25, ok: false,
  plan: {
    from: 'pg', to: 'maria', sourceEngine: 'postgresql', targetEngine: 'mariadb', targetNamespace: 'app', checkpointNamespace: 'ferry', job: 'migrate:pg->maria',
    tables: [{ source: 'customers', target: 'customers', exists: false, partitions: [] }, { source: 'orders', target: 'orders', exists: false, partitions: [] }],
    loadInOrder: false,
    structureWhileLoading: false,
    steps: [
      { phase: 'tables', object: 'customers', description: 'create table (2 columns)', sql: ['CREATE TABLE `app`.`customers` (`id` INT, `note` LONGTEXT)'], table: 'customers', column: null, undo: [], references: null },
      { phase: 'views', object: 'totals', description: 'view (2 columns)', sql: ['CREATE VIEW `app`.`totals` AS SELECT 1 < 2'], table: null, column: null, undo: [], references: null },
    ],
    warnings: [{ object: 'customers.tags', message: 'array _text has no equivalent: becomes LONGTEXT holding <the array\'s text>' }],
    skipped: [{ object: 'measurements_2024', kind: 'partition', reason: 'a partition of measurements' }],
    counters: {},
  },
  phases: [
    { phase: 'tables', checkpointNamespace: 'ferry', steps: [{ object: 'customers', description: 'create table (2 columns)', ok: true, sql: ['CREATE TABLE `app`.`customers` (`id` INT, `note` LONGTEXT)'], error: null }] },
    { phase: 'views', checkpointNamespace: 'ferry', steps: [{ object: 'totals', description: 'view (2 columns)', ok: false, sql: ['CREATE VIEW `app`.`totals` AS SELECT 1 < 2'], error: 'Unknown column "x"' }] },
  ],
  failedSteps: [{ object: 'totals', description: 'view (2 columns)', ok: false, sql: ['CREATE VIEW `app`.`totals` AS SELECT 1 < 2'], error: 'Unknown column "x"' }],
  tables: [
    { source: 'customers', target: 'customers', existed: false, loaded: true, rows: 1200, seconds: 1.5, error: null, verify: { match: true, sourceRows: 1200, targetRows: 1200, differingKeyCount: 0, method: 'checksum-in-jvm' } },
    { source: 'orders', target: 'orders', existed: false, loaded: true, rows: 10, seconds: 0.2, error: null, verify: { match: false, sourceRows: 10, targetRows: 9, differingKeyCount: 1, method: 'checksum-in-jvm' } },
  ],
};

describe('migration reports', () => {
  it('HTML is one self-contained page: outcome first, findings by severity with a filter, escaped text', () => {
    const html = migrationReportHtml(report, "ferry migrate --from pg.app --to maria.app --format html");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(?:link|img)\b|<script[^>]+src=|https?:\/\//);
    expect(html.indexOf('id="outcome"')).toBeLessThan(html.indexOf('<h2>Tables'));
    expect(html).toContain('Migration incomplete: 2 of 2 tables loaded, 1 step failed.');
    expect(html).toContain('<div>2 tables</div><div>1,210 rows</div><div>3.3 s</div><div class="error">2 errors</div><div class="warning">1 warning</div><div class="info">1 note</div>');
    expect(html).toContain('<tr data-row-severity="warning"><td class="warning">warning</td><td>customers.tags</td><td>array _text has no equivalent: becomes LONGTEXT holding &lt;the array&#39;s text&gt;</td></tr>');
    expect(html).toContain('<tr data-row-severity="error"><td class="error">error</td><td>orders</td><td>differs: 1 key</td></tr>');
    expect(html).toContain('<input type="checkbox" data-severity="info" checked> info (1)');
    expect(html).toContain('CREATE VIEW `app`.`totals` AS SELECT 1 &lt; 2');
    expect(html).toContain('<pre id="command">ferry migrate --from pg.app --to maria.app --format html</pre>');
    expect(html).toContain('exact</span> (rows hashed by Ferry from one canonical text)');
  });

  it('text names every table, the failed step and the outcome', () => {
    const text = migrationReportText(report);
    expect(text).toContain('✓ customers  1,200 rows in 1.5 s, verified exact (rows hashed by Ferry from one canonical text)');
    expect(text).toContain('✗ orders     10 rows in 0.2 s, DIFFERS: 1 key (10 → 9 rows)');
    expect(text).toContain('✗ totals (view (2 columns)): Unknown column "x"');
    expect(text).toMatch(/Migration incomplete after 3\.3 s: 2 of 2 tables loaded, 1 structure step failed, 1 table differs\.$/m);
  });

  it('words counts of one in the singular, in HTML and text alike', () => {
    const one: MigrationReport = { ...report, ok: true, failedSteps: [], plan: { ...report.plan, warnings: [], skipped: [] }, tables: [{ ...report.tables[0]!, rows: 1 }] };
    const html = migrationReportHtml(one, 'ferry migrate --from pg.app --to maria.app --format html');
    expect(html).toContain('Migrated 1 table, 1 row, in 3.3 s; every table verified exact.');
    expect(html).toContain('<div>1 table</div><div>1 row</div>');
    expect(migrationReportText(one)).toContain('✓ customers  1 row in 1.5 s');
  });
});
