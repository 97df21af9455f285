/**
 * The request guard (issue #14, item 5), in process: writes only from the app's own origin and
 * only as JSON, only under the host names the server answers to, and security headers on every
 * response. The same rules against a real browser: test/cross-site-browser.test.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';

const minimal = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
const loaded = await loadBundle(minimal);
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;

const NEW_POINT = {
  entity: 'mine',
  period: '2025',
  indicator: 'revenue',
  value: '1',
  unit: 'CNY million',
  source: 'planted by another site',
  reason: 'cross-site write',
};

let ws: MemoryWorkspace;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  ws = new MemoryWorkspace(bundle, () => '2026-01-01T00:00:00Z');
  app = createApp({ workspace: ws });
});

const create = (headers: Record<string, string>, body: string = JSON.stringify(NEW_POINT)) =>
  app.request('/api/data-points', { method: 'POST', body, headers });
const planted = () => ws.snapshot().bundle.dataPoints.filter((d) => d.source === NEW_POINT.source);

describe('writes only from the app itself', () => {
  it('refuses a write a browser marks cross-site or same-site, and stores nothing', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await create({ 'content-type': 'application/json', 'sec-fetch-site': site });
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error: { code: 'cross-origin', field: 'Sec-Fetch-Site' } });
    }
    const retract = await app.request('/api/data-points/rev-25/retract', {
      method: 'POST',
      body: JSON.stringify({ reason: 'gone', version: 1 }),
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    });
    expect(retract.status).toBe(403);
    expect(ws.snapshot().version).toBe(1); // as loaded: nothing written
    expect(planted()).toEqual([]);
  });
  it('refuses a write whose Origin is not the server (an older browser without Sec-Fetch-Site)', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost:8080', 'https://localhost']) {
      const r = await create({ 'content-type': 'application/json', origin });
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error: { code: 'cross-origin', field: 'Origin' } });
    }
    expect(ws.snapshot().version).toBe(1); // as loaded: nothing written
  });
  it('accepts the app’s own requests and clients that are not browsers (no Origin, no Sec-Fetch-Site)', async () => {
    const own = await create({
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
      origin: 'http://localhost',
    });
    expect(own.status).toBe(201);
    const byOrigin = await create(
      { 'content-type': 'application/json; charset=utf-8', origin: 'http://localhost' },
      JSON.stringify({ ...NEW_POINT, period: '2024' }),
    );
    expect(byOrigin.status).toBe(201);
    const curl = await app.request('/api/data-points/rev-25', {
      method: 'PUT',
      body: JSON.stringify({ value: '1001', reason: 'curl', version: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(curl.status).toBe(200);
  });
  it('refuses a body that is not JSON by its content type (what a plain HTML form can send): 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
    ]) {
      const r = await create({ 'content-type': type, 'sec-fetch-site': 'same-origin' });
      expect(r.status, type).toBe(415);
      expect(await r.json()).toMatchObject({
        error: { code: 'unsupported-media-type', field: 'Content-Type' },
      });
    }
    const none = await app.request('/api/data-points', { method: 'POST', body: new Uint8Array([0x7b]) });
    expect(none.status).toBe(415);
    expect(ws.snapshot().version).toBe(1); // as loaded: nothing written
    expect(planted()).toEqual([]);
  });
});

describe('answers only to its own host names (DNS rebinding)', () => {
  it('refuses any request, reads too, whose Host is another name: 421', async () => {
    for (const host of ['evil.example', 'evil.example:80', 'localhost.evil.example', '127.0.0.2']) {
      const r = await app.request('/api/data-points', { headers: { host } });
      expect(r.status, host).toBe(421);
      expect(await r.json()).toMatchObject({ error: { code: 'unknown-host', field: 'Host' } });
    }
    const w = await create({ 'content-type': 'application/json', host: 'evil.example' });
    expect(w.status).toBe(421);
    expect(ws.snapshot().version).toBe(1); // as loaded: nothing written
  });
  it('accepts the loopback names and the names it was configured with', async () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])
      expect((await app.request('/api/periods', { headers: { host } })).status, host).toBe(200);
    const named = createApp({ workspace: ws, allowedHosts: ['assay.internal:8443'] });
    expect((await named.request('/api/periods', { headers: { host: 'assay.internal:8443' } })).status).toBe(
      200,
    );
    expect((await named.request('/api/periods', { headers: { host: 'assay.internal' } })).status).toBe(421);
  });
});

describe('security headers on every response', () => {
  let webRoot: string;
  const INLINE = 'window.__boot = 1;';
  beforeEach(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'assay-web-'));
    await writeFile(
      join(webRoot, 'index.html'),
      `<!doctype html><html><head><script>${INLINE}</script></head><body></body></html>`,
    );
  });
  afterEach(() => rm(webRoot, { recursive: true, force: true }));

  const expectHardened = (r: Response) => {
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const csp = r.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    return csp;
  };

  it('on API answers, errors included', async () => {
    const web = createApp({ workspace: ws, webRoot });
    expectHardened(await web.request('/api/periods'));
    expectHardened(await web.request('/api/nothing-here'));
    expectHardened(await web.request('/api/periods', { headers: { host: 'evil.example' } }));
    expectHardened(await create({ 'content-type': 'text/plain' }));
  });
  it('on the web app, allowing its inline boot script by hash only', async () => {
    const web = createApp({ workspace: ws, webRoot });
    const r = await web.request('/');
    expect(r.status).toBe(200);
    const csp = expectHardened(r);
    const hash = (await import('node:crypto')).createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
  });
  it('the report preview may be framed by the app only, and runs no script', async () => {
    const r = await app.request('/api/reports/html?lang=en');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });
});
