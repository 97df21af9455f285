/**
 * Restatement and base year over HTTP (issue #17), on a PGlite store with accounts, over
 * examples/minimal: the administrator sets base year 2025 and locks 2025; a plain write to 2025
 * is refused (409); a preparer requests a restatement of the smelter's 2025 diesel (100 → 90 t),
 * submits it, a reviewer reviews it, two approvers approve the same version at once (one 200, one
 * 412); the new revision is linked to the old in the store; the group's Scope 1 falls by the
 * hand-computed 30.96 tCO2e; the report's JSON and HTML (both languages) show the note with the
 * old and new values; and a plain write to 2025 is still refused (409). Also: refusals naming the
 * field, an entity the caller cannot see (404), self-approval (403 with its rule).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluated, StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { Decimal } from '@assay/core';
import { loadBundle } from '@assay/io';
import { auditEntries, migrate, openPgliteStore, type Store, verifyAudit } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const PASSWORD = 'restatement password 1';

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

/** 10 t of diesel: 10 t × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 = 30.959… tCO2e (NDRC NF 2015). */
const DIESEL_10T = new Decimal(10).times('42.652').times('0.0202').times('0.98').times(44).dividedBy(12);
const scope1 = () => {
  const f = evaluated(ws.snapshot()).evaluation.figures.find((x) => x.id === 'ghg.scope1@group/2025');
  if (f?.value.kind !== 'quantity') throw new Error('no Scope 1');
  return f.value.value;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-restate-http-'));
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

async function raw(who: string, method: string, path: string, body?: unknown) {
  return app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
async function call(who: string, method: string, path: string, body?: unknown) {
  const r = await raw(who, method, path, body);
  return { status: r.status, body: (await r.json()) as Body };
}
// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes, read loosely
type Body = Record<string, any>;

const plainWrite = () =>
  call('ann', 'PUT', '/data-points/hc-s-m', {
    value: '301',
    reason: 'late',
    version: ws.snapshot().versionOf('hc-s-m'),
  });

describe('restatement and base year over HTTP', () => {
  it('the administrator sets base year 2025 (default 5 %) and locks 2025; a plain write is then 409', async () => {
    expect((await call('ann', 'GET', '/settings/base-year')).status).toBe(403);
    const bad = await call('ada', 'PUT', '/settings/base-year', {
      year: '2025',
      thresholdPercent: '0',
      version: ws.snapshot().version,
    });
    expect(bad).toMatchObject({
      status: 422,
      body: { error: { code: 'invalid-data', field: 'thresholdPercent' } },
    });
    const set = await call('ada', 'PUT', '/settings/base-year', {
      year: '2025',
      version: ws.snapshot().version,
    });
    expect(set).toMatchObject({
      status: 200,
      body: {
        baseYear: {
          year: '2025',
          thresholdPercent: '5',
          triggers: ['structural-change', 'methodology', 'error-correction'],
        },
      },
    });
    expect(set.body.baseYear.scope12).toMatch(/^19303\.604193233/);
    expect((await call('ada', 'POST', '/periods/2025/lock', { reason: 'approved' })).status).toBe(201);
    const refused = await plainWrite();
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'period-locked' } } });
    expect(refused.body.error.message).toMatch(/to change a figure, file a restatement$/);
  });

  let id = 0;
  it('a restatement of the 2025 diesel is requested, submitted, reviewed and approved once of two at once', async () => {
    const bad = await call('ann', 'POST', '/restatements', {
      change: 'error-correction',
      reason: 'twice',
      items: [{ kind: 'activity-line', id: 'd1', value: '-1,0' }],
    });
    expect(bad).toMatchObject({ status: 422, body: { error: { field: 'items.0.value' } } });
    expect(
      (
        await call('pat', 'POST', '/restatements', {
          change: 'error-correction',
          reason: 'x',
          items: [{ kind: 'activity-line', id: 'd1', value: '90' }],
        })
      ).status,
    ).toBe(404);
    const made = await call('ann', 'POST', '/restatements', {
      change: 'error-correction',
      reason: 'The October diesel invoice was entered twice.',
      items: [{ kind: 'activity-line', id: 'd1', value: '90' }],
    });
    expect(made).toMatchObject({
      status: 201,
      body: {
        restatement: {
          state: 'draft',
          version: 1,
          items: [{ factId: 'd1', old: { rev: 1, value: '100', unit: 't' }, newValue: '90', newUnit: 't' }],
          effect: { baseYear: { year: '2025', significant: false } },
        },
      },
    });
    id = made.body.restatement.id;
    expect((await call('pat', 'POST', `/restatements/${id}/submit`, { version: 1 })).status).toBe(404);
    expect((await call('ann', 'POST', `/restatements/${id}/submit`, {})).status).toBe(428);
    expect((await call('ann', 'POST', `/restatements/${id}/submit`, { version: 1 })).status).toBe(200);
    expect(await call('rita', 'POST', `/restatements/${id}/return`, { version: 2 })).toMatchObject({
      status: 400,
      body: { error: { rule: 'comment-required', field: 'comment' } },
    });
    expect((await call('rita', 'POST', `/restatements/${id}/review`, { version: 2 })).status).toBe(200);
    const before = { scope1: scope1(), audit: await auditEntries(store) };
    const both = await Promise.all([
      call('alex', 'POST', `/restatements/${id}/approve`, { version: 3, comment: 'agreed' }),
      call('amy', 'POST', `/restatements/${id}/approve`, { version: 3 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    const ok = both.find((r) => r.status === 200)?.body;
    expect(ok?.restatement).toMatchObject({
      state: 'approved',
      version: 4,
      revisions: [{ kind: 'activity-line', factId: 'd1', oldRev: 1, newRev: 2 }],
    });
    // One approval: its transition entry and the import's entry; the chain holds.
    expect(await auditEntries(store)).toBe(before.audit + 2);
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
    const [link] = await store.query<{ fact_key: string; old_rev: number; new_rev: number }>(
      'select fact_key, old_rev, new_rev from restatement_revision where restatement_id = $1',
      [id],
    );
    expect(link).toEqual({ fact_key: 'd1', old_rev: 1, new_rev: 2 });
    // Scope 1 falls by exactly the 10 t of diesel (to 25 places: 44/12 repeats).
    expect(before.scope1.minus(scope1()).toFixed(25)).toBe(DIESEL_10T.toFixed(25));
    expect(DIESEL_10T.toDecimalPlaces(2).toFixed(2)).toBe('30.96');
  });

  it('refuses self-approval with its rule', async () => {
    const made = await call('bo', 'POST', '/restatements', {
      change: 'methodology',
      reason: 'gas meter recalibrated',
      items: [{ kind: 'activity-line', id: 'g1', value: '49' }],
    });
    expect(made.status).toBe(201);
    const rid = made.body.restatement.id;
    expect((await call('bo', 'POST', `/restatements/${rid}/submit`, { version: 1 })).status).toBe(200);
    expect((await call('rita', 'POST', `/restatements/${rid}/review`, { version: 2 })).status).toBe(200);
    expect(await call('bo', 'POST', `/restatements/${rid}/approve`, { version: 3 })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', rule: 'self-approval' } },
    });
  });

  it('the report shows the note with old and new values (JSON, HTML in both languages)', async () => {
    const json = await call('ada', 'GET', '/reports/json?lang=en');
    expect(json.status).toBe(200);
    expect(json.body.restatements).toMatchObject({
      sectionId: 'restatements',
      baseYear: { year: '2025', thresholdPercent: '5' },
      restatements: [
        {
          id,
          change: 'error-correction',
          reason: 'The October diesel invoice was entered twice.',
          approvedBy: expect.stringMatching(/^(alex|amy)$/), // the name only: no e-mail address in a published report
          items: [
            { factId: 'd1', entityId: 'smelter', periodId: '2025', unit: 't', before: '100', after: '90' },
          ],
          totals: [{ periodId: '2025' }],
          baseYear: { year: '2025', significant: false },
        },
      ],
    });
    const t = json.body.restatements.restatements[0].totals[0];
    expect(new Decimal(t.before).minus(t.after).toFixed(25)).toBe(DIESEL_10T.toFixed(25));
    for (const [lang, title, row, base] of [
      [
        'en',
        'Restatements of information (GRI 2-4)',
        'Demo Smelter Fuel: Diesel 2025 t 100 90',
        'Base year 2025:',
      ],
      [
        'zh-Hant',
        '資料重述（GRI 2-4）',
        '示例冶煉廠 燃料：柴油 2025 t 100 90',
        '基準年2025年範圍1及範圍2排放由19,303.60',
      ],
    ] as const) {
      const r = await raw('ada', 'GET', `/reports/html?lang=${lang}`);
      expect(r.status).toBe(200);
      const text = (await r.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(text).toContain(title);
      expect(text).toContain(row);
      expect(text).toContain('The October diesel invoice was entered twice.');
      expect(text).toContain(base);
    }
  });

  it('lists the requests the caller may read; a plain write to 2025 is still 409', async () => {
    expect((await call('ann', 'GET', '/restatements')).body.restatements.map((r: Body) => r.id)).toContain(
      id,
    );
    expect((await call('pat', 'GET', '/restatements')).body.restatements).toEqual([]);
    expect((await call('pat', 'GET', `/restatements/${id}`)).status).toBe(404);
    expect(
      (await call('ann', 'GET', `/restatements/${id}`)).body.transitions.map((x: Body) => x.event),
    ).toEqual(['request', 'submit', 'review', 'approve']);
    expect(await plainWrite()).toMatchObject({ status: 409, body: { error: { code: 'period-locked' } } });
    const csv =
      'entity,period,indicator,disaggregation,value,unit,source\nsmelter,2025,water.withdrawal,,1200,m³,meter\n';
    const preview = await call('ann', 'POST', '/import/data-points', { file: 'm.csv', csv });
    const applied = await call('ann', 'POST', '/import/data-points?apply=true', {
      file: 'm.csv',
      csv,
      reason: 'monthly',
      version: preview.body.workspaceVersion,
    });
    expect(applied).toMatchObject({ status: 409, body: { error: { code: 'period-locked' } } });
  });
});
