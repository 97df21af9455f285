/**
 * Entering activity lines over HTTP (issue #17), on a PGlite store with accounts. The bundle is
 * examples/minimal with a site under the smelter ("smelter-north"), 2026 as the current year,
 * the minimal lines again for 2026, and two diesel lines of the site in 2025 to compare with.
 *
 * A preparer of the smelter enters January 2026 diesel for its site: 201, and the group's
 * Scope 1 moves by exactly the amount computed here by hand from the ndrc-nf-2015 diesel
 * factors. For the mine (another subsidiary): 404; a viewer: 403; a stale version: 412; a unit
 * that is no unit: 400 naming `lines.0.unit`; a unit of the wrong dimension: 422 naming it;
 * after the administrator locks 2026, 409 with the restatement message, nothing stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { type ActivityLine, type Bundle, Decimal, type Entity, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { auditEntries, migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const minimal = loaded.bundle;
const smelter = minimal.organisation.entities.find((e) => e.id === 'smelter') as Entity;
const site: Entity = {
  ...smelter,
  id: 'smelter-north',
  kind: 'site',
  parentId: 'smelter',
  name: { 'zh-Hant': '北廠', en: 'North works' },
  aliases: [],
};
const siteDiesel = (id: string, periodId: string, amount: string): ActivityLine => ({
  id,
  entityId: 'smelter-north',
  periodId,
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount: q(`${amount} t`),
  attributes: {},
  source: 'fuel invoices',
});
const bundle: Bundle = {
  ...minimal,
  organisation: { ...minimal.organisation, entities: [...minimal.organisation.entities, site] },
  reporting: { current: '2026', prior: ['2025', '2024'] },
  activityLines: [
    ...minimal.activityLines,
    ...minimal.activityLines.map((l) => ({ ...l, id: `${l.id}-2026`, periodId: '2026' })),
    siteDiesel('north-2025-01', '2025-01', '9'),
    siteDiesel('north-2025-12', '2025-12', '10'),
  ],
};
const PASSWORD = 'activity password 1';

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();

const USERS: [string, [Role, string][]][] = [
  ['ada', [['administrator', 'group']]],
  ['ann', [['preparer', 'smelter']]],
  ['pat', [['preparer', 'mine']]],
  ['vic', [['viewer', 'smelter']]],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-lines-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, bundle);
  if (!opened.ok) throw new Error(`${opened.reason}: ${JSON.stringify(opened.issues)}`);
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

/** A JSON answer, read loosely: the tests name the fields they expect. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes
type Body = Record<string, any>;

async function call(who: string, method: string, path: string, body?: unknown, headers: object = {}) {
  const r = await app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, etag: r.headers.get('etag'), body: (await r.json()) as Body };
}

const SCOPE1 = 'ghg.scope1@group/2026';
/** The group's Scope 1 for 2026 as the API presents it (exact decimal text). */
async function groupScope1(): Promise<Decimal> {
  const r = await call('ada', 'GET', `/figure?id=${encodeURIComponent(SCOPE1)}`);
  expect(r.status).toBe(200);
  expect(r.body.figure?.unit ?? r.body.unit).toBe('tCO2e');
  return new Decimal(r.body.figure?.value ?? r.body.value);
}

/** What counts as "nothing stored": fact revisions, change sets, audit entries. */
async function footprint() {
  const [r] = await store.query<{ al: string; cs: string }>(
    `select (select count(*) from activity_line_revision)::text as al, (select count(*) from change_set)::text as cs`,
  );
  return [r?.al, r?.cs, await auditEntries(store)];
}

const JANUARY = {
  entity: 'smelter-north',
  period: '2026-01',
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount: '12',
  unit: 't',
  source: 'fuel invoice INV-2026-0117',
};

describe('activity lines over HTTP', () => {
  let lineId = '';

  it('a preparer of the smelter enters January diesel for its site: 201, and the group’s Scope 1 moves by exactly the hand-computed amount', async () => {
    const before = await groupScope1();
    const r = await call('ann', 'POST', '/activity-lines', { lines: [JANUARY], reason: 'January fuel' });
    expect(r.status).toBe(201);
    expect(r.body.lines).toEqual([
      {
        id: expect.stringMatching(/^al-/),
        version: 1,
        entityId: 'smelter-north',
        periodId: '2026-01',
        activity: 'fuel',
        subject: 'diesel',
        use: 'combustion',
        amount: '12',
        unit: 't',
        attributes: '',
        source: 'fuel invoice INV-2026-0117',
        evidence: null,
        comment: null,
      },
    ]);
    lineId = r.body.lines[0].id;
    // By hand, ndrc-nf-2015 diesel (core/src/factors/data/ndrc-nf-2015.json): NCV 42.652 GJ/t,
    // carbon content 0.0202 tC/GJ, oxidation rate 0.98, CO2 per carbon 44/12:
    // 12 t × 42.652 = 511.824 GJ; × 0.0202 = 10.3388448 tC; × 0.98 = 10.132067904 tC oxidised;
    // × 44/12 = 37.150915648 tCO2e (exact: 12 is a multiple of 3, 44/12 = 11/3).
    const byHand = new Decimal('37.150915648');
    expect(
      new Decimal(12).times('42.652').times('0.0202').times('0.98').times(44).dividedBy(12).toFixed(),
    ).toBe(byHand.toFixed());
    const after = await groupScope1();
    expect(after.minus(before).toFixed()).toBe('37.150915648');
    // The write answered with the figures it changed, the group's Scope 1 among them.
    const changed = (r.body.figures as Body[]).find((f) => f.id === SCOPE1);
    expect(new Decimal(changed?.value).toFixed()).toBe(after.toFixed());
    // Recorded under the preparer's name.
    const [cs] = await store.query<{ author: string; reason: string }>(
      'select author, reason from change_set order by id desc limit 1',
    );
    expect(cs).toEqual({ author: 'ann <ann@example.com>', reason: 'January fuel' });
  });

  it('lists the site’s line of the month under the smelter with its version, last month’s and last January’s amounts', async () => {
    const r = await call('ann', 'GET', '/activity-lines?entity=smelter&period=2026-01');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: '2026-01', previousPeriod: '2025-12', lastYearPeriod: '2025-01' });
    expect(r.body.lines).toEqual([
      expect.objectContaining({
        id: lineId,
        version: 1,
        amount: '12',
        previous: { period: '2025-12', amount: '10', unit: 't', lines: 1, skipped: 0 },
        lastYear: { period: '2025-01', amount: '9', unit: 't', lines: 1, skipped: 0 },
      }),
    ]);
    // The mine's preparer sees none of the smelter's lines.
    const other = await call('pat', 'GET', '/activity-lines?entity=smelter&period=2026-01');
    expect([other.status, other.body.lines]).toEqual([200, []]);
  });

  it('refuses a line for another subsidiary (404), a viewer’s edit (403), another subsidiary’s edit (404), writing nothing', async () => {
    const was = await footprint();
    const mine = await call('ann', 'POST', '/activity-lines', {
      lines: [{ ...JANUARY, entity: 'mine' }],
      reason: 'x',
    });
    expect([mine.status, mine.body.error.code, mine.body.error.field]).toEqual([
      404,
      'not-found',
      'lines.0.entity',
    ]);
    const viewer = await call('vic', 'PUT', `/activity-lines/${lineId}`, {
      amount: '1',
      reason: 'x',
      version: 1,
    });
    expect([viewer.status, viewer.body.error.code]).toEqual([403, 'forbidden']);
    const pat = await call('pat', 'PUT', `/activity-lines/${lineId}`, {
      amount: '1',
      reason: 'x',
      version: 1,
    });
    expect([pat.status, pat.body.error.code]).toEqual([404, 'not-found']);
    const patRetract = await call('pat', 'POST', `/activity-lines/${lineId}/retract`, {
      reason: 'x',
      version: 1,
    });
    expect(patRetract.status).toBe(404);
    expect(await footprint()).toEqual(was);
  });

  it('names the field: 400 for a unit that is no unit, 422 for a unit of the wrong dimension; 412 for a stale version', async () => {
    const was = await footprint();
    const noUnit = await call('ann', 'POST', '/activity-lines', {
      lines: [JANUARY, { ...JANUARY, unit: 'gallons' }],
      reason: 'x',
    });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error).toMatchObject({ code: 'invalid-request', field: 'lines.1.unit' });
    expect(noUnit.body.error.message).toMatch(/^lines\.1\.unit: .*gallons/);
    const energy = await call('ann', 'POST', '/activity-lines', {
      lines: [{ ...JANUARY, unit: 'MWh' }],
      reason: 'x',
    });
    expect(energy.status).toBe(422);
    expect(energy.body.error).toMatchObject({
      code: 'invalid-data',
      field: 'lines.0.unit',
      message:
        'lines.0.unit: "MWh" measures energy, but diesel is entered as a mass (its calorific value is per t): use a unit such as t, kg or 噸',
    });
    const activity = await call('ann', 'POST', '/activity-lines', {
      lines: [{ ...JANUARY, activity: 'petrol' }],
      reason: 'x',
    });
    expect([activity.status, activity.body.error.field]).toEqual([400, 'lines.0.activity']);
    const move = await call('ann', 'PUT', `/activity-lines/${lineId}`, {
      period: '2026-02',
      reason: 'x',
      version: 1,
    });
    expect([move.status, move.body.error.field]).toEqual([400, 'period']);
    expect(move.body.error.message).toMatch(/retract it and enter it again/);
    const stale = await call(
      'ann',
      'PUT',
      `/activity-lines/${lineId}`,
      { amount: '13', reason: 'x' },
      { 'if-match': '"5"' },
    );
    expect([stale.status, stale.body.error.code]).toEqual([412, 'stale-version']);
    const noVersion = await call('ann', 'PUT', `/activity-lines/${lineId}`, { amount: '13', reason: 'x' });
    expect(noVersion.status).toBe(428);
    expect(await footprint()).toEqual(was);
  });

  it('edits naming the version (If-Match) and retracts another line, each answering with the figures it changed', async () => {
    const before = await groupScope1();
    const edit = await call(
      'ann',
      'PUT',
      `/activity-lines/${lineId}`,
      { amount: '15', reason: 'invoice corrected' },
      {
        'if-match': '"1"',
      },
    );
    expect([edit.status, edit.etag, edit.body.line.version, edit.body.line.amount]).toEqual([
      200,
      '"2"',
      2,
      '15',
    ]);
    // +3 t of diesel: 3 × 0.844338992 tC/t × 11/3 = 9.287728912 tCO2e.
    expect((await groupScope1()).minus(before).toFixed()).toBe('9.287728912');
    const added = await call('ann', 'POST', '/activity-lines', {
      lines: [{ ...JANUARY, period: '2026-02', amount: '6', source: 'fuel invoice INV-2026-0210' }],
      reason: 'February fuel',
    });
    expect(added.status).toBe(201);
    const feb = added.body.lines[0].id as string;
    const retract = await call('ann', 'POST', `/activity-lines/${feb}/retract`, {
      reason: 'entered twice',
      version: 1,
    });
    expect(retract.status).toBe(200);
    expect(retract.body).toMatchObject({ retracted: true, id: feb, version: 2 });
    expect((retract.body.figures as Body[]).some((f) => f.id === SCOPE1)).toBe(true);
    expect((await groupScope1()).minus(before).toFixed()).toBe('9.287728912');
  });

  it('after the administrator locks 2026: 409 with the restatement message for a new line, an edit and a retraction, nothing stored', async () => {
    expect((await call('ada', 'POST', '/periods/2026/lock', { reason: 'approved' })).status).toBe(201);
    const was = await footprint();
    const scope1 = await groupScope1();
    const restate =
      /^period 2026-0[13] lies in period 2026, which is locked since .* by ada <ada@example\.com>; to change a figure, file a restatement$/;
    const add = await call('ann', 'POST', '/activity-lines', {
      lines: [{ ...JANUARY, period: '2026-03' }],
      reason: 'x',
    });
    expect([add.status, add.body.error.code, add.body.error.field]).toEqual([
      409,
      'period-locked',
      'lines.0.period',
    ]);
    expect(add.body.error.message).toMatch(restate);
    const edit = await call('ann', 'PUT', `/activity-lines/${lineId}`, {
      amount: '16',
      reason: 'x',
      version: 2,
    });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'period-locked']);
    expect(edit.body.error.message).toMatch(restate);
    const retract = await call('ann', 'POST', `/activity-lines/${lineId}/retract`, {
      reason: 'x',
      version: 2,
    });
    expect([retract.status, retract.body.error.code]).toEqual([409, 'period-locked']);
    expect(await footprint()).toEqual(was);
    expect((await groupScope1()).toFixed()).toBe(scope1.toFixed());
  });

  it('is in the OpenAPI document', async () => {
    const r = await app.request('/api/openapi.json');
    const doc = (await r.json()) as Body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/activity-lines',
        '/api/activity-lines/{id}',
        '/api/activity-lines/{id}/retract',
      ]),
    );
    expect(
      doc.paths['/api/activity-lines'].post.requestBody.content['application/json'].schema.properties.lines,
    ).toBeDefined();
  });
});
