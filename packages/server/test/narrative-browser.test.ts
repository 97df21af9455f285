/**
 * Editing narrative in the browser (issue #19), in real Chromium (Debian /usr/bin/chromium via
 * playwright-core) against a real server over a PGlite store holding the demo group
 * (examples/xinxin-2025), in open mode (no account yet: the local user may do everything). In
 * English the water section is rewritten: a sentence is typed, the group's 2025 water withdrawal
 * is picked with the figure picker (searched by its English name) and goes in at the cursor; the
 * preview prints the figure as the picker showed it; the save makes version 2 and the report's
 * HTML prints the new sentence with the value. In Chinese the picker finds the figure by its
 * Chinese name; meanwhile the section is saved over the workspace (version 3), so the page's save
 * is refused 412 with a visible message, the typed text stays, the text saved meanwhile is shown,
 * and saving over it makes version 4. Screenshots: artifacts/screenshots/narrative-<lang>.png.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { launchBrowser } from '@assay/render';
import { migrate, openPgliteStore } from '@assay/store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';
import { checkedShot, ROOT, SHOTS } from './browser-fixture.js';

const WATER = 'water.withdrawal@group/2025';
let dir: string;
let ws: StoreWorkspace;
let server: Started;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  const loaded = await loadBundle(join(ROOT, 'examples/xinxin-2025'));
  if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
  dir = await mkdtemp(join(tmpdir(), 'assay-narrative-browser-'));
  const store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  await mkdir(SHOTS, { recursive: true });
  server = await listen(createApp({ workspace: ws, webRoot: WEB_ROOT, accounts: { store } }), 0);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ws?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(lang: 'en' | 'zh-Hant'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'assay.lang',
      l,
    );
  }, lang);
  const page = await context.newPage();
  await page.goto(`${server.url}#/overview`);
  await page.locator('[data-nav="narrative"]').click();
  await page.locator('[data-narrative-ready]').waitFor();
  await page.locator('[data-narrative-section="water"]').click();
  return page;
}

/** Search the picker, pick the group's 2025 water withdrawal; what the picker says it prints. */
async function pickWater(page: Page, search: string): Promise<string> {
  const editor = page.locator('[data-narrative-editor="water"]');
  await editor.locator('[data-figure-search]').fill(search);
  const choice = editor.locator(`[data-figure-choice="${WATER}"]`);
  const printed = (await choice.locator('[data-printed]').textContent()) ?? '';
  await choice.click();
  return printed;
}

const shot = async (page: Page, name: string) => {
  await checkedShot(page, name);
  await mkdir('/tmp/narrative', { recursive: true }).catch(() => {});
  await copyFile(join(SHOTS, `${name}.png`), `/tmp/narrative/${name}.png`).catch(() => {});
};

describe('editing narrative in the browser', () => {
  it('picks a figure into the text, previews it, saves, and the report prints it (en)', async () => {
    const page = await open('en');
    expect(await page.locator('main h1').textContent()).toBe('Narrative');
    const editor = page.locator('[data-narrative-editor="water"]');
    const en = editor.locator('[data-narrative-text="en"]');
    await en.fill('Across the group we withdrew ');
    await en.focus();
    await en.press('End');
    const printed = await pickWater(page, 'water withdrawal 2025');
    expect(printed).toMatch(/^[\d,]+ m³$/);
    expect(await en.inputValue()).toBe('Across the group we withdrew {{figure:water.withdrawal|unit}}');
    await en.press('End');
    await en.pressSequentially(' in the year.');
    const sentence = `Across the group we withdrew ${printed} in the year.`;
    await editor.locator('[data-preview-ready] [data-preview="en"]', { hasText: sentence }).waitFor();
    expect(await editor.locator('[data-unbound="en"]').count()).toBe(0);
    await editor.locator('[data-narrative-save]').click();
    await editor.locator('[data-narrative-saved="2"]').waitFor();
    expect((await ws.narrativeVersions()).get('water')).toBe(2);
    const report = await page.request.get(new URL('/api/reports/html?lang=en', server.url).href);
    expect((await report.text()).includes(sentence), sentence).toBe(true);
    await shot(page, 'narrative-en');
    await page.context().close();
  }, 120_000);

  it('finds the figure by its Chinese name; a stale save is refused 412 and keeps the typed text (zh-Hant)', async () => {
    const page = await open('zh-Hant');
    expect(await page.locator('main h1').textContent()).toBe('報告文字');
    const editor = page.locator('[data-narrative-editor="water"]');
    const zh = editor.locator('[data-narrative-text="zh"]');
    await zh.fill('本年度集團取水量為');
    await zh.focus();
    await zh.press('End');
    const printed = await pickWater(page, '用水量 2025');
    await zh.press('End');
    await zh.pressSequentially('。');
    const typed = await zh.inputValue();
    expect(typed).toBe('本年度集團取水量為{{figure:water.withdrawal|unit}}。');
    await editor.locator('[data-preview="zh-Hant"]', { hasText: `本年度集團取水量為${printed}。` }).waitFor();

    // Meanwhile the section is saved by someone else (version 3).
    const current = ws.snapshot().bundle.narrative.find((n) => n.id === 'water');
    if (!current) throw new Error('no water section');
    const other = { ...current, body: { ...current.body, en: 'Changed meanwhile.' } };
    expect(await ws.writeNarrativeSection(other, 2, 'meanwhile', 'someone else')).toMatchObject({
      ok: true,
      version: 3,
    });
    await editor.locator('[data-narrative-save]').click();
    await editor.locator('[data-refusal="stale-version"]').waitFor();
    await editor.locator('[data-narrative-theirs="3"]').waitFor();
    expect(await zh.inputValue()).toBe(typed);
    await shot(page, 'narrative-zh-Hant');
    await editor.locator('[data-narrative-save-over]').click();
    await editor.locator('[data-narrative-saved="4"]').waitFor();
    const saved = ws.snapshot().bundle.narrative.find((n) => n.id === 'water');
    expect(saved?.body['zh-Hant']).toBe(typed);
    await page.context().close();
  }, 120_000);
});
