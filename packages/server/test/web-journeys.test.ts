/**
 * Browser journeys in real Chromium (Debian /usr/bin/chromium via playwright-core) against the
 * server in-process: overview, edit a value and see the figures it changes, import a
 * file with an error then a good one, open a figure's lineage, download the PDF, retract a value,
 * find indicators in the catalogue. Screenshots of every page in
 * both languages go to artifacts/screenshots/ (gitignored). The web bundle is built first if
 * packages/web/dist is missing. Needs chromium: `bash scripts/ensure-system-packages.sh`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { launchBrowser } from '@assay/render';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const demoDir = existsSync(join(ROOT, 'examples/xinxin-2025/assay.yaml'))
  ? join(ROOT, 'examples/xinxin-2025')
  : join(ROOT, 'examples/minimal');

async function serveBundle(dir: string): Promise<Started> {
  const loaded = await loadBundle(dir);
  if (!loaded.ok) throw new Error(`${dir} does not load: ${loaded.issues[0]?.reason}`);
  return listen(createApp({ workspace: new MemoryWorkspace(loaded.bundle), webRoot: WEB_ROOT }), 0);
}

let browser: Browser;
let journeys: Started;
let demo: Started;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    const { build } = await import('vite');
    const webDir = join(ROOT, 'packages', 'web');
    // vitest sets NODE_ENV=test, which would make Vite ship development React (slow; effects twice)
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = env;
    }
  }
  await mkdir(SHOTS, { recursive: true });
  browser = await launchBrowser(); // the renderer's Chromium and flags (no background networking)
  journeys = await serveBundle(join(ROOT, 'examples/minimal'));
  demo = await serveBundle(demoDir);
});

afterAll(async () => {
  await browser?.close();
  await journeys?.close();
  await demo?.close();
});

async function open(server: Started, hash: string, lang: 'zh-Hant' | 'en' = 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      l,
    );
  }, lang);
  await page.goto(`${server.url}#/${hash}`);
  return page;
}

describe('the web app in Chromium', () => {
  it('renders the demo overview with its data, in both languages', async () => {
    // Behaviour only; how fast it renders is measured by bench/web-bench.ts (BENCH_ONLY=web
    // npm run bench), not asserted here: a timed assertion fails on a busy machine.
    for (const lang of ['zh-Hant', 'en'] as const) {
      const page = await open(demo, 'overview', lang);
      await page.locator('[data-ready="overview"]').waitFor();
      expect(await page.locator('nav a.active').textContent()).toBe(lang === 'en' ? 'Overview' : '概覽');
      expect(await page.evaluate(() => performance.getEntriesByName('assay:overview-ready').length)).toBe(1);
      await page.close();
    }
  });

  it('edits a value in the grid and sees the dependent figures and findings change', async () => {
    const page = await open(journeys, 'checks');
    const revenueFinding = page.locator('[data-finding-figure="revenue@group/2025"]');
    await page.locator('table.findings tbody tr').first().waitFor();
    expect(await revenueFinding.count()).toBe(0);
    await page.goto(`${journeys.url}#/data`);
    const cell = page.locator('input[data-dp="rev-25"]');
    await cell.fill('20,00');
    expect(await page.locator('.cell-error').first().textContent()).toContain('no thousands separators');
    await page.fill('input[name="reason"]', 'audited accounts');
    await cell.fill('2000');
    await cell.press('Enter');
    // revenue 1000 → 2000 CNY million: the intensity per revenue halves
    const changed = page.locator('[data-changed="revenue@group/2025"]');
    await changed.waitFor();
    expect(await changed.textContent()).toContain('2,000');
    await page.locator('[data-changed="ghg.intensity.revenue@group/2025"]').waitFor();
    await page.goto(`${journeys.url}#/overview`);
    await page.locator('[data-indicator="revenue"] .big').getByText('2,000').waitFor();
    // +110.53 % against 2024 (950): the year-on-year check now asks for an explanation
    await page.goto(`${journeys.url}#/checks`);
    await revenueFinding.first().waitFor();
    expect(await page.locator('tr.finding', { has: revenueFinding }).textContent()).toContain('year-on-year');
    await page.close();
  });

  it('imports a file with an error (shown by row and column), then a good file', async () => {
    const page = await open(journeys, 'data');
    const header = 'entity,period,indicator,value,unit,source';
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${header}\nmine,2025,revenue,300,CNY million,ledger\nmine,2025,revenue-typo,1,CNY million,ledger\n`,
      ),
    });
    const error = page.locator('.row-error').first();
    await error.waitFor();
    expect(await error.textContent()).toContain('revenue-typo');
    expect(await page.locator('button', { hasText: 'Apply import' }).isDisabled()).toBe(true);
    await input.setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\nmine,2025,revenue,300,CNY million,ledger\n`),
    });
    await page.locator('.action-add').waitFor();
    await page.fill('input[name="import-reason"]', 'mine revenue from the ledger');
    await page.click('button:has-text("Apply import")');
    await page.locator('[data-testid="import-done"]').waitFor();
    await page.locator('[data-changed="revenue@mine/2025"]').waitFor();
    await page.close();
  });

  it("opens a figure's derivation from the number on the overview", async () => {
    const page = await open(journeys, 'overview');
    await page.locator('[data-indicator="revenue"] a.figure').first().click();
    const fact = page.locator('.node-fact').first();
    await fact.waitFor();
    expect(await fact.textContent()).toContain('finance ledger');
    await page.close();
  });

  it('downloads the PDF report from the report page', async () => {
    const page = await open(journeys, 'report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format="pdf"]')]);
    const path = join(SHOTS, 'report-en.pdf');
    await download.saveAs(path);
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('retracts a data point from the grid, only with a reason and a second click', async () => {
    const page = await open(journeys, 'data');
    await page.selectOption('select[name="entity"]', 'mine');
    const button = page.locator('button[data-retract="hc-m-f"]');
    await button.click();
    expect(await page.locator('.cell-error').first().textContent()).toContain('Enter a reason');
    await page.fill('input[name="reason"]', 'female headcount counted twice');
    await button.click();
    expect(await button.textContent()).toBe('Confirm retract?');
    expect(await page.locator('input[data-dp="hc-m-f"]').count()).toBe(1);
    await button.click();
    // mine headcount 150 + 50 → 150
    const changed = page.locator('[data-changed="employees.headcount@mine/2025"]');
    await changed.waitFor();
    expect(await changed.textContent()).toContain('150');
    await page.locator('input[data-dp="hc-m-f"]').waitFor({ state: 'detached' });
    expect(await page.locator('input[data-dp="hc-m-m"]').count()).toBe(1);
    await page.close();
  });

  it('finds indicators in the catalogue by Chinese name and by id, in either language', async () => {
    // a server of its own: the journeys above change the minimal bundle's data
    const fresh = await serveBundle(join(ROOT, 'examples/minimal'));
    const page = await open(fresh, 'catalogue', 'zh-Hant');
    const rows = 'table.catalogue tr[data-indicator]';
    const shownIds = async (count: number) => {
      await page.waitForFunction(
        ([sel, n]) =>
          (
            globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
          ).document.querySelectorAll(sel as string).length === n,
        [rows, count] as const,
        { timeout: 10_000 },
      );
      return page.locator(rows).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-indicator')));
    };
    await page.locator('table[data-ready="catalogue"]').waitFor();
    expect(await page.locator('nav a.active').textContent()).toBe('指標目錄');
    expect(await page.locator(rows).count()).toBeGreaterThan(100);
    // every header cell says what it heads
    expect(await page.locator('table.catalogue th:not([scope])').count()).toBe(0);
    const search = page.locator('input[name="catalogue-search"]');
    await search.fill('員工總數');
    // the derived total, and the total of new hires, which contains the words
    expect(await shownIds(2)).toEqual(['employees.total', 'employees.hires.total']);
    await search.fill('年末員工人數');
    expect(await shownIds(1)).toEqual(['employees.headcount']);
    const headcount = page.locator('tr[data-indicator="employees.headcount"]');
    expect(await headcount.locator('th .name').textContent()).toBe('年末員工人數');
    expect(await headcount.locator('th .name-other').textContent()).toBe('Employees (headcount, year end)');
    // the kind filter is the next stop from the search box
    await search.press('Tab');
    await page.keyboard.press('ArrowDown'); // all → entered
    expect(await page.locator('select[name="kind"]').inputValue()).toBe('input');
    expect(await shownIds(1)).toEqual(['employees.headcount']);
    // examples/minimal: 4 headcount data points at smelter and mine; HKEX KPI B1.1 asks it by gender
    // (the axis by its Chinese name on the Chinese page, issue #19)
    expect(await headcount.locator('[data-count]').textContent()).toBe('4 筆數據 · 2 個實體');
    expect(await headcount.locator('[data-subject="hkex:B1.1"]').textContent()).toContain('性別');
    await page.selectOption('select[name="kind"]', 'all');
    await search.fill('GHG.Scope1');
    const scope1 = [
      'ghg.scope1',
      'ghg.scope1.combustion',
      'ghg.scope1.reductant',
      'ghg.scope1.process',
      'ghg.scope1.fugitive', // coal mining's methane (the coal-mining pack, issue #24)
      'ghg.scope1.by-fuel',
      'ghg.scope1.intensity.revenue',
    ];
    expect(await shownIds(scope1.length)).toEqual(scope1);
    await page.click('[data-lang-switch]');
    await page.locator('main h1', { hasText: 'Indicator catalogue' }).waitFor();
    expect(await page.locator('nav a.active').textContent()).toBe('Indicator catalogue');
    expect(await shownIds(scope1.length)).toEqual(scope1);
    const row = page.locator('tr[data-indicator="ghg.scope1"]');
    expect(await row.locator('th .name').textContent()).toBe('Scope 1 GHG emissions');
    expect(await row.locator('th .name-other').textContent()).toBe('範圍一溫室氣體排放');
    expect(await row.locator('.badge').textContent()).toBe('Calculated');
    await page.screenshot({ path: join(SHOTS, 'catalogue-search-en.png'), fullPage: true });
    // a calculated indicator opens the group's current figure in the figure explorer
    await row.locator('a[data-figure="ghg.scope1@group/2025"]').click();
    await page.locator('[data-ready="figure"]').waitFor();
    expect(await page.locator('[data-ready="figure"] h2').textContent()).toContain('Scope 1 GHG emissions');
    await page.close();
    await fresh.close();
    for (const lang of ['zh-Hant', 'en'] as const) {
      const whole = await open(demo, 'catalogue', lang);
      await whole.locator('table[data-ready="catalogue"]').waitFor();
      await whole.screenshot({ path: join(SHOTS, `catalogue-${lang}.png`), fullPage: true });
      await whole.close();
    }
  });

  it('saves a screenshot of every page in both languages', async () => {
    for (const lang of ['zh-Hant', 'en'] as const) {
      const page = await open(demo, 'overview', lang);
      for (const hash of [
        'overview',
        'data',
        'figure?id=ghg.total.location%40group%2F2025',
        'checks',
        'disclosures',
        'report',
      ]) {
        await page.evaluate((h) => {
          (globalThis as unknown as { location: { hash: string } }).location.hash = `#/${h}`;
        }, hash);
        await page.locator('main h1').waitFor();
        // wait until no panel still says it is loading
        await page.waitForFunction(
          () =>
            !/Loading…|載入中…/.test(
              (globalThis as unknown as { document: { body: { textContent: string } } }).document.body
                .textContent,
            ),
        );
        await page.screenshot({ path: join(SHOTS, `${hash.split('?')[0]}-${lang}.png`), fullPage: true });
      }
      await page.close();
    }
  });
});
