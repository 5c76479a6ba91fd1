import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable } from './browser.js';
import { POSTGRES, v1, v2 } from './check-fixture.js';
import { FERRY_BIN, native, pg, serviceConfig, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const haveChromium = chromiumAvailable();
const havePg = await serviceAvailable('postgres');
const dir = tempDir('ferry-html-');
/** Screenshots for people to look at; git-ignored. */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
/** A name that runs if any report forgets to escape it. */
const EVIL = '<script>window.__pwned=1</script>';
const EVIL_KEY = '<img src=x onerror="window.__pwned=2">';
/** Trust auth ignores it; it must never reach a report. */
const PASSWORD = 'i12b_s3cret_pw';

function ferry(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [FERRY_BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** What a page did besides showing itself: requests, dialogs, errors (a blocked script shows as one). */
interface Watched {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
}

async function open(browser: Browser, file: string): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  return { page, requests, problems };
}

describe.skipIf(!haveChromium || !havePg)('HTML reports in Chromium', () => {
  let browser: Browser;
  const checkHtml = join(dir, 'check.html');
  const verifyHtml = join(dir, 'verify.html');

  beforeAll(async () => {
    const t = (ns: string): string => POSTGRES.table(ns, EVIL);
    await pg(
      ...v1(POSTGRES, 'i12b_chk_v1'), `CREATE TABLE ${t('i12b_chk_v1')} (id INTEGER PRIMARY KEY, v INTEGER)`, `INSERT INTO ${t('i12b_chk_v1')} VALUES (1, 1)`,
      ...v2(POSTGRES, 'i12b_chk_v2'),
      'DROP SCHEMA IF EXISTS i12b_vfy_a CASCADE', 'CREATE SCHEMA i12b_vfy_a',
      'CREATE TABLE i12b_vfy_a.orders (id INTEGER PRIMARY KEY, note VARCHAR(40))',
      "INSERT INTO i12b_vfy_a.orders SELECT i, 'note ' || i FROM generate_series(1, 500) AS i",
      `CREATE TABLE ${t('i12b_vfy_a')} (k VARCHAR(60) PRIMARY KEY, v INTEGER)`,
      `INSERT INTO ${t('i12b_vfy_a')} VALUES ('a', 1), ('${EVIL_KEY}', 2)`,
      'DROP SCHEMA IF EXISTS i12b_vfy_b CASCADE', 'CREATE SCHEMA i12b_vfy_b',
      'CREATE TABLE i12b_vfy_b.orders (LIKE i12b_vfy_a.orders INCLUDING ALL)', 'INSERT INTO i12b_vfy_b.orders SELECT * FROM i12b_vfy_a.orders',
      "UPDATE i12b_vfy_b.orders SET note = 'changed' WHERE id = 250", 'DELETE FROM i12b_vfy_b.orders WHERE id = 7',
      `CREATE TABLE ${t('i12b_vfy_b')} (LIKE ${t('i12b_vfy_a')} INCLUDING ALL)`, `INSERT INTO ${t('i12b_vfy_b')} VALUES ('a', 1)`,
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
    if (havePg) await pg('DROP SCHEMA IF EXISTS i12b_chk_v1 CASCADE', 'DROP SCHEMA IF EXISTS i12b_chk_v2 CASCADE', 'DROP SCHEMA IF EXISTS i12b_vfy_a CASCADE', 'DROP SCHEMA IF EXISTS i12b_vfy_b CASCADE');
  });

  it('check: findings by severity with their codes, tables and proof; the filter hides and shows them; nothing runs or loads', async () => {
    const r = ferry(['check', '-c', serviceConfig(dir), '--from', 'pg.i12b_chk_v1', '--to', 'pg.i12b_chk_v2', '--format', 'html', '-o', checkHtml]);
    expect(r.err).not.toMatch(/error \[/);
    expect(r.code).toBe(1);
    const { page, requests, problems } = await open(browser, checkHtml);
    expect(await page.locator('#outcome').textContent()).toMatch(/^7 errors, 5 warnings, 3 info — pg\.i12b_chk_v1 → pg\.i12b_chk_v2$/);
    const errors = page.locator('section#error tr.finding');
    const warnings = page.locator('section#warning tr.finding');
    expect(await errors.count()).toBe(7);
    expect(await warnings.count()).toBe(5);
    expect(await page.locator('section#info tr.finding').count()).toBe(3);
    const select = page.locator('section#error tr.finding[data-code="Y101"]');
    expect(await select.locator('td').allTextContents()).toEqual(['Y101', 'Order Items', 'select', expect.stringMatching(/hint: /), '1 found, e.g. id=2']);
    const evil = page.locator('tr.finding', { hasText: EVIL });
    expect(await evil.locator('td').nth(1).textContent()).toBe(EVIL);
    expect(await page.locator('#command').textContent()).toBe(`ferry check -c ${join(dir, 'ferry.yaml')} --from pg.i12b_chk_v1 --to pg.i12b_chk_v2 --format html -o ${checkHtml}`);

    await page.locator('input[data-severity="warning"]').uncheck();
    expect(await warnings.first().isVisible()).toBe(false);
    expect(await page.locator('section#warning').isVisible()).toBe(false);
    expect(await errors.first().isVisible()).toBe(true);
    await page.locator('input[data-severity="error"]').uncheck();
    expect(await errors.first().isVisible()).toBe(false);
    await page.locator('input[data-severity="warning"]').check();
    expect(await warnings.nth(4).isVisible()).toBe(true);
    await page.locator('input[data-severity="error"]').check();

    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'check-report.png'), fullPage: true });
  });

  it('verify: rows each side, the method in words, chunks and differing keys; the filter works; no secret, nothing runs or loads', async () => {
    const db = `pg=${SERVICES.postgres.url}?user=${SERVICES.postgres.user}&password=${PASSWORD}`;
    const r = ferry(['verify', '--db', db, '--from', 'pg.i12b_vfy_a', '--to', 'pg.i12b_vfy_b', '--tables', `orders,${EVIL}`, '--format', 'html', '-o', verifyHtml]);
    expect(r.err).not.toMatch(/error \[/);
    expect(r.code).toBe(1);
    const html = readFileSync(verifyHtml, 'utf8');
    expect(html).not.toContain(PASSWORD);
    const { page, requests, problems } = await open(browser, verifyHtml);
    expect(await page.locator('#outcome').textContent()).toBe('2 of 2 tables differ.');
    const orders = page.locator('tr.table', { has: page.locator('td', { hasText: /^orders$/ }) });
    const cells = await orders.locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['orders', 'differs', '500', '499']);
    expect(cells[4]).toMatch(/^\d+ chunks?, \d+ differed$/);
    expect(cells.slice(5)).toEqual(['checksums computed in each database', '2']);
    const ordersKeys = page.locator('section.differences', { has: page.locator('h3', { hasText: /^orders$/ }) });
    expect(await ordersKeys.locator('tr.difference').allTextContents()).toEqual(['id=7missing', 'id=250changed']);
    const evil = page.locator('section.differences', { has: page.locator('h3', { hasText: EVIL }) });
    expect(await evil.locator('tr.difference td code').textContent()).toBe(`k=${EVIL_KEY}`);
    expect(await page.locator('#command').textContent()).toBe(
      `ferry verify --db 'pg=${SERVICES.postgres.url}?user=postgres&password=***' --from pg.i12b_vfy_a --to pg.i12b_vfy_b --tables 'orders,${EVIL}' --format html -o ${verifyHtml}`,
    );

    await page.locator('input[data-severity="differs"]').uncheck();
    expect(await orders.isVisible()).toBe(false);
    expect(await ordersKeys.isVisible()).toBe(false);
    await page.locator('input[data-severity="differs"]').check();
    expect(await orders.isVisible()).toBe(true);
    expect(await ordersKeys.isVisible()).toBe(true);

    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'verify-report.png'), fullPage: true });
  });
});

describe.skipIf(!haveChromium)('the migration report in Chromium', () => {
  let browser: Browser;
  const html = join(dir, 'migration.html');
  const lite = `jdbc:sqlite:${join(dir, 'legacy.db')}`;

  beforeAll(async () => {
    await native(lite, `CREATE TABLE ${POSTGRES.q(EVIL)} (id INTEGER PRIMARY KEY, v TEXT)`, `INSERT INTO ${POSTGRES.q(EVIL)} VALUES (1, 'a'), (2, '${EVIL_KEY}')`);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => browser?.close());

  it('shares the shell: outcome, tables with the method in words, structure; nothing runs or loads', async () => {
    const r = ferry(['migrate', '--db', `legacy=${lite}`, '--db', `h2=jdbc:h2:${join(dir, 'new')}`, '--from', 'legacy', '--to', 'h2.PUBLIC', '--format', 'html', '-o', html]);
    expect(r.err).not.toMatch(/error \[/);
    expect(r.code).toBe(0);
    const { page, requests, problems } = await open(browser, html);
    expect(await page.locator('#outcome').textContent()).toMatch(/^Migrated 1 table, 2 rows, in [\d.]+ s; every table verified exact\.$/);
    expect(await page.locator('tr', { hasText: EVIL }).first().locator('td').first().textContent()).toBe(EVIL);
    expect(await page.getByText(/exact \(rows hashed by Ferry/).count()).toBe(1);
    expect(await page.locator('details > summary').allTextContents()).toContain('tables (1)');
    expect(await page.locator('#command').textContent()).toMatch(/^ferry migrate --db legacy=jdbc:sqlite:.* --format html -o /);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'migration-report.png'), fullPage: true });
  });
});
