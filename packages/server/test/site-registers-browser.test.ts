/**
 * The certifications and tailings facilities pages in the browser (issue #18), in real Chromium
 * against a real server over a PGlite store holding examples/minimal (group → smelter, mine).
 * In English the administrator opens Certifications from the nav, sends the empty form (the
 * required fields are named, nothing sent), adds a certificate expiring in 30 days and sees it
 * "Expiring"; beside certificates written over the workspace (one valid for 400 days, one
 * expired 10 days ago, a green factory without expiry) the expiry states show, the filter
 * "Expired" leaves one row, and the history lists the revision with its reason. In Chinese a
 * viewer sees the states in Chinese and no way to change anything. The tailings page in both
 * languages. Dates are counted from the machine's UTC day, as the server counts them.
 * Screenshots: artifacts/screenshots/registers-{certifications,tailings}-<lang>.png.
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

/** The UTC day `days` from today, YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  fixture = await minimalStoreWorkspace('assay-site-registers-browser-');
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

const cert = (id: string, standard: string, expiresOn?: string) => ({
  id,
  standard,
  entityId: 'smelter',
  scope: { en: `Scope of ${id}`, 'zh-Hant': `${id}認證範圍` },
  issuer: 'Demo certification body',
  certificateNumber: `DEMO-${id}`,
  issuedOn: '2024-01-15',
  ...(expiresOn ? { expiresOn } : {}),
  isDemonstration: true,
});
const put = (register: 'certifications' | 'tailingsFacilities', row: object) =>
  ws.writeRegisterRow(
    register,
    { kind: 'put', row: row as never, expectedVersion: undefined },
    'set-up',
    'test',
  );
const state = (page: Page, id: string) => page.locator(`tr[data-register-row="${id}"] [data-expiry]`);

describe('the certifications and tailings pages in the browser', () => {
  it('adds a certificate and shows each expiry state; filter and history (en)', async () => {
    const page = await openAs('en', ADMIN, '#/overview');
    await page.locator('[data-nav="certifications"]').click();
    await page.locator('[data-register-ready]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Certifications');
    await page.locator('[data-no-rows]').waitFor();

    await page.locator('[data-register-add]').click();
    const form = page.locator('form[data-register-form="new"]');
    await form.locator('[data-register-save]').click();
    // Checked before sending: id, standard, entity, both scopes, issuer, number, issued on.
    expect(await form.locator('.field-error').count()).toBe(8);
    expect((await ws.registerRowVersions('certifications')).size).toBe(0);

    const fill = (field: string, value: string) =>
      form.locator(`input[data-register-field="${field}"]`).fill(value);
    await fill('id', 'iso45001-smelter');
    await form.locator('select[data-register-field="standard"]').selectOption('iso-45001');
    await form.locator('select[data-register-field="entityId"]').selectOption('smelter');
    await fill('scope.en', 'Smelting and refining');
    await fill('scope.zh-Hant', '冶煉及精煉');
    await fill('issuer', 'Demo certification body');
    await fill('certificateNumber', 'DEMO-45001-1');
    await fill('issuedOn', '2024-01-15');
    await fill('expiresOn', day(30));
    await fill('reason', 'certificate received');
    await form.locator('[data-register-save]').click();
    await form.waitFor({ state: 'detached' });
    await state(page, 'iso45001-smelter').waitFor();
    expect(await state(page, 'iso45001-smelter').getAttribute('data-expiry')).toBe('expiring');
    expect(await state(page, 'iso45001-smelter').textContent()).toBe('Expiring · 30 days left');

    await put('certifications', cert('iso14001-group', 'iso-14001', day(400)));
    await put('certifications', cert('iso50001-old', 'iso-50001', day(-10)));
    await put('certifications', cert('green-smelter', 'green-factory'));
    await page.reload();
    await state(page, 'green-smelter').waitFor();
    expect(
      await Promise.all(
        ['iso45001-smelter', 'iso14001-group', 'iso50001-old', 'green-smelter'].map((id) =>
          state(page, id).getAttribute('data-expiry'),
        ),
      ),
    ).toEqual(['expiring', 'valid', 'expired', 'no-expiry']);
    expect(await state(page, 'iso50001-old').textContent()).toBe('Expired · expired 10 days ago');

    await page.selectOption('select[name="status"]', 'expired');
    await page.waitForURL(/status=expired/);
    await page.locator('tr[data-register-row]').first().waitFor();
    await expect.poll(() => page.locator('tr[data-register-row]').count()).toBe(1);
    expect(await page.locator('tr[data-register-row="iso50001-old"]').count()).toBe(1);

    await page.goto(`${server.url}#/certifications`);
    const row = page.locator('tr[data-register-row="iso45001-smelter"]');
    await row.locator('[data-register-history-toggle="iso45001-smelter"]').click();
    const history = page.locator('tr[data-register-history="iso45001-smelter"] li');
    await history.first().waitFor();
    expect(await history.first().textContent()).toContain('certificate received');
    await row.locator('[data-register-history-toggle="iso45001-smelter"]').click();
    await checkedShot(page, 'registers-certifications-en');
    await page.context().close();
  });

  it('shows a viewer the states in Chinese and no way to change them (zh-Hant)', async () => {
    const page = await openAs('zh-Hant', VIEWER, '#/certifications');
    await state(page, 'green-smelter').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('認證證書');
    expect(await state(page, 'iso45001-smelter').textContent()).toBe('即將到期 · 尚餘30日');
    expect(await state(page, 'iso50001-old').textContent()).toBe('已過期 · 已過期10日');
    expect(await state(page, 'iso14001-group').textContent()).toMatch(/^有效 · 尚餘\d+日$/);
    expect(await page.locator('[data-register-add]').count()).toBe(0);
    expect(await page.locator('[data-register-edit]').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Expir|Valid|Green factory|days/);
    await checkedShot(page, 'registers-certifications-zh-Hant');
    await page.context().close();
  });

  it('shows the tailings facilities in both languages (screenshots)', async () => {
    await put('tailingsFacilities', {
      id: 'mine-tsf',
      name: { en: 'Mine tailings pond', 'zh-Hant': '礦山尾礦庫' },
      entityId: 'mine',
      status: 'active',
      consequence: 'cn-class-4',
      monitoring: { en: 'Online piezometers and displacement survey', 'zh-Hant': '在線滲壓及位移監測' },
      emergencyPlan: { en: 'Site plan, drilled yearly', 'zh-Hant': '現場應急預案，每年演練' },
      closurePlan: { en: 'Cover and revegetate on closure', 'zh-Hant': '閉庫後覆土復墾' },
      isDemonstration: true,
    });
    for (const [lang, status, consequence] of [
      ['en', 'Active', 'Tailings pond class 4 (GB 50863)'],
      ['zh-Hant', '運行中', '四等尾礦庫（GB 50863）'],
    ] as const) {
      const page = await openAs(lang, ADMIN, '#/tailings-facilities');
      const row = page.locator('tr[data-register-row="mine-tsf"]');
      await row.waitFor();
      expect(await row.locator('td.col-status').textContent()).toBe(status);
      expect(await row.locator('td.col-consequence').textContent()).toBe(consequence);
      await checkedShot(page, `registers-tailings-${lang}`);
      await page.context().close();
    }
  });
});
