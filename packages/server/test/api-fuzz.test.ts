/**
 * Fuzzing the HTTP API (issue #14): generated hostile requests to every route of the app, taken
 * from its router (so a new route is fuzzed without touching this file; the OpenAPI document
 * must list the same routes): random and route-shaped JSON with wrong types, 10,000-deep
 * nesting, huge numbers, 1 MB strings and __proto__ keys; random bytes under various content
 * types; hostile path parameters, query strings and headers; hostile CSV and broken XLSX.
 * Properties, for every request: an answer comes (a hang fails the run), never a 5xx, a 4xx is
 * JSON with an error code, its status and a message, and a refused request stores nothing (the
 * workspace version and data points are unchanged).
 * The bulk runs over the in-memory workspace, a short run over PGlite. Runs: FUZZ_RUNS (memory,
 * default 2,000) and FUZZ_STORE_RUNS (PGlite, default 500); FUZZ_SEED replays a run. Figures:
 * docs/api.md, "Fuzzing".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Workspace } from '@assay/app';
import { MemoryWorkspace, StoreWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { STATUS_OF } from '../src/http/api-error.js';
import { openApiDocument } from '../src/http/openapi.js';
import { type Fuzzed, type Route, requestFor } from './api-fuzz-requests.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const STORE_RUNS = Number(process.env.FUZZ_STORE_RUNS ?? 500);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** An answer must come within this; it guards against a hang and is not a speed requirement. */
const HANG_MS = 60_000;
/** Room for a run (the vitest default of 60 s is for one case); generous, not a requirement. */
const allow = (runs: number) => 120_000 + runs * 100;

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;

type App = ReturnType<typeof createApp>;
const fingerprint = (ws: Workspace) => {
  const s = ws.snapshot();
  return {
    version: s.version,
    dataPoints: s.bundle.dataPoints.length,
    explanations: s.bundle.registers.explanations.length,
  };
};

async function answer(app: App, r: Fuzzed): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer in ${HANG_MS} ms (hang)`)), HANG_MS);
  });
  try {
    const init: RequestInit = { method: r.method, headers: r.headers };
    if (r.body !== undefined) init.body = r.body;
    return await Promise.race([app.request(r.url, init), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Answers by status over a run, for the record in docs/api.md. */
const tally = new Map<number, number>();

async function check(app: App, ws: Workspace, r: Fuzzed): Promise<void> {
  const before = fingerprint(ws);
  const res = await answer(app, r);
  tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
  const where = `${r.method} ${r.url.slice(0, 200)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400 && r.method !== 'HEAD') {
    expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: { code?: string; message?: unknown } };
    const code = body.error?.code as keyof typeof STATUS_OF;
    expect(STATUS_OF[code], `${where}: code ${code}`).toBe(res.status);
    expect(typeof body.error?.message === 'string' && body.error.message.length > 0, where).toBe(true);
  } else await res.arrayBuffer();
  if (res.status >= 400) expect(fingerprint(ws), where).toEqual(before);
}

/** The app's routes from its router: every method and path a handler answers. */
function routesOf(app: App): Route[] {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => !(r.method === 'ALL' && r.path === '/*'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

let webRoot: string;
let template: Uint8Array;
const folders: string[] = [];
beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'assay-fuzz-web-'));
  folders.push(webRoot);
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><script>1</script>');
  const app = createApp({ workspace: new MemoryWorkspace(bundle) });
  template = new Uint8Array(
    await (await app.request('/api/template/data-points.xlsx?entity=mine')).arrayBuffer(),
  );
});
afterAll(async () => {
  for (const d of folders) await rm(d, { recursive: true, force: true });
});

/** Run the property over every route, `runs` inputs in all; returns the count and milliseconds. */
async function fuzz(app: App, ws: Workspace, runs: number, only?: (r: Route) => boolean) {
  const routes = routesOf(app).filter((r) => only?.(r) ?? true);
  const arbitrary = fc.oneof(...routes.map((r) => requestFor(r, template)));
  // reader faults are logged with console.error by design; keep the run's output readable
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  const started = performance.now();
  tally.clear();
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, (r) => check(app, ws, r)),
      { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  } finally {
    quiet.mockRestore();
  }
  const statuses = [...tally]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return { runs, routes: routes.length, ms: Math.round(performance.now() - started), statuses };
}

describe('fuzzing the HTTP API', () => {
  it('fuzzes the routes the OpenAPI document lists, and only those', () => {
    const app = createApp({ workspace: new MemoryWorkspace(bundle) });
    const documented = Object.entries(openApiDocument().paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routed = routesOf(app)
      // the API's routes: not `/`, which without a web build answers a page saying so
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    expect(routed.sort()).toEqual(documented.sort());
  });
  it(
    `over the in-memory workspace: ${RUNS} requests, never a 5xx, errors as JSON, nothing stored when refused`,
    async () => {
      const ws = new MemoryWorkspace(bundle);
      const app = createApp({ workspace: ws, webRoot });
      const out = await fuzz(app, ws, RUNS);
      console.info(
        `api fuzz (memory): ${out.runs} requests over ${out.routes} routes in ${out.ms} ms: ${out.statuses}`,
      );
    },
    allow(RUNS),
  );
  it(
    `over a PGlite store: ${STORE_RUNS} requests to the routes that write`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-fuzz-'));
      folders.push(dir);
      const store: Store = await openPgliteStore(dir);
      try {
        await migrate(store, '2026-01-01T00:00:00Z');
        const opened = await StoreWorkspace.open(store, bundle);
        if (!opened.ok) throw new Error(opened.reason);
        // With the store's accounts: open until a fuzzed POST /api/users makes the first account,
        // then closed (401), so both paths, and the access log of each, meet hostile paths.
        const app = createApp({ workspace: opened.workspace, accounts: { store } });
        const out = await fuzz(app, opened.workspace, STORE_RUNS, (r) => r.method !== 'GET');
        console.info(
          `api fuzz (PGlite): ${out.runs} requests over ${out.routes} routes in ${out.ms} ms: ${out.statuses}`,
        );
      } finally {
        await store.close();
      }
    },
    allow(STORE_RUNS),
  );
});
