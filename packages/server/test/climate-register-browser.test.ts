/**
 * The climate register pages in the browser (issue #18), in real Chromium against a real server
 * over a PGlite store holding examples/minimal (group → smelter, mine). With the company's
 * scales and a flood score of 3 at the mine written over the workspace, the administrator (in
 * English) opens Climate risks from the nav and sees the screening gap; sends the empty form (the
 * required fields are named, nothing sent); adds a physical risk naming the mine; the gap is
 * gone and the row shows its type, sites and amount; the hazard screening page lists the score.
 * In Chinese a viewer sees the register in Chinese (no English words of ours) and no way to
 * change it. Screenshots: artifacts/screenshots/registers-climate-risks-<lang>.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
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

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  fixture = await minimalStoreWorkspace('assay-climate-browser-');
  ({ store, ws } = fixture);
  await addAdministrator(store, ADMIN);
  const viewer = await addUser(store, VIEWER, new Date());
  if (!viewer.ok) throw new Error(viewer.message);
  await grantRole(
    store,
    { userId: viewer.id, role: 'viewer', entityId: 'group', grantedBy: 'test set-up' },
    new Date(),
  );
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

const t = (zh: string, en: string) => ({ 'zh-Hant': zh, en });
const put = (register: 'climateScales' | 'hazardScreening', row: object) =>
  ws.writeRegisterRow(
    register,
    { kind: 'put', row: row as never, expectedVersion: undefined },
    'set-up',
    'test',
  );

describe('the climate register pages in the browser', () => {
  it('shows the gap, adds a risk that closes it (en)', async () => {
    for (const level of [
      { id: 'short', axis: 'horizon', name: t('短期', 'Short term'), fromYears: 0, toYears: 3 },
      { id: 'medium', axis: 'horizon', name: t('中期', 'Medium term'), fromYears: 3, toYears: 10 },
      { id: 'long', axis: 'horizon', name: t('長期', 'Long term'), fromYears: 10 },
      { id: 'h-2', axis: 'hazard-score', rank: 2, name: t('中', 'Medium') },
      { id: 'h-3', axis: 'hazard-score', rank: 3, name: t('高', 'High'), needsRisk: true },
    ])
      await put('climateScales', level);
    await put('hazardScreening', {
      id: 'mine.flood',
      entityId: 'mine',
      hazard: 'flood',
      score: 3,
      isDemonstration: true,
    });

    const page = await openAs('en', ADMIN, '#/overview');
    await page.locator('[data-nav="climate-risks"]').click();
    await page.locator('[data-register-ready]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Climate risks and opportunities');
    await page.locator('[data-screening-gaps="1"]').waitFor();
    expect(await page.locator('[data-screening-gaps] li').textContent()).toBe(
      'Flood at Demo Mining: score 3',
    );

    await page.locator('[data-register-add]').click();
    const form = page.locator('form[data-register-form="new"]');
    await form.locator('[data-register-save]').click();
    // id, kind, name ×2, description ×2, horizon, financial effect ×2, response ×2
    expect(await form.locator('.field-error').count()).toBe(11);
    expect(ws.snapshot().bundle.registers.climateRisks).toEqual([]);

    const fill = (field: string, value: string) =>
      form.locator(`input[data-register-field="${field}"]`).fill(value);
    await fill('id', 'flood-mine');
    await form.locator('select[data-register-field="kind"]').selectOption('physical-acute');
    await form.locator('select[data-register-field="hazard"]').selectOption('flood');
    await fill('name.en', 'Flooding at the mine');
    await fill('name.zh-Hant', '礦區洪澇');
    await fill('description.en', 'Heavy rain floods the lower benches');
    await fill('description.zh-Hant', '暴雨淹沒低處作業面');
    await form.locator('select[data-register-field="horizon"]').selectOption('medium');
    await fill('entityIds', 'mine');
    await fill('financialEffect.en', 'Stoppage and pumping costs');
    await fill('financialEffect.zh-Hant', '停產及排水成本');
    await fill('financialAmount.value', '3200000');
    await fill('financialAmount.currency', 'CNY');
    await fill('response.en', 'Raise the flood bund');
    await fill('response.zh-Hant', '加高擋水圍堰');
    await fill('reason', 'screening follow-up');
    await form.locator('[data-register-save]').click();
    await form.waitFor({ state: 'detached' });
    const row = page.locator('tr[data-register-row="flood-mine"]');
    await row.waitFor();
    await page.locator('[data-screening-gaps="0"]').waitFor();
    expect(await row.locator('td.col-kind').textContent()).toBe('Acute physical risk');
    expect(await row.locator('td.col-entityIds').textContent()).toBe('Demo Mining');
    expect(await row.locator('td.col-horizon').textContent()).toBe('Medium term');
    expect(ws.snapshot().bundle.registers.climateRisks[0]).toMatchObject({
      entityIds: ['mine'],
      financialAmount: { value: '3200000', currency: 'CNY' },
    });
    await checkedShot(page, 'registers-climate-risks-en');

    await page.goto(`${server.url}#/hazard-screening`);
    const score = page.locator('tr[data-register-row="mine.flood"]');
    await score.waitFor();
    expect(await score.locator('td.col-hazard').textContent()).toBe('Flood');
    expect(await score.locator('td.col-score').textContent()).toBe('3');
    await page.context().close();
  });

  it('shows a viewer the register in Chinese and no way to change it (zh-Hant)', async () => {
    const page = await openAs('zh-Hant', VIEWER, '#/climate-risks');
    const row = page.locator('tr[data-register-row="flood-mine"]');
    await row.waitFor();
    expect(await page.locator('main h1').textContent()).toBe('氣候相關風險及機遇');
    expect(await row.locator('td.col-kind').textContent()).toBe('急性實體風險');
    expect(await row.locator('td.col-horizon').textContent()).toBe('中期');
    expect(await page.locator('[data-register-add]').count()).toBe(0);
    expect(await page.locator('[data-register-edit]').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Acute|Medium|Flood|Opportunit|sites/);
    await checkedShot(page, 'registers-climate-risks-zh-Hant');
    await page.context().close();
  });
});
