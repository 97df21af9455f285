/**
 * The browser journey of issue #16 in real Chromium (Debian /usr/bin/chromium via
 * playwright-core) against a real server on a loopback port over a real PGlite store in a temp
 * folder holding examples/minimal (group → smelter, mine). The administrator (made with the app's
 * addUser + grantRole) signs in on the sign-in page, adds a preparer and grants "preparer" on the
 * smelter through the administration page; signs out; the preparer signs in, sees only the
 * smelter's data points and no administration, edits a smelter value and finds their name in its
 * history; a write to a mine data point with the preparer's cookie is answered 404 and changes
 * nothing. Screenshots of the sign-in and administration pages in both languages go to
 * artifacts/screenshots/ (gitignored), named `<page>-<lang>.png` as in web-journeys.test.ts.
 * Needs the web build (npm run build -w @assay/web) and chromium
 * (`bash scripts/ensure-system-packages.sh`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
import { findAccountByEmail } from '@assay/app/access';
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
const PREPARER = { email: 'pia@example.com', name: 'Pia Preparer', password: 'smelter staple 2025' };

let fixture: MinimalStore;
let store: Store;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;
/** One tab for the whole journey: the steps below run in order and share it. */
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(
      'the web app is not built: npm run build -w @assay/web (web-journeys.test.ts builds it too)',
    );
  fixture = await minimalStoreWorkspace('assay-accounts-browser-');
  ({ store, ws } = fixture);
  await addAdministrator(store, ADMIN);
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Start in Chinese (the app's default); the journey switches language with the header button.
  await page.addInitScript(() => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      'zh-Hant',
    );
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
});

/** Screenshot after the layout check (browser-fixture.ts). */
const shot = (name: string) => checkedShot(page, name);

/** Click the language switch and wait until the page heading reads `heading`. */
async function switchLanguage(heading: string) {
  await page.click('[data-lang-switch]');
  await page.locator('main h1', { hasText: heading }).waitFor();
}

async function signIn(who: { email: string; password: string; name: string }) {
  const form = page.locator('form[data-sign-in-form]');
  await form.locator('[data-email]').fill(who.email);
  await form.locator('[data-password]').fill(who.password);
  await form.locator('[data-sign-in-submit]').click();
  await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
}

/** The stored version and value of a data point (the workspace's latest revision). */
const versionOf = (id: string) => ws.snapshot().versionOf(id) as number;
const storedValue = (id: string) =>
  ws
    .snapshot()
    .bundle.dataPoints.find((p) => p.id === id)
    ?.quantity.value.toString();

describe('accounts in the browser (issue #16)', () => {
  it('shows only the sign-in page to nobody, in Chinese and in English', async () => {
    await page.goto(`${server.url}#/admin`);
    await page.locator('form[data-sign-in-form]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('登入 Assay');
    expect(await page.locator('[data-sign-in-submit]').textContent()).toBe('登入');
    expect(await page.locator('nav a').count()).toBe(0);
    await shot('sign-in-zh-Hant');
    await switchLanguage('Sign in to Assay');
    expect(await page.locator('[data-sign-in-submit]').textContent()).toBe('Sign in');
    await shot('sign-in-en');
    // A wrong password is refused on the page, and nobody is signed in.
    await page.fill('[data-email]', ADMIN.email);
    await page.fill('[data-password]', 'not the password at all');
    await page.click('[data-sign-in-submit]');
    await page.locator('[data-sign-in-error="bad-credentials"]').waitFor();
    expect(await page.locator('[data-current-user]').count()).toBe(0);
  });

  it('the administrator signs in, adds a preparer and grants preparer on the smelter', async () => {
    await signIn(ADMIN);
    // the route asked for before signing in (#/admin) is the page shown
    await page.locator('main h1', { hasText: 'Users and roles' }).waitFor();
    expect(await page.locator('[data-nav="admin"]').getAttribute('class')).toBe('active');
    await page.locator('table.users[data-ready="users"]').waitFor();
    expect(await page.locator('tr[data-user-row]').count()).toBe(1);
    const form = page.locator('form[data-admin-add-user]');
    await form.locator('[data-field="email"]').fill(PREPARER.email);
    await form.locator('[data-field="name"]').fill(PREPARER.name);
    await form.locator('[data-field="password"]').fill(PREPARER.password);
    await form.locator('[data-admin-add-user-submit]').click();
    await page.locator(`[data-user-added="${PREPARER.email}"]`).waitFor();
    const row = page.locator(`tr[data-user-row="${PREPARER.email}"]`);
    await row.waitFor();
    expect(await row.locator('[data-grant]').count()).toBe(0);
    const grant = row.locator('form[data-admin-grant]');
    await grant.locator('[data-field="role"]').selectOption('preparer');
    await grant.locator('[data-field="entity"]').selectOption('smelter');
    await grant.locator('[data-admin-grant-submit]').click();
    await row.locator('[data-grant="preparer@smelter"]').waitFor();
    expect(await row.locator('[data-grant]').count()).toBe(1);
    // stored as shown: the preparer exists with exactly that grant
    const stored = await findAccountByEmail(store, PREPARER.email);
    expect(stored).toMatchObject({ name: PREPARER.name, disabled: false });
    expect(stored?.grants).toEqual([{ role: 'preparer', entityId: 'smelter' }]);
    await shot('admin-en');
    await switchLanguage('使用者及權限');
    await row.locator('[data-grant="preparer@smelter"]').waitFor();
    expect(await page.locator('form[data-admin-add-user] h2').textContent()).toBe('新增使用者');
    await shot('admin-zh-Hant');
    await switchLanguage('Users and roles');
  });

  it('the preparer sees and edits only the smelter, and is named in the history', async () => {
    await page.click('[data-sign-out]');
    await page.locator('form[data-sign-in-form]').waitFor();
    expect(await page.locator('[data-current-user]').count()).toBe(0);
    await signIn(PREPARER);
    // #/admin is still the route: not for a preparer, and not in the nav
    await page.locator('[data-no-access]').waitFor();
    await page.locator('[data-nav="data"]').waitFor();
    expect(await page.locator('[data-nav="admin"]').count()).toBe(0);
    await page.click('[data-nav="data"]');
    await page.locator('table.grid[data-ready="data"]').waitFor();
    const entities = await page
      .locator('select[name="entity"] option')
      .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(entities).toEqual(['smelter']);
    const shown = await page
      .locator('input[data-dp]')
      .evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-dp')));
    expect(new Set(shown)).toEqual(new Set(['hc-s-m', 'hc-s-f', 'out-ni']));
    expect(await page.locator('[data-dp^="hc-m-"], [data-dp-value^="hc-m-"]').count()).toBe(0);

    const before = versionOf('hc-s-m');
    await page.fill('input[name="reason"]', 'payroll recount');
    const cell = page.locator('input[data-dp="hc-s-m"]');
    await cell.fill('310');
    await cell.press('Enter');
    // smelter headcount 300 + 100 → 310 + 100
    const changed = page.locator('[data-changed="employees.headcount@smelter/2025"]');
    await changed.waitFor();
    expect(await changed.textContent()).toContain('410');
    expect(versionOf('hc-s-m')).toBe(before + 1);
    expect(storedValue('hc-s-m')).toBe('310');

    await page.click('button[data-history="hc-s-m"]');
    const newest = page.locator(`tr[data-history-of="hc-s-m"] tr[data-revision="${before + 1}"]`);
    await newest.waitFor();
    expect(await newest.locator('[data-author]').textContent()).toContain(PREPARER.name);
    expect(await newest.textContent()).toContain('payroll recount');
  });

  it("a write to the mine's data point with the preparer's cookie is answered 404 and changes nothing", async () => {
    const version = versionOf('hc-m-m');
    const answer = await page.evaluate(
      async ([id, v]) => {
        const r = await fetch(`/api/data-points/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ value: '999', reason: 'not mine to change', version: v }),
        });
        return { status: r.status, body: await r.text() };
      },
      ['hc-m-m', version] as const,
    );
    expect(answer.status, answer.body).toBe(404);
    expect(versionOf('hc-m-m')).toBe(version);
    expect(storedValue('hc-m-m')).toBe('150');
    // the cookie is a live session: the same fetch reaches the preparer's own data point
    const own = await page.evaluate(async () => (await fetch('/api/data-points/hc-s-m/history')).status);
    expect(own).toBe(200);
  });
});
