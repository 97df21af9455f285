/**
 * No English on the Chinese overview (issue #19, "full localisation of the web app"), in real
 * Chromium against a server over the demo group (examples/xinxin-2025, in memory): every
 * Latin-script word in the zh-Hant overview's text (headline cards, breakdown bars, targets,
 * completeness, the side navigation) must be on the allow-list; anything else fails with the
 * word and the text around it. Before this test the page printed unit symbols ("person",
 * "CNY million", "tCO2e/CNY million"), fuel codes ("diesel", "steam") and framework codes
 * ("HKEX", "SASAC").
 *
 * Allowed, as Chinese reports and apps print them: the product's name (Assay), the language
 * switch's own label (English), framework names GRI, SASB, IFRS S2, and ESG/KPI.
 * Not yet covered: the other pages (the data grid, checks and disclosures still print codes and
 * unit symbols; docs/report.md "Chinese outputs").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { launchBrowser } from '@assay/render';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';
import { checkedShot, ROOT } from './browser-fixture.js';

const ALLOWED = new Set(['Assay', 'English', 'GRI', 'SASB', 'IFRS', 'S2', 'ESG', 'KPI']);
const WORD = /[A-Za-z][A-Za-z\d]*(?:[./-][A-Za-z\d]+)*/g;

let server: Started;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('the web app is not built: npm run build -w @assay/web (the test set-up builds it)');
  const loaded = await loadBundle(join(ROOT, 'examples', 'xinxin-2025'));
  if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
  server = await listen(createApp({ workspace: new MemoryWorkspace(loaded.bundle), webRoot: WEB_ROOT }), 0);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the zh-Hant overview of the demo group', () => {
  it('prints no Latin-script word outside the allow-list (units, fuels, frameworks in Chinese)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() =>
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('assay.lang', 'zh-Hant'),
    );
    const page = await context.newPage();
    await page.goto(`${server.url}#/overview`);
    await page.locator('.card').first().waitFor();
    await page.locator('table.completeness tbody tr').first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (textContent would add the preload script's JSON)
    const text = await page.locator('body').innerText();
    const leaks = [...text.matchAll(WORD)]
      .filter((m) => !ALLOWED.has(m[0]))
      .map((m) => `${m[0]} in …${text.slice(Math.max(0, (m.index ?? 0) - 20), (m.index ?? 0) + 30)}…`);
    expect(leaks).toEqual([]);
    // The units are there, in Chinese: the intensity card's ratio of units, part by part.
    expect(text).toContain('噸二氧化碳當量/百萬元');
    expect(text).toContain('聯交所');
    await checkedShot(page, 'overview-zh-Hant');
    await context.close();
  }, 120_000);
});
