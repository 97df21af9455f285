/**
 * GET /api/health and the request log (docs/operations.md). Health: the bare status for anyone,
 * details for administrators only; 503 when the database is gone (PGlite closed, a PostgreSQL
 * database dropped) or carries a migration this code does not know. Logs: one JSON line per
 * request with the request id, user id, method, route pattern, status and duration; nothing from
 * hostile paths, queries or headers can add a line or an escape sequence, and no password,
 * token, cookie or e-mail address is written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealth, MemoryWorkspace, StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createLogger, logLine } from '../src/http/log.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const AT = '2026-01-01T00:00:00Z';
const PASSWORD = 'correct horse battery';
// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;
/** What no log line may hold raw: C0 controls (line breaks, ESC), DEL, C1 controls, U+2028/9. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function pgliteApp(lines?: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'assay-health-'));
  dirs.push(dir);
  const store = await openPgliteStore(dir);
  await migrate(store, AT);
  const opened = await StoreWorkspace.open(store, bundle);
  if (!opened.ok) throw new Error(opened.reason);
  const logger = lines ? createLogger({ level: 'info', write: (l) => lines.push(l) }) : undefined;
  const app = createApp({ workspace: opened.workspace, accounts: { store }, ...(logger ? { logger } : {}) });
  return { app, store, dir, ws: opened.workspace };
}

describe('GET /api/health', () => {
  it('a bundle in memory: ok, with no database to check', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(bundle) });
    const r = await app.request('/api/health');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
    const d: Json = await (await app.request('/api/health/details')).json();
    expect(d).toMatchObject({
      status: 'ok',
      database: { kind: 'memory', reachable: true },
      migrations: null,
    });
  });

  it('PGlite: ok with migrations current and the free bytes of the data folder; 503 for a newer database and for a closed one', async () => {
    const { app, store, dir, ws } = await pgliteApp();
    const r = await app.request('/api/health');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const d: Json = await (await app.request('/api/health/details')).json();
    expect(d.status).toBe('ok');
    expect(d.database).toMatchObject({ kind: 'pglite', reachable: true, problem: null });
    expect(d.migrations).toMatchObject({ current: true, pending: [], unknown: [] });
    expect(d.migrations.applied).toBe(d.migrations.known);
    expect(d.disk.path).toBe(dir);
    expect(d.disk.freeBytes).toBeGreaterThan(0);

    await store.query('insert into schema_migrations values ($1, $2)', ['999-from-a-newer-assay.sql', AT]);
    const newer = await app.request('/api/health/details');
    expect(newer.status).toBe(503);
    expect(await newer.json()).toMatchObject({
      status: 'unavailable',
      migrations: { current: false, unknown: ['999-from-a-newer-assay.sql'] },
    });
    await store.query('delete from schema_migrations where name = $1', ['999-from-a-newer-assay.sql']);
    expect((await app.request('/api/health')).status).toBe(200);

    await ws.close();
    const gone = await app.request('/api/health');
    expect(gone.status).toBe(503);
    expect(await gone.json()).toEqual({ status: 'unavailable' });
    // The details route needs to know who asks, which needs the database: a fault, never a 200.
    expect((await app.request('/api/health/details')).status).toBe(500);
    const why = await checkHealth(store);
    expect(why).toMatchObject({
      ok: false,
      database: { kind: 'pglite', reachable: false, problem: expect.any(String) },
    });
    expect(why.disk?.freeBytes).toBeGreaterThan(0);
  }, 240_000);

  it('PostgreSQL: ok with the database size; 503 once the database is dropped', async () => {
    const db = await createTestDatabase();
    const store: Store = await openPostgresStore(db.url);
    const quiet = process.listeners('warning');
    try {
      await migrate(store, AT);
      const opened = await StoreWorkspace.open(store, bundle);
      if (!opened.ok) throw new Error(opened.reason);
      const app = createApp({ workspace: opened.workspace, accounts: { store } });
      const d: Json = await (await app.request('/api/health/details')).json();
      expect(d).toMatchObject({ status: 'ok', database: { kind: 'postgres', reachable: true }, disk: null });
      expect(d.databaseBytes).toBeGreaterThan(0);
      process.removeAllListeners('warning'); // the pool's "connection lost" warning is expected here
      await db.drop();
      const r = await app.request('/api/health');
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ status: 'unavailable' });
    } finally {
      for (const l of quiet) process.on('warning', l);
      await store.close().catch(() => undefined);
      await db.drop();
    }
  }, 240_000);

  it('with accounts: the bare status for anyone, details only for an administrator', async () => {
    const { app, store } = await pgliteApp();
    const lead = await addUser(
      store,
      { email: 'lead@example.com', name: 'Lead', password: PASSWORD },
      new Date(),
    );
    if (!lead.ok) throw new Error(lead.message);
    await grantRole(
      store,
      { userId: lead.id, role: 'administrator', entityId: 'group', grantedBy: 'test' },
      new Date(),
    );
    const viewer = await addUser(
      store,
      { email: 'v@example.com', name: 'V', password: PASSWORD },
      new Date(),
    );
    if (!viewer.ok) throw new Error(viewer.message);
    await grantRole(
      store,
      { userId: viewer.id, role: 'viewer', entityId: 'group', grantedBy: 'test' },
      new Date(),
    );
    const cookie = async (email: string) => {
      const r = await app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      return `assay_session=${/assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1]}`;
    };
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok' });
    expect((await app.request('/api/health/details')).status).toBe(401);
    const v = await cookie('v@example.com');
    expect((await app.request('/api/health/details', { headers: { cookie: v } })).status).toBe(403);
    const a = await cookie('lead@example.com');
    const d = await app.request('/api/health/details', { headers: { cookie: a } });
    expect(d.status).toBe(200);
    expect(await d.json()).toMatchObject({ migrations: { current: true } });
  }, 240_000);
});

describe('the request log', () => {
  it('one JSON line per request: request id (also in X-Request-Id), user id, method, route pattern, status, duration', async () => {
    const lines: string[] = [];
    const { app, store } = await pgliteApp(lines);
    const pia = await addUser(
      store,
      { email: 'pia@example.com', name: 'Pia', password: PASSWORD },
      new Date(),
    );
    if (!pia.ok) throw new Error(pia.message);
    await grantRole(
      store,
      { userId: pia.id, role: 'viewer', entityId: 'group', grantedBy: 'test' },
      new Date(),
    );
    const signIn = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pia@example.com', password: PASSWORD }),
    });
    const session = /assay_session=([^;]*)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(session).not.toBe('');
    lines.length = 0;
    const r = await app.request('/api/data-points/rev-25/history?token=assay_secretsecret', {
      headers: { cookie: `assay_session=${session}` },
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      requestId: r.headers.get('x-request-id'),
      userId: pia.id,
      method: 'GET',
      route: '/api/data-points/:id/history',
      status: r.status,
      durationMs: expect.any(Number),
    });
    expect(lines[0]).not.toContain(session);
    expect(lines[0]).not.toContain('secret');
    expect(lines[0]).not.toContain('pia@example.com');
    expect(lines[0]).not.toContain('rev-25');
  }, 240_000);

  it('hostile paths, queries and headers cannot forge a line, reach the terminal or leak a secret', async () => {
    const lines: string[] = [];
    const { app } = await pgliteApp(lines);
    const forged = '{"level":"error","msg":"forged"}';
    const requests: [string, RequestInit][] = [
      [`/api/data-points/x%0A${encodeURIComponent(forged)}%1B%5B31m/history`, {}],
      ['/api/%0D%0Aforged%E2%80%A8line?email=eve@example.com&password=hunter2', {}],
      ['/%1B]0;owned%07', {}],
      [
        '/api/session',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer assay_tok\x1b[2J' },
          body: JSON.stringify({ email: 'eve@example.com\n{"forged":1}', password: 'hunter2' }),
        },
      ],
      [
        '/api/health',
        {
          headers: {
            'user-agent': 'curl\x1b[31m x',
            'x-request-id': 'forged\u0085id',
            cookie: 'assay_session=stolen',
          },
        },
      ],
    ];
    for (const [path, init] of requests) await app.request(path, init);
    const text = lines.join('');
    expect(lines).toHaveLength(requests.length);
    for (const l of lines) {
      expect(l.endsWith('\n')).toBe(true);
      expect(l.slice(0, -1)).not.toMatch(RAW_CONTROL);
      expect(JSON.parse(l)).toMatchObject({
        msg: 'request',
        requestId: expect.stringMatching(/^[0-9a-f]{16}$/),
      });
    }
    for (const secret of ['hunter2', 'eve@example.com', 'assay_tok', 'stolen', 'forged', 'owned'])
      expect(text).not.toContain(secret);
    expect(lines.map((l) => JSON.parse(l).route)).toEqual([
      '/api/data-points/:id/history',
      '/api (no route)',
      'static',
      '/api/session',
      '/api/health',
    ]);
  }, 240_000);

  it('logLine escapes every line break and control character and masks e-mail addresses', () => {
    const hostile = 'a\nb\r\u001b[31mred\u009b2J\u2028\u2029\u007f ann.lee@example.com <bo@x.org>';
    const line = logLine('error', 'fault', { detail: hostile, n: 1 }, new Date(0));
    expect(line.split('\n')).toHaveLength(2);
    expect(line.slice(0, -1)).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(line)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'error',
      msg: 'fault',
      detail: 'a\nb\r\u001b[31mred\u009b2J\u2028\u2029\u007f <e-mail> <<e-mail>>',
      n: 1,
    });
  });

  it('the level switch: below the level nothing is written', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    log.info('request', {});
    log.warn('w');
    log.error('e');
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error']);
    const silent = createLogger({ level: 'silent', write: (l) => lines.push(l) });
    silent.error('e');
    expect(lines).toHaveLength(2);
  });
});
