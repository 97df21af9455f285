/**
 * The hazards register page in the browser (issue #18), in real Chromium (Debian /usr/bin/chromium
 * via playwright-core) against a real server over a PGlite store holding examples/minimal (group →
 * smelter, mine; year 2025), with accounts. In English the administrator opens Hazards from the
 * nav, sends the empty form (the required fields are named, nothing sent), adds two hazards (one
 * rectified, one open and due in October: overdue at 31 December) and sees the figures: 2 found,
 * 1 overdue, rectification rate 50.0 %; meanwhile a hazard is changed over the workspace, so the
 * page's edit (version 1) is refused 412 and the list fetched again (version 2); the history lists
 * both revisions; the state filter "Overdue" shows one row. In Chinese a viewer sees the same
 * digits with Chinese labels and no way to change anything. Screenshots of the three register
 * pages in both languages (checkedShot) go to artifacts/screenshots/registers-<page>-<lang>.png.
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
  fixture = await minimalStoreWorkspace('assay-registers-browser-');
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

const figure = (page: Page, id: string) => page.locator(`tr[data-figure="${id}"] td`);

describe('the hazards register in the browser', () => {
  it('adds hazards and sees the rate and the overdue count; a stale edit is refused 412; history (en)', async () => {
    const page = await openAs('en', ADMIN, '#/overview');
    await page.locator('[data-nav="hazards"]').click();
    await page.locator('[data-register-ready]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Hazards and rectification');
    await page.locator('[data-no-rows]').waitFor();

    await page.locator('[data-register-add]').click();
    const form = page.locator('form[data-register-form="new"]');
    await form.locator('[data-register-save]').click();
    // Checked before sending: id, found on, entity, grade, both descriptions, owner, due on.
    expect(await form.locator('.field-error').count()).toBe(8);
    expect((await ws.registerRowVersions('hazards')).size).toBe(0);

    const add = async (id: string, dueOn: string, rectifiedOn?: string) => {
      await page.locator('[data-register-add]').click();
      const f = page.locator('form[data-register-form="new"]');
      const fill = (field: string, value: string) =>
        f.locator(`input[data-register-field="${field}"]`).fill(value);
      await fill('id', id);
      await fill('foundOn', '2025-03-02');
      await f.locator('select[data-register-field="entityId"]').selectOption('mine');
      await f.locator('select[data-register-field="grade"]').selectOption('major');
      await fill('description.en', `Hazard ${id}`);
      await fill('description.zh-Hant', `隱患${id}`);
      await fill('owner', 'Chen');
      await fill('dueOn', dueOn);
      if (rectifiedOn) {
        await fill('rectifiedOn', rectifiedOn);
        await fill('evidence', `RE-${id}`);
      }
      await fill('reason', 'monthly inspection');
      await f.locator('[data-register-save]').click();
      await f.waitFor({ state: 'detached' });
      await page.locator(`tr[data-register-row="${id}"]`).waitFor();
    };
    await add('hz-1', '2025-04-01', '2025-03-20');
    await add('hz-2', '2025-10-01');
    await figure(page, 'hazards.found@group/2025').filter({ hasText: '2' }).waitFor();
    expect(await figure(page, 'hazards.overdue@group/2025').textContent()).toBe('1');
    expect(await figure(page, 'hazards.rectification-rate@group/2025').textContent()).toBe('50.0 %');
    expect(await page.locator('tr[data-register-row="hz-2"] td.col-state').textContent()).toBe('Overdue');

    // Meanwhile someone rectifies hz-2 (version 2); the page still shows version 1.
    const current = ws.snapshot().bundle.registers.hazards?.find((h) => h.id === 'hz-2');
    if (!current) throw new Error('no hazard stored');
    const fixed = await ws.writeRegisterRow(
      'hazards',
      {
        kind: 'put',
        row: { ...current, rectifiedOn: '2025-12-01', evidence: 'RE-hz-2' },
        expectedVersion: 1,
      },
      'rectified on site',
      'someone else',
    );
    expect(fixed).toMatchObject({ ok: true, version: 2 });
    const row = page.locator('tr[data-register-row="hz-2"]');
    await row.locator('[data-register-edit="hz-2"]').click();
    const edit = page.locator('form[data-register-form="hz-2"]');
    await edit.locator('input[data-register-field="owner"]').fill('Zhao');
    await edit.locator('[data-register-save]').click();
    const stale = edit.locator('[data-refusal="stale-version"]');
    await stale.waitFor();
    await row.locator('td.col-version', { hasText: '2' }).waitFor(); // fetched again after the refusal
    expect(ws.snapshot().bundle.registers.hazards?.find((h) => h.id === 'hz-2')?.owner).toBe('Chen');
    await edit.locator('button', { hasText: 'Cancel' }).click();

    await row.locator('[data-register-history-toggle="hz-2"]').click();
    const history = page.locator('tr[data-register-history="hz-2"] li');
    await history.nth(1).waitFor();
    expect(await history.nth(0).textContent()).toContain('monthly inspection');
    expect(await history.nth(1).textContent()).toContain('rectified on site');
    await figure(page, 'hazards.rectification-rate@group/2025').filter({ hasText: '100.0 %' }).waitFor();

    // Put hz-2 back open for the filter: overdue at year end again.
    await ws.writeRegisterRow(
      'hazards',
      { kind: 'put', row: current, expectedVersion: 2 },
      'reopened',
      'someone else',
    );
    await page.selectOption('select[name="status"]', 'overdue');
    await page.waitForURL(/status=overdue/);
    await page.locator('tr[data-register-row="hz-2"]').waitFor();
    expect(await page.locator('tr[data-register-row]').count()).toBe(1);
    await page.goto(`${server.url}#/hazards`);
    await page.locator('tr[data-register-row="hz-1"]').waitFor();
    await checkedShot(page, 'registers-hazards-en');
    await page.context().close();
  });

  it('shows a viewer the same figures in Chinese and no way to change them (zh-Hant)', async () => {
    const page = await openAs('zh-Hant', VIEWER, '#/hazards');
    await page.locator('tr[data-register-row="hz-2"]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('隱患排查治理');
    expect(await figure(page, 'hazards.rectification-rate@group/2025').textContent()).toBe('50.0 %');
    expect(await page.locator('tr[data-register-row="hz-2"] td.col-state').textContent()).toBe('逾期未整改');
    expect(await page.locator('tr[data-register-row="hz-2"] td.col-grade').textContent()).toBe('重大隱患');
    expect(await page.locator('[data-register-add]').count()).toBe(0);
    expect(await page.locator('[data-register-edit]').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Overdue|Rectified|Hazards|Major/);
    await checkedShot(page, 'registers-hazards-zh-Hant');
    await page.context().close();
  });

  it('shows the supplier and project pages in both languages (screenshots)', async () => {
    const put = (register: 'suppliers' | 'projects', row: object) =>
      ws.writeRegisterRow(
        register,
        { kind: 'put', row: row as never, expectedVersion: undefined },
        'set-up',
        'test',
      );
    const sup = (id: string, entityId: string, creditCode: string, region: string, status = 'approved') => ({
      id,
      name: { en: `Supplier ${id}`, 'zh-Hant': `供應商${id}` },
      creditCode,
      entityId,
      region,
      category: 'equipment',
      esgResult: 'pass',
      esgAssessedOn: '2025-06-30',
      status,
      isDemonstration: true,
    });
    await put('suppliers', sup('sm-x', 'smelter', '91650100MA7XK2L1C8', 'xinjiang'));
    await put('suppliers', sup('mi-x', 'mine', '91650100MA7XK2L1C8', 'xinjiang'));
    await put('suppliers', sup('mi-j', 'mine', '91320500MA1NQ8R4DR', 'jiangsu', 'suspended'));
    await put('projects', {
      id: 'vfd',
      name: { en: 'Variable-speed drives', 'zh-Hant': '變頻改造' },
      entityId: 'smelter',
      measure: { en: 'Frequency converters on fans', 'zh-Hant': '風機加裝變頻器' },
      status: 'completed',
      estimated: { MWh: '1200' },
      verified: { MWh: '1180.25', tCO2e: '672.5' },
    });
    await put('projects', {
      id: 'pv',
      name: { en: 'Rooftop solar', 'zh-Hant': '屋頂光伏' },
      entityId: 'mine',
      measure: { en: 'A 1 MW array', 'zh-Hant': '1兆瓦光伏' },
      status: 'in-progress',
      estimated: { MWh: '1300' },
    });
    for (const lang of ['en', 'zh-Hant'] as const) {
      const page = await openAs(lang, ADMIN, '#/suppliers');
      await page.locator('tr[data-register-row="mi-j"]').waitFor();
      expect(await figure(page, 'suppliers.registered@group/2025').textContent()).toBe('2');
      await checkedShot(page, `registers-suppliers-${lang}`);
      await page.goto(`${server.url}#/projects`);
      await page.locator('tr[data-register-row="pv"]').waitFor();
      expect(await figure(page, 'projects.completion-rate@group/2025').textContent()).toBe('50.0 %');
      await checkedShot(page, `registers-projects-${lang}`);
      await page.context().close();
    }
  });
});
