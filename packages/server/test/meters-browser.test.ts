/**
 * The meters page in the browser (issue #22), in real Chromium (Debian /usr/bin/chromium via
 * playwright-core) against a real server over a PGlite store holding examples/minimal, with
 * demonstration meters and readings of our own (not real data): a main meter at the smelter
 * (daily register readings, ×10, rolling over at 10000, billed on account DEMO-1), its sub-meter,
 * a water meter, and a daily interval meter at the mine with three days missing in February.
 * In English the administrator opens Meters from the nav and sees the four meters, the monthly
 * chart of the main meter (three months) and, for the mine meter, the hatched estimated part;
 * the findings (the roll-over, the gap), the reconciliation (February's bill beyond tolerance,
 * listed alone until every month is asked for) and the lines the readings give. In Chinese a viewer filters to the smelter and sees its three
 * meters with Chinese headings only. Screenshots: artifacts/screenshots/meters-<lang>.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importMeterReadingsCsv, type StoreWorkspace, saveMeterRegister, saveUtilityBills } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { launchBrowser } from '@assay/render';
import type { Store } from '@assay/store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';
import {
  addAdministrator,
  checkedShot,
  type MinimalStore,
  minimalStoreWorkspace,
} from './browser-fixture.js';

const ADMIN = { email: 'lead@example.com', name: 'Lena Lead', password: 'correct horse battery' };
const VIEWER = { email: 'vic@example.com', name: 'Vic Viewer', password: 'board member 2025' };

let fixture: MinimalStore;
let store: Store;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;

const METERS = [
  {
    id: 'main',
    site: 'smelter',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: '10',
    mode: 'cumulative',
    rollover_at: '10000',
    utility_account: 'DEMO-1',
    utc_offset: '+08:00',
  },
  {
    id: 'sub',
    site: 'smelter',
    carrier: 'electricity',
    unit: 'kWh',
    mode: 'cumulative',
    parent: 'main',
    utc_offset: '+08:00',
  },
  { id: 'w1', site: 'smelter', carrier: 'water', unit: 'm3', mode: 'cumulative', utc_offset: '+08:00' },
  {
    id: 'e2',
    site: 'mine',
    carrier: 'electricity',
    unit: 'kWh',
    mode: 'interval',
    interval_minutes: '1440',
    utc_offset: '+08:00',
  },
];

/** Daily demonstration readings, 1 January to 1 April 2025 at +08:00. */
function demoCsv(): string {
  const out = ['meter,timestamp,value'];
  const start = Date.UTC(2025, 0, 1) / 1000; // midnight UTC; written at +08:00 below
  for (let d = 0; d <= 90; d++) {
    const at = `${new Date((start + d * 86400) * 1000).toISOString().slice(0, 10)}T00:00:00+08:00`;
    out.push(`main,${at},${(9000 + d * 20) % 10000}`); // 200 kWh a day after ×10; wraps on day 50
    out.push(`sub,${at},${d <= 31 ? d * 199 : 31 * 199 + (d - 31) * 190}`); // January within tolerance
    out.push(`w1,${at},${d * 3}`);
    if (d > 0 && !(d >= 41 && d <= 43)) out.push(`e2,${at},${100 + (d % 7) * 5}`);
  }
  return `${out.join('\n')}\n`;
}

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  fixture = await minimalStoreWorkspace('assay-meters-browser-');
  ({ store, ws } = fixture);
  await addAdministrator(store, ADMIN);
  const viewer = await addUser(store, VIEWER, new Date());
  if (!viewer.ok) throw new Error(viewer.message);
  await grantRole(
    store,
    { userId: viewer.id, role: 'viewer', entityId: 'group', grantedBy: 'test set-up' },
    new Date(),
  );
  const base = { ws, store, author: 'test set-up', at: '2026-12-07T00:00:00Z' };
  const reg = await saveMeterRegister({ ...base, meters: METERS, replacements: [], version: 0 });
  if (!reg.ok) throw new Error(reg.error.message);
  const imp = await importMeterReadingsCsv({
    ...base,
    fileName: 'demo.csv',
    bytes: new TextEncoder().encode(demoCsv()),
  });
  if (!imp.ok) throw new Error(imp.error.message);
  const bills = await saveUtilityBills({
    ...base,
    version: 0,
    bills: [
      { account: 'DEMO-1', month: '2025-01', quantity: '6.25', unit: 'MWh', amount: '4000', currency: 'CNY' },
      { account: 'DEMO-1', month: '2025-02', quantity: '6.5', unit: 'MWh', amount: '4160', currency: 'CNY' },
    ],
  });
  if (!bills.ok) throw new Error(bills.error.message);
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
});

async function openAs(lang: 'en' | 'zh-Hant', who: typeof ADMIN, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      l,
    );
  }, lang);
  const page = await context.newPage();
  await page.goto(`${server.url}${hash}`);
  const form = page.locator('form[data-sign-in-form]');
  await form.locator('[data-email]').fill(who.email);
  await form.locator('[data-password]').fill(who.password);
  await form.locator('[data-sign-in-submit]').click();
  await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
  return page;
}

describe('the meters page in the browser', () => {
  it('shows meters, the monthly chart, findings, reconciliation and lines (en)', async () => {
    const page = await openAs('en', ADMIN, '#/overview');
    await page.locator('[data-nav="meters"]').click();
    await page.locator('[data-meters-ready]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Meters');
    expect(await page.locator('[data-meter-list] tbody tr').count()).toBe(4);
    // main: three months; January 31 days × 200 kWh = 6,200
    const chart = page.locator('[data-meter-chart="main"]');
    expect(await chart.locator('g[data-month]').count()).toBe(3);
    expect(await chart.locator('g[data-month="2025-01"] .meter-value').textContent()).toBe('6200');
    expect(await page.locator('[data-finding="roll-over"]').count()).toBe(1);
    expect(await page.locator('[data-finding="gap"]').count()).toBe(1);
    // February: main 28 × 200 = 5,600 kWh against a bill of 6,500: −13.85 % of the bill
    const feb = page.locator('[data-reconciled="main@2025-02"]');
    expect(await feb.textContent()).toContain('-13.85 %');
    expect(await feb.locator('.badge-beyond').count()).toBe(2);
    // only the months beyond tolerance are listed until every month is asked for
    const reconciled = page.locator('[data-reconciliation] tbody tr');
    expect(await reconciled.count()).toBe(2);
    expect(await page.locator('[data-reconciled="main@2025-01"]').count()).toBe(0);
    await page.locator('[data-reconciliation-every-month]').check();
    await expect.poll(() => reconciled.count()).toBe(3);
    expect(await page.locator('[data-reconciled="main@2025-01"] .badge-beyond').count()).toBe(0);
    expect(
      await page.locator('[data-meter-line="meter.mine.electricity.2025-02"] [data-action]').textContent(),
    ).toBe('New');
    await page.evaluate('window.scrollTo(0, 0)'); // the box scrolled the page: the nav sticks where it was
    await checkedShot(page, 'meters-en');
    await page.locator('select[name="meter"]').selectOption('e2');
    const mine = page.locator('[data-meter-chart="e2"]');
    await mine.waitFor();
    expect(await mine.locator('g[data-month="2025-02"] rect[fill="url(#meter-estimated)"]').count()).toBe(1);
    await page.context().close();
  });

  it('shows a viewer the smelter’s meters in Chinese, headings without English (zh-Hant)', async () => {
    const page = await openAs('zh-Hant', VIEWER, '#/meters?site=smelter');
    await page.locator('[data-meters-ready]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('儀表');
    expect(await page.locator('[data-meter-list] tbody tr').count()).toBe(3);
    const headings = (await page.locator('main h2, main thead, main .toolbar').allTextContents()).join(' ');
    expect(headings).not.toMatch(/[A-Za-z]{3,}/);
    expect(await page.locator('[data-meter-list] tbody').textContent()).toContain('累計讀數');
    await checkedShot(page, 'meters-zh-Hant');
    await page.context().close();
  });
});
