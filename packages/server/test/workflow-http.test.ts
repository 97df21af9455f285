/**
 * The collection cycle over HTTP (issue #17), on a PGlite store with accounts: a preparer
 * submits, a reviewer returns it with a comment, the preparer resubmits, the reviewer reviews,
 * two approvers approve the same version at once (one 200, one 412, one transition), the
 * administrator locks 2025, and then an edit, a retraction and an import of a 2025 figure are
 * refused with 409 `period-locked` and nothing stored, until the period is unlocked.
 * Also: self-approval 403 with its rule, a preparer of another entity 404, a stale version 412.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { auditEntries, migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const PASSWORD = 'workflow password 1';

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();

const USERS: [string, [Role, string][]][] = [
  ['ada', [['administrator', 'group']]],
  ['ann', [['preparer', 'smelter']]],
  ['pat', [['preparer', 'mine']]],
  ['rita', [['reviewer', 'group']]],
  ['alex', [['approver', 'group']]],
  ['amy', [['approver', 'group']]],
  [
    'bo',
    [
      ['preparer', 'smelter'],
      ['approver', 'smelter'],
    ],
  ],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-wf-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store } });
  const now = new Date();
  for (const [name, grants] of USERS) {
    const u = await addUser(store, { email: `${name}@example.com`, name, password: PASSWORD }, now);
    if (!u.ok) throw new Error(u.message);
    for (const [role, entityId] of grants)
      await grantRole(store, { userId: u.id, role, entityId, grantedBy: 'test' }, now);
    const r = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
    });
    const cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    if (r.status !== 204 || !cookie) throw new Error(`sign-in of ${name}: ${r.status}`);
    cookies.set(name, cookie);
  }
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(who: string, method: string, path: string, body?: unknown) {
  const r = await app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Body };
}

/** A JSON answer, read loosely: the tests name the fields they expect. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes
type Body = Record<string, any>;

const UNIT = '/workflow/smelter/2025/employment';

describe('the collection cycle over HTTP', () => {
  it('runs submit → return → submit → review, and of two approvals at once records one', async () => {
    expect(await call('ann', 'POST', `${UNIT}/submit`, { version: 0 })).toMatchObject({
      status: 200,
      body: { unit: { state: 'submitted', version: 1 }, transition: { actor: 'ann <ann@example.com>' } },
    });
    expect(await call('rita', 'POST', `${UNIT}/return`, { version: 1 })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', field: 'comment', rule: 'comment-required' } },
    });
    expect(
      await call('rita', 'POST', `${UNIT}/return`, { version: 1, comment: 'contractors missing' }),
    ).toMatchObject({
      status: 200,
      body: { unit: { state: 'draft', version: 2 } },
    });
    expect((await call('ann', 'POST', `${UNIT}/submit`, { version: 2 })).status).toBe(200);
    expect((await call('rita', 'POST', `${UNIT}/review`, { version: 3 })).status).toBe(200);
    const audit = await auditEntries(store);
    const both = await Promise.all([
      call('alex', 'POST', `${UNIT}/approve`, { version: 4 }),
      call('amy', 'POST', `${UNIT}/approve`, { version: 4 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(both.find((r) => r.status === 412)?.body.error).toMatchObject({
      code: 'stale-version',
      field: 'version',
    });
    expect(await auditEntries(store)).toBe(audit + 1);
    const list = await call('ann', 'GET', '/workflow?period=2025');
    expect(list.status).toBe(200);
    expect(list.body.units.map((u: Body) => [u.entityId, u.topic, u.state, u.version])).toEqual([
      ['smelter', 'economic', 'draft', 0],
      ['smelter', 'employment', 'approved', 5],
      ['smelter', 'energy', 'draft', 0], // its activity lines
    ]);
  });

  it('refuses self-approval (403 with its rule), another entity (404), a missing or stale version', async () => {
    const energy = '/workflow/smelter/2025/energy';
    expect((await call('bo', 'POST', `${energy}/submit`, { version: 0 })).status).toBe(200);
    expect((await call('rita', 'POST', `${energy}/review`, { version: 1 })).status).toBe(200);
    const self = await call('bo', 'POST', `${energy}/approve`, { version: 2 });
    expect(self).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', rule: 'self-approval' } },
    });
    expect(self.body.error.message).toMatch(/you submitted this unit, so someone else must approve it/);
    expect((await call('pat', 'POST', `${energy}/submit`, { version: 2 })).status).toBe(404);
    expect((await call('ann', 'POST', '/workflow/smelter/2025/water/submit', {})).status).toBe(428);
    expect((await call('ann', 'POST', '/workflow/smelter/2025/water/submit', { version: 3 })).status).toBe(
      412,
    );
    expect(
      (await call('ann', 'POST', '/workflow/smelter/2025/astrology/submit', { version: 0 })).status,
    ).toBe(404);
  });

  it('a locked period refuses edits, retractions and imports with 409 and stores nothing, until unlocked', async () => {
    expect((await call('ann', 'POST', '/periods/2025/lock', { reason: 'x' })).status).toBe(403);
    const locked = await call('ada', 'POST', '/periods/2025/lock', {
      reason: 'approved by the ESG committee',
    });
    expect(locked).toMatchObject({
      status: 201,
      body: { lock: { periodId: '2025', actor: 'ada <ada@example.com>' } },
    });
    expect((await call('ada', 'POST', '/periods/2025/lock', { reason: 'again' })).status).toBe(409);
    const before = {
      version: ws.snapshot().version,
      history: (await call('ann', 'GET', '/data-points/hc-s-m/history')).body,
    };
    const version = ws.snapshot().versionOf('hc-s-m');
    const edit = await call('ann', 'PUT', '/data-points/hc-s-m', { value: '301', reason: 'late', version });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toEqual({
      code: 'period-locked',
      field: 'period',
      message: `period 2025 is locked since ${locked.body.lock.at} by ada <ada@example.com>; to change a figure, file a restatement`,
    });
    expect((await call('ann', 'POST', '/data-points/hc-s-m/retract', { reason: 'x', version })).status).toBe(
      409,
    );
    const csv =
      'entity,period,indicator,disaggregation,value,unit,source\nsmelter,2025-03,water.withdrawal,,1200,m³,meter\n';
    const preview = await call('ann', 'POST', '/import/data-points', { file: 'm.csv', csv });
    expect(preview).toMatchObject({ status: 200, body: { summary: { add: 1, errors: 0 } } });
    const applied = await call('ann', 'POST', '/import/data-points?apply=true', {
      file: 'm.csv',
      csv,
      reason: 'monthly',
      version: preview.body.workspaceVersion,
    });
    expect(applied).toMatchObject({ status: 409, body: { error: { code: 'period-locked' } } });
    expect(applied.body.error.message).toMatch(/^period 2025-03 lies in period 2025, which is locked since/);
    expect((await call('ann', 'POST', `${UNIT}/submit`, { version: 5 })).body.error.code).toBe(
      'period-locked',
    );
    expect({
      version: ws.snapshot().version,
      history: (await call('ann', 'GET', '/data-points/hc-s-m/history')).body,
    }).toEqual(before);
    expect((await call('ann', 'GET', '/workflow?period=2025')).body.lock).toMatchObject({ periodId: '2025' });
    expect((await call('ann', 'DELETE', '/periods/2025/lock', { reason: 'x' })).status).toBe(403);
    expect(
      await call('ada', 'DELETE', '/periods/2025/lock', { reason: 'restatement approved' }),
    ).toMatchObject({
      status: 200,
      body: { unlocked: { periodId: '2025' } },
    });
    expect((await call('ada', 'DELETE', '/periods/2025/lock', { reason: 'again' })).status).toBe(404);
    expect(
      (await call('ann', 'PUT', '/data-points/hc-s-m', { value: '301', reason: 'late', version })).status,
    ).toBe(200);
  });
});
