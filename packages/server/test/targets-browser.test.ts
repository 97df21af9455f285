/**
 * The targets register in the browser (issue #18), in real Chromium (Debian /usr/bin/chromium via
 * playwright-core) against a real server over a PGlite store holding examples/minimal (revenue of
 * the group: 1,000 CNY million in 2025), with accounts. In English the administrator opens
 * Targets from the nav, sends the empty form (the required fields are named, nothing sent), adds
 * a revenue target (base 800 in 2023, at least 1,200 by 2027, milestone 2025 = 1,000) and sees it
 * on track, 50.0 % of the way; meanwhile the target is changed over the workspace, so the page's
 * edit (version 1) is refused 412 and the list fetched again (version 2); the history lists both
 * revisions; the status filter "At risk" shows none. In Chinese a viewer sees the target as
 * raised (進度正常 on its 2025 milestone, 40.0 %, the same digits) and no way to change it. Screenshots (checkedShot) go to
 * artifacts/screenshots/targets-<lang>.png.
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
  fixture = await minimalStoreWorkspace('assay-targets-browser-');
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

describe('the targets register in the browser', () => {
  it('adds a target and sees its status; a stale edit is refused 412; the history lists the revisions (en)', async () => {
    const page = await openAs('en', ADMIN, '#/overview');
    await page.locator('[data-nav="targets"]').click();
    await page.locator('[data-targets-ready]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Targets');
    await page.locator('[data-no-targets]').waitFor();

    await page.locator('[data-target-add]').click();
    const form = page.locator('form[data-target-form="new"]');
    await form.locator('[data-target-save]').click();
    // Checked before sending: id and both names are required.
    expect(await form.locator('.field-error').count()).toBe(3);
    expect(await ws.targetVersions()).toEqual(new Map());

    const fill = (field: string, value: string) =>
      form.locator(`input[data-target-field="${field}"]`).fill(value);
    await fill('id', 'revenue-growth');
    await fill('nameEn', 'Grow revenue');
    await fill('nameZh', '提升收入');
    await fill('indicatorId', 'revenue');
    await form.locator('select[data-target-field="entityId"]').selectOption('group');
    await form.locator('select[data-target-field="comparator"]').selectOption('min');
    await fill('baseYear', '2023');
    await fill('baseValue', '800');
    await fill('value', '1200');
    await fill('unit', 'CNY million');
    await fill('targetYear', '2027');
    await fill('milestones', '2025=1000');
    await fill('reason', 'board plan');
    await form.locator('[data-target-save]').click();
    await form.waitFor({ state: 'detached' });
    const row = page.locator('tr[data-target="revenue-growth"]');
    await row.locator('[data-status="on-track"]').waitFor();
    expect(await row.locator('[data-status]').textContent()).toBe('On track');
    expect(await row.locator('td.col-progress').textContent()).toBe('50.0 %');
    expect(await row.locator('td.col-actual').textContent()).toBe('1000 CNY million');
    expect(await row.locator('td.col-version').textContent()).toBe('1');

    // Meanwhile someone raises the target value (version 2); the page still shows version 1.
    const current = ws.snapshot().bundle.registers.targets[0];
    if (!current) throw new Error('no target stored');
    const raised = await ws.writeTarget(
      { kind: 'put', target: { ...current, value: '1300' }, expectedVersion: 1 },
      'raised by the board',
      'someone else',
    );
    expect(raised).toMatchObject({ ok: true, version: 2 });
    await row.locator('[data-target-edit="revenue-growth"]').click();
    const edit = page.locator('form[data-target-form="revenue-growth"]');
    await edit.locator('input[data-target-field="source"]').fill('strategy 2024');
    await edit.locator('[data-target-save]').click();
    const stale = edit.locator('[data-refusal="stale-version"]');
    await stale.waitFor();
    expect(await stale.locator('[data-refusal-text]').textContent()).toContain('version 2');
    await row.locator('td.col-version', { hasText: '2' }).waitFor(); // fetched again after the refusal
    expect((await ws.targetHistory('revenue-growth')).map((r) => r.version)).toEqual([1, 2]);
    await edit.locator('button', { hasText: 'Cancel' }).click();

    await row.locator('[data-target-history-toggle="revenue-growth"]').click();
    const history = page.locator('tr[data-target-history="revenue-growth"] li');
    await history.nth(1).waitFor();
    expect(await history.nth(0).textContent()).toContain('board plan');
    expect(await history.nth(1).textContent()).toContain('raised by the board');
    await checkedShot(page, 'targets-en');

    await page.selectOption('select[name="status"]', 'at-risk');
    await page.waitForURL(/status=at-risk/);
    await page.locator('[data-no-targets]').waitFor();
    await page.context().close();
  });

  it('shows a viewer the same row in Chinese, with the same digits and no way to change it (zh-Hant)', async () => {
    const page = await openAs('zh-Hant', VIEWER, '#/targets');
    const row = page.locator('tr[data-target="revenue-growth"]');
    await row.waitFor();
    expect(await page.locator('main h1').textContent()).toBe('目標');
    // The 2025 milestone (1,000) is the path, so the raised value leaves it on track; 40.0 % of
    // the way from 800 to 1,300. The unit is in Chinese (百萬元), the digits as in English.
    expect(await row.locator('[data-status]').textContent()).toBe('進度正常');
    expect(await row.locator('td.col-progress').textContent()).toBe('40.0 %');
    expect(await row.locator('td.col-goal').textContent()).toBe('2027: 1300 百萬元');
    expect(await page.locator('[data-target-add]').count()).toBe(0);
    expect(await row.locator('[data-target-edit]').count()).toBe(0);
    expect(await row.locator('[data-target-retract]').count()).toBe(0);
    await checkedShot(page, 'targets-zh-Hant');
    await page.context().close();
  });
});
