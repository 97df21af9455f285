/**
 * Meters, continued, over HTTP (issue #22) on a real PGlite store holding examples/minimal: the
 * roll-up written as activity lines against hand sums (a register rolling over, a sub-meter
 * replaced mid-month, an interval gap estimated by the rule), idempotent when written again, its
 * lineage down to the meter and reading range in the figure's explanation; utility bills (bad
 * rows named, nothing saved; a stale version 412) and the reconciliation main vs sub-meters vs
 * bill by hand, with findings beyond the tolerance; the reading round XLSX exported, filled in
 * and imported (all or nothing, the same bytes again add nothing); and roles that may not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const PASSWORD = 'meters password 2';
// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;

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
const send = (who: string, method: string, path: string, body: unknown) =>
  app.request(`/api/${path}`, as(who, { method, body: JSON.stringify(body) }));

const USERS: [string, Role, string][] = [
  ['admin.group', 'administrator', 'group'],
  ['viewer.group', 'viewer', 'group'],
  ['prep.smelter', 'preparer', 'smelter'],
];

/**
 * main: a five-digit-like register wrapping at 10000, ×10 CT ratio, billed on ACC-1;
 * sub: its sub-meter, replaced on 15 January; w1: water (no activity); e2: hourly at the mine.
 */
const METERS = [
  {
    id: 'main',
    site: 'smelter',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: '10',
    mode: 'cumulative',
    rollover_at: '10000',
    utility_account: 'ACC-1',
    utc_offset: '+08:00',
  },
  {
    id: 'sub',
    site: 'smelter',
    carrier: 'electricity',
    unit: 'kWh',
    mode: 'cumulative',
    parent: 'main',
    utc_offset: '+08:00',
  },
  { id: 'w1', site: 'smelter', carrier: 'water', unit: 'm3', mode: 'cumulative', utc_offset: '+08:00' },
  {
    id: 'e2',
    site: 'mine',
    carrier: 'electricity',
    unit: 'kWh',
    mode: 'interval',
    interval_minutes: '60',
    utc_offset: '+08:00',
  },
];
const REPLACEMENTS = [
  { meter: 'sub', at: '2025-01-15T12:00:00+08:00', old_last_reading: '600', new_first_reading: '0' },
];
const CSV = [
  'meter,timestamp,value',
  // main: 9900 → 9980 (80), then past 10000 to 30 (20 + 30 = 50): 130 × 10 = 1300 kWh
  'main,2025-01-01T00:00:00+08:00,9900',
  'main,2025-01-16T00:00:00+08:00,9980',
  'main,2025-02-01T00:00:00+08:00,30',
  // sub: 100 → 400 (300); replaced: (600 − 400) + (250 − 0) = 450; 250 → 700 (450): 1200 kWh
  'sub,2025-01-01T00:00:00+08:00,100',
  'sub,2025-01-10T00:00:00+08:00,400',
  'sub,2025-01-20T00:00:00+08:00,250',
  'sub,2025-02-01T00:00:00+08:00,700',
  'w1,2025-01-01T00:00:00+08:00,0',
  'w1,2025-02-01T00:00:00+08:00,10',
  // e2: 2 + 2 + 4 measured; hour 03:00 missing, estimated (2/h + 4/h) / 2 × 1 h = 3: 11 kWh
  'e2,2025-01-01T01:00:00+08:00,2',
  'e2,2025-01-01T02:00:00+08:00,2',
  'e2,2025-01-01T04:00:00+08:00,4',
  '',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-meter-lines-'));
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
  const saved = await send('admin.group', 'PUT', 'meters', {
    meters: METERS,
    replacements: REPLACEMENTS,
    version: 0,
  });
  if (saved.status !== 200) throw new Error(`register: ${saved.status} ${await saved.text()}`);
  const up = await send('admin.group', 'POST', 'meters/readings', { file: 'jan.csv', csv: CSV });
  if (up.status !== 201) throw new Error(`readings: ${up.status} ${await up.text()}`);
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the roll-up as activity lines', () => {
  it('offers one line per site, carrier and month, by hand sums, lineage to meters and ranges', async () => {
    const r = await get('viewer.group', 'meters/activity-lines');
    expect(r.status).toBe(200);
    const { lines }: Json = await r.json();
    const byId = Object.fromEntries(lines.map((l: Json) => [l.id, l]));
    expect(Object.keys(byId).sort()).toEqual([
      'meter.mine.electricity.2025-01',
      'meter.smelter.electricity.2025-01',
      'meter.smelter.water.2025-01',
    ]);
    const smelter = byId['meter.smelter.electricity.2025-01'];
    // only the root meter (main); sub is inside it
    expect(smelter).toMatchObject({
      action: 'create',
      fields: {
        entity: 'smelter',
        period: '2025-01',
        activity: 'electricity-purchased',
        subject: 'grid',
        amount: '1300',
        unit: 'kWh',
      },
    });
    expect(smelter.fields.source).toBe(
      'meter readings: main 2025-01-01T00:00:00+08:00 – 2025-02-01T00:00:00+08:00 (2 segments)',
    );
    expect(smelter.line.lineage).toEqual([
      {
        meterId: 'main',
        from: '2025-01-01T00:00:00+08:00',
        to: '2025-02-01T00:00:00+08:00',
        measured: '1300',
        estimated: '0',
        segments: 2,
      },
    ]);
    const mine = byId['meter.mine.electricity.2025-01'];
    expect(mine).toMatchObject({
      action: 'create',
      fields: { amount: '11', attributes: 'estimated=3 kWh;origin=meter-readings' },
    });
    expect(mine.line.isEstimated).toBe(true);
    // core's exact estimate: (2/3600 + 4/3600) / 2 × 3600 at 40 digits may keep a 1e-39 remainder
    expect(mine.line.estimated).toMatch(/^3(\.0{37,}\d?)?$/);
    expect(mine.fields.comment).toMatch(/^includes 3 kWh estimated: gaps estimated as the mean rate/);
    expect(byId['meter.smelter.water.2025-01']).toMatchObject({ action: 'not-an-activity', fields: null });
  });

  it('refuses the write to a viewer and to a preparer of one site; writes for the administrator, once', async () => {
    const body = { reason: 'January from the meters' };
    expect((await send('viewer.group', 'POST', 'meters/activity-lines', body)).status).toBe(403);
    expect((await send('prep.smelter', 'POST', 'meters/activity-lines', body)).status).toBe(403);
    expect(ws.snapshot().bundle.activityLines.some((l) => l.id.startsWith('meter.'))).toBe(false);
    const first = await send('admin.group', 'POST', 'meters/activity-lines', body);
    expect(first.status).toBe(201);
    const out: Json = await first.json();
    expect(out).toMatchObject({
      created: ['meter.mine.electricity.2025-01', 'meter.smelter.electricity.2025-01'],
      updated: [],
      unchanged: 0,
      notAnActivity: 1,
    });
    const line = ws.snapshot().bundle.activityLines.find((l) => l.id === 'meter.smelter.electricity.2025-01');
    expect(line?.amount.value.toFixed()).toBe('1300');
    // again: nothing to write, the workspace does not move
    const version = ws.snapshot().version;
    const again = await send('admin.group', 'POST', 'meters/activity-lines', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: [], updated: [], unchanged: 2 });
    expect(ws.snapshot().version).toBe(version);
  });

  it('shows the meter and its reading range in the explanation of the figure the line feeds', async () => {
    const f: Json = await (
      await get('admin.group', 'figures?entity=smelter&period=2025&indicator=energy.indirect')
    ).json();
    const id = f.figures[0]?.id;
    expect(id).toBeTruthy();
    const lineage = JSON.stringify(
      await (await get('admin.group', `lineage?id=${encodeURIComponent(id)}`)).json(),
    );
    expect(lineage).toContain('"id":"meter.smelter.electricity.2025-01"');
    expect(lineage).toContain('meter readings: main 2025-01-01T00:00:00+08:00 – 2025-02-01T00:00:00+08:00');
  });

  it('changes a line when new readings change it: the estimate replaced by the measured hour', async () => {
    const up = await send('admin.group', 'POST', 'meters/readings', {
      file: 'late.csv',
      csv: 'meter,timestamp,value\ne2,2025-01-01T03:00:00+08:00,5\n',
    });
    expect(up.status).toBe(201);
    const offer: Json = await (await get('admin.group', 'meters/activity-lines?site=mine')).json();
    expect(offer.lines).toHaveLength(1);
    expect(offer.lines[0]).toMatchObject({
      action: 'update',
      version: 1,
      fields: { amount: '13', attributes: 'origin=meter-readings', comment: '' },
    });
    const w = await send('admin.group', 'POST', 'meters/activity-lines', { reason: 'late reading' });
    expect(await w.json()).toMatchObject({
      created: [],
      updated: ['meter.mine.electricity.2025-01'],
      unchanged: 1,
    });
    expect(ws.snapshot().lineVersionOf('meter.mine.electricity.2025-01')).toBe(2);
  });
});

describe('utility bills and the reconciliation', () => {
  it('names every bad bill and saves nothing; a viewer may not save; a stale version is 412', async () => {
    const bad = await send('admin.group', 'PUT', 'meters/bills', {
      version: 0,
      bills: [
        { account: 'ACC-9', month: '2025-01', quantity: '1', unit: 'kWh' },
        { account: 'ACC-1', month: '2025-13', quantity: '1,250', unit: 't', amount: '5' },
      ],
    });
    expect(bad.status).toBe(422);
    const e: Json = await bad.json();
    expect(e.error.issues.map((i: Json) => `${i.row}:${i.column}`)).toEqual([
      '2:account',
      '3:month',
      '3:quantity',
      '3:unit',
      '3:currency',
    ]);
    expect(await (await get('admin.group', 'meters/bills')).json()).toEqual({ version: 0, bills: [] });
    const good = {
      version: 0,
      bills: [
        {
          account: 'ACC-1',
          month: '2025-01',
          quantity: '1.25',
          unit: 'MWh',
          amount: '812.50',
          currency: 'CNY',
        },
      ],
    };
    expect((await send('viewer.group', 'PUT', 'meters/bills', good)).status).toBe(403);
    expect((await send('prep.smelter', 'PUT', 'meters/bills', good)).status).toBe(403);
    const ok = await send('admin.group', 'PUT', 'meters/bills', good);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ version: 1, bills: 1 });
    expect((await send('admin.group', 'PUT', 'meters/bills', good)).status).toBe(412);
  });

  it('reconciles main 1300 vs sub-meters 1200 vs bill 1250 kWh, differences absolute and in %', async () => {
    const r = await get('viewer.group', 'meters/reconciliation');
    expect(r.status).toBe(200);
    const out: Json = await r.json();
    expect(out.tolerancePercent).toBe('2');
    expect(out.reconciliation).toEqual([
      expect.objectContaining({
        meterId: 'main',
        month: '2025-01',
        unit: 'kWh',
        main: '1300',
        subMeters: '1200',
        subMeterDifference: '100',
        subMeterDifferencePercent: '7.69', // 100 / 1300
        bill: '1250',
        billDifference: '50',
        billDifferencePercent: '4.00', // 50 / 1250
        billAmount: '812.5',
        billCurrency: 'CNY',
        subMeterBeyondTolerance: true,
        billBeyondTolerance: true,
        includesEstimates: false,
      }),
    ]);
    expect(out.findings.map((f: Json) => f.code)).toEqual(['sub-meter-difference', 'bill-difference']);
    for (const f of out.findings)
      expect(f.message['zh-Hant']).not.toMatch(/meter|bill|difference|tolerance/i);
    // at 5 %, the bill is within tolerance; the sub-meters are not
    const loose: Json = await (await get('viewer.group', 'meters/reconciliation?tolerance=5')).json();
    expect(loose.findings.map((f: Json) => f.code)).toEqual(['sub-meter-difference']);
    expect((await get('viewer.group', 'meters/reconciliation?tolerance=lots')).status).toBe(400);
    expect((await get('prep.smelter', 'meters/reconciliation')).status).toBe(403);
  });
});

describe('the manual reading round', () => {
  async function filled(rows: [string, string, string][]): Promise<string> {
    const t = await get('admin.group', 'meters/reading-round.xlsx?site=smelter&month=2025-02');
    expect(t.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await t.arrayBuffer());
    const sheet = wb.getWorksheet('readings');
    if (!sheet) throw new Error('no sheet');
    rows.forEach(([m, at, v], i) => {
      const row = sheet.getRow(i + 2);
      row.getCell(1).value = m;
      row.getCell(2).value = at;
      row.getCell(3).value = v;
      row.commit();
    });
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('exports the site’s meters, imports a filled round all or nothing, and the same file adds nothing', async () => {
    const t = await get('viewer.group', 'meters/reading-round.xlsx?site=smelter&month=2025-02');
    expect(t.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await t.arrayBuffer());
    const ids = (wb.getWorksheet('readings')?.getColumn(1).values ?? []).slice(2);
    expect(ids).toEqual(['main', 'sub', 'w1']);
    const count = async () =>
      (await store.query<{ n: number }>('select count(*)::int as n from meter_reading'))[0]?.n;
    const before = await count();
    const bad = await filled([
      ['main', '2025-02-28T09:00:00+08:00', '480'],
      ['sub', '2025-02-28 09:00', '900'],
      ['w1', '2025-02-28T09:00:00+08:00', '1,000'],
    ]);
    const refused = await send('admin.group', 'POST', 'meters/reading-round', {
      file: 'feb.xlsx',
      xlsxBase64: bad,
    });
    expect(refused.status).toBe(422);
    const e: Json = await refused.json();
    expect(e.error.issues.map((i: Json) => `${i.row}:${i.column}`)).toEqual([
      '3:timestamp (B)',
      '4:reading (C)',
    ]);
    expect(await count()).toBe(before);
    const good = await filled([
      ['main', '2025-02-28T09:00:00+08:00', '480'],
      ['sub', '2025-02-28T09:00:00+08:00', '900'],
      ['w1', '2025-02-28T09:00:00+08:00', '14'],
    ]);
    expect(
      (await send('viewer.group', 'POST', 'meters/reading-round', { file: 'feb.xlsx', xlsxBase64: good }))
        .status,
    ).toBe(403);
    const ok = await send('admin.group', 'POST', 'meters/reading-round', {
      file: 'feb.xlsx',
      xlsxBase64: good,
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ rowsRead: 3, rowsAdded: 3, alreadyImported: false });
    const again = await send('admin.group', 'POST', 'meters/reading-round', {
      file: 'feb.xlsx',
      xlsxBase64: good,
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ rowsAdded: 0, alreadyImported: true });
    expect(await count()).toBe((before ?? 0) + 3);
    expect((await get('admin.group', 'meters/reading-round.xlsx?site=nowhere&month=2025-02')).status).toBe(
      404,
    );
  });
});
