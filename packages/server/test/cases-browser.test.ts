/**
 * The compliance cases page in the browser (issue #18; docs/security.md "Compliance cases"), in
 * real Chromium (Debian /usr/bin/chromium via playwright-core) against a real server over a
 * PGlite store holding examples/minimal, with accounts. A case with a confidential summary is
 * stored first. In English the compliance officer sees the counts and the case register, adds a
 * case with the form, has a stale edit refused (412, the list fetched again) and reads the
 * history; in Chinese the same rows in Chinese. An administrator without the compliance role,
 * in both languages, sees the counts and the notice that details are restricted: the page shows
 * no case row and the browser never asks the server for one (every request is recorded).
 * Screenshots: artifacts/screenshots/cases-{compliance,admin}-{en,zh-Hant}.png.
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
const CCO = { email: 'cora@example.com', name: 'Cora Compliance', password: 'confidential cases 1' };
const SECRET = 'Demonstration: a buyer accepted gifts from a haulage contractor';

let fixture: MinimalStore;
let store: Store;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  fixture = await minimalStoreWorkspace('assay-cases-browser-');
  ({ store, ws } = fixture);
  await addAdministrator(store, ADMIN);
  const cco = await addUser(store, CCO, new Date());
  if (!cco.ok) throw new Error(cco.message);
  await grantRole(
    store,
    { userId: cco.id, role: 'compliance', entityId: 'group', grantedBy: 'test set-up' },
    new Date(),
  );
  const seeded = await ws.cases.write(
    {
      kind: 'put',
      case: {
        id: 'wb-2025-001',
        kind: 'whistleblowing',
        type: 'bribery',
        entityId: 'smelter',
        openedOn: '2025-02-03',
        concludedOn: '2025-04-01',
        outcome: 'substantiated',
        summary: SECRET,
      },
      expectedVersion: undefined,
    },
    'reported on the hotline',
    'Cora Compliance',
  );
  expect(seeded).toEqual({ ok: true, version: 1 });
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
});

async function openAs(
  lang: 'en' | 'zh-Hant',
  who: typeof ADMIN,
  hash: string,
): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      l,
    );
  }, lang);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
  page.on('pageerror', (e) => console.error(`[${lang}] page error: ${e.message}`));
  await page.goto(`${server.url}${hash}`);
  const form = page.locator('form[data-sign-in-form]');
  await form.locator('[data-email]').fill(who.email);
  await form.locator('[data-password]').fill(who.password);
  await form.locator('[data-sign-in-submit]').click();
  await page.locator('[data-current-user]', { hasText: who.name }).waitFor();
  return { page, requests };
}

describe('the compliance cases page in the browser', () => {
  it('the compliance officer sees counts and rows, adds a case, is refused a stale edit, reads the history (en)', async () => {
    const { page } = await openAs('en', CCO, '#/cases');
    await page.locator('[data-cases-page="rows"]').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Anti-corruption and whistleblowing cases');
    await page.locator('[data-case-counts="1"]').waitFor();
    const row = page.locator('tr[data-case="wb-2025-001"]');
    await row.waitFor();
    expect(await row.textContent()).toContain(SECRET);

    await page.locator('[data-case-add]').click();
    const form = page.locator('form[data-case-form="new"]');
    await form.locator('[data-case-save]').click();
    expect(await form.locator('.field-error').count()).toBe(4); // id, entity, opened, summary
    await form.locator('input[data-case-field="id"]').fill('lc-2025-001');
    await form.locator('select[data-case-field="kind"]').selectOption('legal-case');
    await form.locator('select[data-case-field="type"]').selectOption('fraud');
    await form.locator('select[data-case-field="entityId"]').selectOption('mine');
    await form.locator('input[data-case-field="openedOn"]').fill('2025-05-06');
    await form
      .locator('textarea[data-case-field="summary"]')
      .fill('Demonstration: a claim against a former site manager.');
    await form.locator('[data-case-save]').click();
    await form.waitFor({ state: 'detached' });
    await page.locator('tr[data-case="lc-2025-001"]').waitFor();
    await page.locator('[data-case-counts="2"]').waitFor();
    expect(await page.locator('[data-case-count="legal-case|fraud|open"]').textContent()).toContain('1');

    // meanwhile the case is changed over the workspace: the page's edit (version 1) is stale
    const changed = await ws.cases.write(
      {
        kind: 'put',
        case: {
          id: 'lc-2025-001',
          kind: 'legal-case',
          type: 'fraud',
          entityId: 'mine',
          openedOn: '2025-05-06',
          summary: 'Demonstration: changed elsewhere.',
        },
        expectedVersion: 1,
      },
      'corrected elsewhere',
      'someone else',
    );
    expect(changed).toEqual({ ok: true, version: 2 });
    await page.locator('[data-case-edit="lc-2025-001"]').click();
    const edit = page.locator('form[data-case-form="lc-2025-001"]');
    await edit.locator('textarea[data-case-field="actions"]').fill('Demonstration: referred to counsel.');
    await edit.locator('[data-case-save]').click();
    await edit.locator('[data-refusal="stale-version"]').waitFor();
    await page.locator('tr[data-case="lc-2025-001"]', { hasText: 'v2' }).waitFor();
    await edit.locator('button', { hasText: 'Cancel' }).click();
    await page.locator('[data-case-history-toggle="lc-2025-001"]').click();
    const history = page.locator('tr[data-case-history="lc-2025-001"] li');
    await history.nth(1).waitFor();
    expect(await history.nth(1).textContent()).toContain('corrected elsewhere');
    await checkedShot(page, 'cases-compliance-en');
    await page.context().close();
  });

  it('shows the compliance officer the same register in Chinese (zh-Hant)', async () => {
    const { page } = await openAs('zh-Hant', CCO, '#/cases');
    const row = page.locator('tr[data-case="wb-2025-001"]');
    await row.waitFor();
    expect(await page.locator('main h1').textContent()).toBe('反貪污及舉報案件');
    expect(await row.textContent()).toContain('查證屬實');
    expect(await row.textContent()).toContain('賄賂');
    await page.locator('[data-case-counts="2"]').waitFor();
    await checkedShot(page, 'cases-compliance-zh-Hant');
    await page.context().close();
  });

  for (const lang of ['en', 'zh-Hant'] as const)
    it(`an administrator without the compliance role sees counts, never a case row (${lang})`, async () => {
      const { page, requests } = await openAs(lang, ADMIN, '#/overview');
      await page.locator('[data-nav="cases"]').click();
      await page.locator('[data-cases-page="counts"]').waitFor();
      await page.locator('[data-case-counts="2"]').waitFor();
      await page.locator('[data-cases-restricted]').waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('wb-2025-001');
      expect(await page.locator('tr[data-case]').count()).toBe(0);
      expect(await page.locator('[data-case-add]').count()).toBe(0);
      expect(
        await page.locator('[data-case-count="whistleblowing|bribery|substantiated"]').textContent(),
      ).toContain(lang === 'en' ? 'Substantiated' : '查證屬實');
      // the browser asked for counts only, never for case rows
      const caseRequests = requests.filter(
        (p) => p.startsWith('/api/cases') || p.startsWith('/api/export/cases'),
      );
      expect(caseRequests.length).toBeGreaterThan(0);
      expect(caseRequests.every((p) => p.startsWith('/api/cases/counts'))).toBe(true);
      await checkedShot(page, `cases-admin-${lang}`);
      await page.context().close();
    });
});
