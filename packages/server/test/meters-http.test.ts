/**
 * Meters over HTTP (issue #22), on a real PGlite store holding examples/minimal (group → smelter,
 * mine): the register saved whole (a bad row named, nothing saved; a stale version 412), a
 * readings CSV imported all or nothing (the same file twice adds nothing; a bad row is named by
 * file, line and column and nothing is stored; an overlapping file adds only its new reading),
 * the roll-up against a hand sum, the findings and the reconciliation, and who may do what: a
 * preparer of a site may neither read nor write the organisation-wide register (403).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const PASSWORD = 'meters password 1';
// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;
const jsonOf = async (r: Response | Promise<Response>): Promise<Json> => (await r).json();

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();

const as = (who: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: {
    'content-type': 'application/json',
    ...(init.headers as object),
    cookie: `assay_session=${cookies.get(who)}`,
  },
});
const get = (who: string, path: string) => app.request(`/api/${path}`, as(who));
const put = (who: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/meters', as(who, { method: 'PUT', body: JSON.stringify(body), headers }));
const upload = (who: string, file: string, csv: string) =>
  app.request('/api/meters/readings', as(who, { method: 'POST', body: JSON.stringify({ file, csv }) }));

const USERS: [string, Role, string][] = [
  ['admin.group', 'administrator', 'group'],
  ['viewer.group', 'viewer', 'group'],
  ['prep.smelter', 'preparer', 'smelter'],
];

/** A main meter (×2 CT ratio) and its sub-meter, hourly, at the smelter. */
const METERS = [
  {
    id: 'main',
    site: 'smelter',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: '2',
    mode: 'interval',
    interval_minutes: '60',
    utc_offset: '+08:00',
  },
  {
    id: 'sub',
    site: 'smelter',
    carrier: 'electricity',
    unit: 'kWh',
    mode: 'interval',
    interval_minutes: '60',
    utc_offset: '+08:00',
    parent: 'main',
  },
];
const at = (h: number) => `2025-01-01T0${h}:00:00+08:00`;
/** main: 1..5 kWh in hours 1–5 (×2 = 30); sub: 1 kWh each hour but hour 3 (a gap). */
const CSV = [
  'meter,timestamp,value',
  ...[1, 2, 3, 4, 5].map((h) => `main,${at(h)},${h}`),
  ...[1, 2, 4, 5].map((h) => `sub,${at(h)},1`),
  '',
].join('\n');

async function readings(): Promise<number> {
  const [r] = await store.query<{ n: number }>('select count(*)::int as n from meter_reading');
  return r?.n ?? -1;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-meters-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store } });
  for (const [who, role, entityId] of USERS) {
    const u = await addUser(
      store,
      { email: `${who}@example.com`, name: who, password: PASSWORD },
      new Date(),
    );
    if (!u.ok) throw new Error(u.message);
    await grantRole(store, { userId: u.id, role, entityId, grantedBy: 'test' }, new Date());
    const r = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${who}@example.com`, password: PASSWORD }),
    });
    const cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    if (r.status !== 204 || !cookie) throw new Error(`sign-in of ${who}: ${r.status}`);
    cookies.set(who, cookie);
  }
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the meter register', () => {
  it('starts empty at version 0', async () => {
    const r = await get('admin.group', 'meters');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ version: 0, meters: [], replacements: [] });
  });

  it('refuses a register with a bad row, naming row and field; nothing is saved', async () => {
    const bad = [METERS[0], { ...METERS[1], site: 'nowhere' }];
    const r = await put('admin.group', { meters: bad, version: 0 });
    expect(r.status).toBe(422);
    const body: Json = await r.json();
    expect(body.error.issues).toContainEqual(
      expect.objectContaining({ file: 'meters', row: 3, column: 'site' }),
    );
    expect((await jsonOf(get('admin.group', 'meters'))).version).toBe(0);
  });

  it('saves the register, then answers 412 to a write of a version no longer the latest', async () => {
    const r = await put('admin.group', { meters: METERS, version: 0, reason: 'first meters' });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(await r.json()).toEqual({ version: 1, meters: 2 });
    const stale = await put('admin.group', { meters: METERS }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect((await jsonOf(stale)).error.code).toBe('stale-version');
    const now: Json = await (await get('admin.group', 'meters')).json();
    expect(now.version).toBe(1);
    expect(now.meters.map((m: Json) => m.id)).toEqual(['main', 'sub']);
  });

  it('is read by a viewer of the group; a preparer of a site may neither read nor save it (403)', async () => {
    expect((await get('viewer.group', 'meters')).status).toBe(200);
    expect((await get('prep.smelter', 'meters')).status).toBe(403);
    const r = await put('prep.smelter', { meters: METERS, version: 1 });
    expect(r.status).toBe(403);
    expect((await jsonOf(get('admin.group', 'meters'))).version).toBe(1);
    expect((await put('viewer.group', { meters: METERS, version: 1 })).status).toBe(403);
  });
});

describe('importing readings', () => {
  it('refuses a file with a bad row, naming file, line and column; nothing is stored', async () => {
    const before = await readings();
    const bad = CSV.replace(`main,${at(3)},3`, `main,${at(3)},3,5`).replace(
      `sub,${at(4)},1`,
      `sub,${at(4)},x`,
    );
    const r = await upload('admin.group', 'bad.csv', bad);
    expect(r.status).toBe(422);
    const body: Json = await r.json();
    expect(body.error.code).toBe('invalid-data');
    expect(body.error.issues).toContainEqual(expect.objectContaining({ file: 'bad.csv', row: 4 }));
    expect(body.error.issues).toContainEqual(
      expect.objectContaining({ file: 'bad.csv', row: 9, column: 'value' }),
    );
    expect(await readings()).toBe(before);
  });

  it('imports a file (201), and the same file again adds nothing (200)', async () => {
    const first = await upload('admin.group', 'jan.csv', CSV);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ rowsRead: 9, rowsAdded: 9, alreadyImported: false });
    expect(await readings()).toBe(9);
    const again = await upload('admin.group', 'jan-again.csv', CSV);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ rowsRead: 0, rowsAdded: 0, alreadyImported: true });
    expect(await readings()).toBe(9);
  });

  it('adds only the new reading of a file overlapping the stored ones; a changed value refuses the file', async () => {
    const more = `${CSV}main,${at(6)},6\n`;
    const r = await upload('admin.group', 'jan-more.csv', more);
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({ rowsRead: 10, rowsAdded: 1 });
    const changed = more
      .replace(`main,${at(2)},2`, `main,${at(2)},7`)
      .replace(`main,${at(6)},6`, `main,${at(6)},6\nmain,${at(7)},7`);
    const c = await upload('admin.group', 'jan-changed.csv', changed);
    expect(c.status).toBe(422);
    expect((await jsonOf(c)).error.issues).toEqual([
      expect.objectContaining({ file: 'jan-changed.csv', row: 3, column: 'value' }),
    ]);
    expect(await readings()).toBe(10);
  });

  it('is refused to a preparer of a site and to a viewer (403); nothing is stored', async () => {
    const other = `meter,timestamp,value\nmain,${at(8)},8\n`;
    expect((await upload('prep.smelter', 'p.csv', other)).status).toBe(403);
    expect((await upload('viewer.group', 'v.csv', other)).status).toBe(403);
    expect(await readings()).toBe(10);
  });
});

describe('what the readings give', () => {
  it('rolls up the main meter by month with lineage: (1+2+3+4+5+6) kWh × 2 = 42 kWh', async () => {
    const r = await get(
      'viewer.group',
      'meters/roll-up?site=smelter&carrier=electricity&from=2025-01&to=2025-01',
    );
    expect(r.status).toBe(200);
    const { lines }: Json = await r.json();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      siteId: 'smelter',
      carrier: 'electricity',
      month: '2025-01',
      unit: 'kWh',
      amount: '42',
      isEstimated: false,
    });
    expect(lines[0].lineage).toEqual([
      expect.objectContaining({
        meterId: 'main',
        from: '2025-01-01T00:00:00+08:00',
        to: '2025-01-01T06:00:00+08:00',
        measured: '42',
        segments: 6,
      }),
    ]);
    const none: Json = await (await get('viewer.group', 'meters/roll-up?from=2025-02')).json();
    expect(none.lines).toEqual([]);
  });

  it("lists the sub-meter's gap as a finding with its time range and both languages", async () => {
    const r = await get('viewer.group', 'meters/findings?meter=sub');
    expect(r.status).toBe(200);
    const { findings }: Json = await r.json();
    const gap = findings.find((f: Json) => f.code === 'gap');
    expect(gap).toMatchObject({ meterId: 'sub', severity: 'warning' });
    expect(gap.message.en).toBeTruthy();
    expect(gap.message['zh-Hant']).not.toMatch(/[A-Za-z]{4,}/);
    const unknown = await get('viewer.group', 'meters/findings?meter=nope');
    expect(unknown.status).toBe(404);
    expect((await get('viewer.group', 'meters/findings?from=yesterday')).status).toBe(400);
  });

  it('reconciles the main meter with its sub-meter: the difference is shown, estimates flagged', async () => {
    const r = await get('viewer.group', 'meters/reconciliation');
    expect(r.status).toBe(200);
    const { reconciliation }: Json = await r.json();
    expect(reconciliation).toHaveLength(1);
    const [x] = reconciliation;
    expect(x).toMatchObject({
      meterId: 'main',
      siteId: 'smelter',
      month: '2025-01',
      main: '42',
      bill: null,
      includesEstimates: true,
    });
    // sub: 4 kWh measured + 1 kWh estimated for the gap (mean of the neighbours' rates × 1 h)
    expect(x).toMatchObject({ subMeters: '5', subMeterDifference: '37', subMetersMissing: [] });
  });
});
