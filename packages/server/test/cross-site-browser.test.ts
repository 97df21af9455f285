/**
 * Cross-site writes and DNS rebinding in real Chromium (issue #14, item 5). A page of another
 * site (attacker.test, resolved to 127.0.0.1 by Chromium's host rules, served by a second little
 * HTTP server) auto-submits a text/plain form and sends a no-cors fetch and a JSON fetch to the
 * Assay API: each request that reaches the server is refused and nothing is stored. The app's
 * own page runs under its Content-Security-Policy without a violation, and a page reached under
 * another host name (rebind.test → 127.0.0.1, as after DNS rebinding) gets no data.
 * Needs /usr/bin/chromium (`bash scripts/ensure-system-packages.sh`).
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { CHROMIUM_PATH } from '@assay/render';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCE = 'planted by another site';

let browser: Browser;
let assay: Started;
let attacker: Server;
let attackerPort: number;
let ws: MemoryWorkspace;
/** Every request that reached the Assay app: method, path, status. */
const seen: { method: string; path: string; status: number }[] = [];

/** The page another site would serve: three ways to write to the local Assay API. */
function attackPage(api: string): string {
  const field = (entity: string) =>
    JSON.stringify({
      entity,
      period: '2025',
      indicator: 'revenue',
      value: '1',
      unit: 'CNY million',
      source: SOURCE,
    }).slice(0, -1);
  // text/plain form: the body is `name=value`; the "=" falls inside the reason string
  const formName = `${field('mine')},"reason":"x`;
  return `<!doctype html><html><body>
<iframe name="sink" style="display:none"></iframe>
<form id="f" method="POST" enctype="text/plain" action="${api}/data-points" target="sink">
  <input type="hidden" name='${formName.replaceAll("'", '&#39;')}' value='y"}'>
</form>
<script>
  window.results = {};
  document.getElementById('f').submit();
  const body = ${JSON.stringify(`${field('smelter')},"reason":"no-cors"}`)};
  fetch('${api}/data-points', { method: 'POST', mode: 'no-cors', body })
    .then(() => { window.results.noCors = 'sent'; }, (e) => { window.results.noCors = String(e); });
  fetch('${api}/data-points/rev-25/retract', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'cors', version: 1 }),
  }).then((r) => { window.results.cors = r.status; }, (e) => { window.results.cors = 'blocked: ' + e; });
</script></body></html>`;
}

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(
      'the web app is not built: npm run build -w @assay/web (web-journeys.test.ts builds it too)',
    );
  const loaded = await loadBundle(join(ROOT, 'examples/minimal'));
  if (!loaded.ok) throw new Error('examples/minimal should load');
  ws = new MemoryWorkspace(loaded.bundle);
  const app = createApp({ workspace: ws, webRoot: WEB_ROOT });
  assay = await listen(
    {
      // env carries the Node request (the guard reads the port the connection came in on)
      fetch: async (r: Request, env?: unknown) => {
        const res = await app.fetch(r, env);
        seen.push({ method: r.method, path: new URL(r.url).pathname, status: res.status });
        return res;
      },
    },
    0,
  );
  attacker = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(attackPage(`http://127.0.0.1:${assay.port}/api`));
  });
  await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
  attackerPort = (attacker.address() as AddressInfo).port;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP attacker.test 127.0.0.1, MAP rebind.test 127.0.0.1',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await assay?.close();
  await new Promise((done) => attacker?.close(done));
});

describe('another site cannot write to the local server', () => {
  it('refuses the form post and both fetches; no data point is created or retracted', async () => {
    const page = await browser.newPage();
    await page.goto(`http://attacker.test:${attackerPort}/`);
    await page.waitForFunction(() => {
      const r = (globalThis as unknown as { results?: Record<string, unknown> }).results;
      return r?.noCors !== undefined && r.cors !== undefined;
    });
    // the form post and the no-cors fetch reach the server (simple requests) and are refused
    await expect
      .poll(() => seen.filter((s) => s.method === 'POST' && s.path === '/api/data-points').length)
      .toBe(2);
    for (const s of seen.filter((x) => x.method === 'POST')) expect(s.status, s.path).toBe(403);
    // the JSON fetch needs a preflight the server does not grant: the write is never sent
    expect(
      await page.evaluate(() => (globalThis as unknown as { results: { cors: unknown } }).results.cors),
    ).toMatch(/^blocked/);
    expect(seen.some((s) => s.method === 'POST' && s.path.endsWith('/retract'))).toBe(false);
    expect(ws.snapshot().bundle.dataPoints.filter((d) => d.source === SOURCE)).toEqual([]);
    expect(ws.snapshot().bundle.dataPoints.some((d) => d.id === 'rev-25')).toBe(true);
    expect(ws.snapshot().version).toBe(1); // as loaded: nothing written
    await page.close();
  });
  it('serves nothing under another host name (DNS rebinding)', async () => {
    const page = await browser.newPage();
    const r = await page.goto(`http://rebind.test:${assay.port}/api/data-points`);
    expect(r?.status()).toBe(421);
    expect(await r?.text()).not.toContain('rev-25');
    const app = await page.goto(`http://rebind.test:${assay.port}/`);
    expect(app?.status()).toBe(421);
    await page.close();
  });
});

describe('the app itself under its security headers', () => {
  it('runs its inline boot script, writes, and shows the report preview without a CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${assay.url}#/overview`);
    await page.locator('[data-ready="overview"]').waitFor();
    expect(await page.evaluate(() => '__assayPreload' in globalThis)).toBe(true);
    // a same-origin write from the app: edit a value in the grid
    const before = ws.snapshot().version;
    await page.goto(`${assay.url}#/data`);
    await page.fill('input[name="reason"]', 'audited accounts');
    const cell = page.locator('input[data-dp="rev-25"]');
    await cell.fill('1001');
    await cell.press('Enter');
    await page.locator('[data-changed="revenue@group/2025"]').waitFor();
    expect(ws.snapshot().version).toBe(before + 1);
    await page.goto(`${assay.url}#/report`);
    const frame = page.frameLocator('iframe.report-preview');
    await frame.locator('h1').first().waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
