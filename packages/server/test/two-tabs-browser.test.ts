/**
 * Two browser tabs editing the same value (issue #17), in real Chromium (Debian /usr/bin/chromium
 * via playwright-core) against a real server on a loopback port over a real PGlite store in a
 * temp folder holding examples/minimal, open mode (no account: every request is the local user).
 * Both tabs show the smelter's data grid (three rows); the first saves the 2025 female headcount
 * (hc-s-f, 100 persons), then the second saves its own value over the version it started from and gets 412:
 * the cell keeps what was typed and shows the first tab's revision (author, time, value) beside
 * it, through a reload of the grid, leaving the cell and a language switch, until the person
 * chooses. Round one "Use mine" saves the typed value (version + 1, the history holds both);
 * round two "Keep theirs" leaves the first tab's value and saves nothing; round three a save the
 * server refuses for another reason (a 501-character reason: 400) keeps the value with the
 * message, and "Try again" saves it once the reason is fixed; round four the first tab retracts a
 * data point the second has typed into: the failed save's row stays in the re-fetched grid, in
 * its place, until "Discard mine". The edited row keeps its place in both grids throughout (the
 * server lists an edited data point after the others).
 * Screenshots of the conflict in English and Chinese go to artifacts/screenshots/ (gitignored).
 * Needs the web build (npm run build -w @assay/web) and chromium
 * (`bash scripts/ensure-system-packages.sh`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreWorkspace } from '@assay/app';
import { launchBrowser } from '@assay/render';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';
import { type MinimalStore, minimalStoreWorkspace, SHOTS } from './browser-fixture.js';

/** The data point both tabs edit: the smelter's 2025 female headcount, 100 persons as loaded. */
const ID = 'hc-s-f';
/** The page's localStorage, as much of it as the set-up uses (no DOM types here). */
type LocalStorage = { getItem(k: string): string | null; setItem(k: string, v: string): void };

let fixture: MinimalStore;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;
/** One browser context (shared cookies and storage) with two tabs. */
let context: BrowserContext;
let first: Page;
let second: Page;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(
      'the web app is not built: npm run build -w @assay/web (web-journeys.test.ts builds it too)',
    );
  fixture = await minimalStoreWorkspace('assay-two-tabs-');
  ({ ws } = fixture);
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT }), 0);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // English to start with (set once: a language switch in one tab is then kept by both).
  await context.addInitScript(() => {
    const storage = (globalThis as unknown as { localStorage: LocalStorage }).localStorage;
    if (storage.getItem('assay.lang') === null) storage.setItem('assay.lang', 'en');
  });
  first = await context.newPage();
  second = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.dispose();
});

/** The stored version and value of the data point (the workspace's latest revision). */
const versionOf = () => ws.snapshot().versionOf(ID) as number;
const storedValue = () =>
  ws
    .snapshot()
    .bundle.dataPoints.find((p) => p.id === ID)
    ?.quantity.value.toString();

/** Open the data grid afresh in a tab (a new document, not a hash change) and wait for its rows. */
async function openGrid(page: Page) {
  await page.goto('about:blank');
  await page.goto(`${server.url}#/data`);
  await page.locator('table.grid[data-ready="data"]').waitFor();
  await page.selectOption('select[name="entity"]', 'smelter');
  await page.locator(`input[data-dp="${ID}"]`).waitFor();
}

/** The data-point ids of the grid's rows, top to bottom. */
const rowOrder = (page: Page) =>
  page
    .locator('table.grid > tbody > tr[data-row]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')));

/** Wait until the tab's version column (the 6th) of the data point's row shows `version`. */
const showsVersion = (page: Page, version: number) =>
  page.locator(`tr[data-row="${ID}"] > td:nth-child(6)`, { hasText: new RegExp(`^${version}$`) }).waitFor();

/** Type `value` in the cell with `reason` in the reason field, and press Enter. */
async function typeAndSave(page: Page, value: string, reason: string) {
  await page.fill('input[name="reason"]', reason);
  const cell = page.locator(`input[data-dp="${ID}"]`);
  await cell.fill(value);
  await cell.press('Enter');
}

/** Wait until the store holds `version` (a save answered in a tab). */
async function storeReaches(version: number) {
  for (let i = 0; i < 200 && versionOf() < version; i++) await new Promise((r) => setTimeout(r, 25));
  expect(versionOf()).toBe(version);
}

/** Save the tab as artifacts/screenshots/<name>.png, after checking nothing is wider than 1280 px. */
async function shot(page: Page, name: string) {
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width, `${name}: page width in px`).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('two tabs editing the same value (issue #17)', () => {
  it('shows the second save a conflict with both values, keeps what was typed, and "Use mine" saves it', async () => {
    await openGrid(first);
    await openGrid(second);
    const order = await rowOrder(second);
    expect(order).toHaveLength(3);
    const index = order.indexOf(ID);
    expect(await rowOrder(first)).toEqual(order);
    const v0 = versionOf();

    await typeAndSave(first, '120', 'tab one: audited accounts');
    await first.locator('[data-changed="employees.headcount@smelter/2025"]').waitFor();
    await storeReaches(v0 + 1);
    expect(storedValue()).toBe('120');
    await showsVersion(first, v0 + 1);
    // (the server's list now has hc-s-f last: hc-s-m, out-ni, hc-s-f, as measured on 2026-12-06)
    expect((await rowOrder(first)).indexOf(ID), 'row index in the tab that saved').toBe(index);
    expect(await rowOrder(first), 'rows of the tab that saved').toEqual(order);

    await typeAndSave(second, '130', 'tab two: ledger');
    const conflict = second.locator(`[data-conflict="${ID}"]`);
    await conflict.waitFor();
    const theirs = (await ws.history(ID)).at(-1);
    expect(theirs?.value).toBe('120');
    const said = await conflict.textContent();
    expect(said).toContain(`Changed by ${theirs?.author} at `);
    expect(said).toContain('to 120 person; your value: 130 person');
    expect(await second.locator(`input[data-dp="${ID}"]`).inputValue()).toBe('130');
    expect(versionOf(), 'nothing saved by the refused write').toBe(v0 + 1);
    expect(storedValue()).toBe('120');

    // The grid behind it reloads (the version column moves on): the conflict and the typed value stay.
    await showsVersion(second, v0 + 1);
    expect(await conflict.isVisible()).toBe(true);
    expect(await second.locator(`input[data-dp="${ID}"]`).inputValue()).toBe('130');
    // Leaving the cell does not save over theirs: the person chooses.
    await second.locator('main h1').click();
    await second.waitForTimeout(400);
    expect(await conflict.isVisible()).toBe(true);
    expect(versionOf()).toBe(v0 + 1);
    expect(await rowOrder(second), 'rows of the tab with the conflict').toEqual(order);
    await shot(second, 'data-conflict-en');

    await second.click('[data-lang-switch]');
    await second.locator('main h1', { hasText: '數據' }).waitFor();
    const inChinese = await conflict.textContent();
    expect(inChinese).toContain(`${theirs?.author} 已於 `);
    expect(inChinese).toContain('將此數值改為 120 person；您輸入的值：130 person');
    expect(await conflict.locator(`[data-use-mine="${ID}"]`).textContent()).toBe('採用我的值');
    expect(await conflict.locator(`[data-drop-mine="${ID}"]`).textContent()).toBe('保留對方的值');
    await shot(second, 'data-conflict-zh-Hant');

    await second.click(`[data-use-mine="${ID}"]`);
    await conflict.waitFor({ state: 'detached' });
    await storeReaches(v0 + 2);
    expect(storedValue()).toBe('130');
    const history = (await ws.history(ID)).slice(-2).map((r) => [r.version, r.value, r.reason]);
    expect(history).toEqual([
      [v0 + 1, '120', 'tab one: audited accounts'],
      [v0 + 2, '130', 'tab two: ledger'],
    ]);
    await showsVersion(second, v0 + 2);
    // The history under the row shows both saves.
    await second.click(`button[data-history="${ID}"]`);
    const revisions = second.locator(`tr[data-history-of="${ID}"] tr[data-revision]`);
    await second.locator(`tr[data-history-of="${ID}"] tr[data-revision="${v0 + 2}"]`).waitFor();
    const rows = await revisions.allTextContents();
    expect(rows.some((r) => r.includes('130') && r.includes('tab two: ledger'))).toBe(true);
    expect(rows.some((r) => r.includes('120') && r.includes('tab one: audited accounts'))).toBe(true);
    expect((await rowOrder(second)).indexOf(ID), 'row index after "Use mine"').toBe(index);
    expect(await rowOrder(second), 'rows after "Use mine"').toEqual(order);
  });

  it('"Keep theirs" leaves the first value and saves nothing', async () => {
    await openGrid(first);
    await openGrid(second);
    const order = await rowOrder(second);
    const v0 = versionOf();
    await typeAndSave(first, '140', 'tab one: second count');
    await storeReaches(v0 + 1);

    await typeAndSave(second, '150', 'tab two: my count');
    const conflict = second.locator(`[data-conflict="${ID}"]`);
    await conflict.waitFor();
    const said = await conflict.textContent();
    expect(said).toContain('140 person');
    expect(said).toContain('150 person');
    expect(await second.locator(`input[data-dp="${ID}"]`).inputValue()).toBe('150');

    await second.click(`[data-drop-mine="${ID}"]`);
    await conflict.waitFor({ state: 'detached' });
    expect(await second.locator(`input[data-dp="${ID}"]`).inputValue()).toBe('140');
    await showsVersion(second, v0 + 1);
    await second.locator('main h1').click();
    await second.waitForTimeout(400);
    expect(versionOf(), '"Keep theirs" saves nothing').toBe(v0 + 1);
    expect(storedValue()).toBe('140');
    expect(await rowOrder(second)).toEqual(order);
    expect(await rowOrder(first)).toEqual(order);
  });

  it('keeps the typed value with the message when the server refuses the save, and "Try again" saves it', async () => {
    await openGrid(second);
    const order = await rowOrder(second);
    const v0 = versionOf();
    await typeAndSave(second, '160', 'x'.repeat(501)); // the server takes reasons up to 500 characters
    const note = second.locator(`[data-save-failure="${ID}"]`);
    await note.waitFor();
    expect(await second.locator(`[data-conflict="${ID}"]`).count()).toBe(0);
    expect(await second.locator(`input[data-dp="${ID}"]`).inputValue()).toBe('160');
    expect(await note.textContent()).toContain('160 person');
    expect(versionOf()).toBe(v0);

    await second.fill('input[name="reason"]', 'tab two: reason shortened');
    await second.click(`[data-use-mine="${ID}"]`);
    await note.waitFor({ state: 'detached' });
    await storeReaches(v0 + 1);
    expect(storedValue()).toBe('160');
    expect((await ws.history(ID)).at(-1)?.reason).toBe('tab two: reason shortened');
    expect(await rowOrder(second)).toEqual(order);
  });
  it('keeps a row whose save failed in the grid when the other tab retracted its data point meanwhile', async () => {
    const gone = 'hc-s-m';
    await openGrid(first);
    await openGrid(second);
    const order = await rowOrder(second);
    await second.fill('input[name="reason"]', 'tab two: recount');
    await second.locator(`input[data-dp="${gone}"]`).fill('310');
    // the first tab retracts it (a reason, then two clicks)
    await first.fill('input[name="reason"]', 'tab one: counted twice');
    await first.click(`button[data-retract="${gone}"]`);
    await first.click(`button[data-retract="${gone}"]`);
    await first.locator(`input[data-dp="${gone}"]`).waitFor({ state: 'detached' });

    await second.locator(`input[data-dp="${gone}"]`).press('Enter');
    const note = second.locator(`[data-save-failure="${gone}"]`);
    await note.waitFor();
    expect(await note.textContent()).toContain('310 person');
    // Another save in the same tab re-fetches the grid, which no longer lists the retracted point.
    const other = second.locator('input[data-dp="out-ni"]');
    await other.fill('10001');
    await other.press('Enter');
    await second.locator('[data-changed="production.output@smelter/2025"]').waitFor();
    const kept = second.locator(`tr[data-row="${gone}"].kept`);
    await kept.waitFor();
    expect(await second.locator(`input[data-dp="${gone}"]`).inputValue()).toBe('310');
    expect(await note.isVisible()).toBe(true);
    expect(await rowOrder(second), 'the kept row stays in its place').toEqual(order);

    await second.click(`[data-drop-mine="${gone}"]`);
    await kept.waitFor({ state: 'detached' });
    expect(await rowOrder(second)).toEqual(order.filter((id) => id !== gone));
  });
});
