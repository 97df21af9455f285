/**
 * The server without a web build (`assay serve` before `npm run build -w @assay/web`): `/`
 * answers a small HTML page that says so and what to run, under the app's Content-Security-Policy
 * (no inline script or style: none is needed); the API is served all the same. A real listening
 * server on the loopback address, as `assay serve` starts it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started } from '../src/start-server.js';

const minimal = join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal');
const loaded = await loadBundle(minimal);
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;

async function expectNotBuiltPage(r: Response) {
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = r.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const html = await r.text();
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain('npm run build -w @assay/web');
  expect(html).toContain('/api/openapi.json');
  expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
}

describe('no web build', () => {
  let started: Started;
  beforeAll(async () => {
    started = await listen(createApp({ workspace: new MemoryWorkspace(bundle) }), 0);
  });
  afterAll(async () => started?.close());

  it('answers / with a page saying the web app is not built and what to run', async () => {
    await expectNotBuiltPage(await fetch(started.url));
  });
  it('still serves the API', async () => {
    const r = await fetch(`${started.url}api/organisation`);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { id: string }).id).toBe('demo');
  });
  it('answers the same page from a web root that has no index.html', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'assay-web-'));
    try {
      const app = createApp({ workspace: new MemoryWorkspace(bundle), webRoot: empty });
      await expectNotBuiltPage(await app.request('/'));
      await expectNotBuiltPage(await app.request('/data-points'));
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
