/**
 * The climate register over HTTP (issue #18; docs/registers.md "Climate risks and
 * opportunities"), on a PGlite store with accounts over examples/minimal (group → smelter, mine):
 * the administrator sets the company's scales and a site screening, the list shows a score of 3
 * without a risk as a gap until a risk names the site; a shape error is 400 naming the field, a
 * level not on the scales 422 naming it; a stale write is 412 (body or If-Match) and changes
 * nothing, no version is 428; a viewer reads but may not write (403); history; the XLSX export
 * imports back unchanged; the report's JSON carries the climate table in both languages; the
 * OpenAPI document lists the routes.
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
const PASSWORD = 'registers password 1';

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();
const USERS: [string, Role, string][] = [
  ['ada', 'administrator', 'group'],
  ['pam', 'preparer', 'group'],
  ['vic', 'viewer', 'group'],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-climate-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store } });
  const now = new Date();
  for (const [name, role, entityId] of USERS) {
    const u = await addUser(store, { email: `${name}@example.com`, name, password: PASSWORD }, now);
    if (!u.ok) throw new Error(u.message);
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

// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes
type Body = Record<string, any>;
async function call(who: string, method: string, path: string, body?: unknown, headers: object = {}) {
  const r = await app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = r.headers.get('content-type') ?? '';
  return {
    status: r.status,
    etag: r.headers.get('etag'),
    body: (type.includes('json') ? await r.json() : {}) as Body,
    bytes: type.includes('json') ? new Uint8Array() : new Uint8Array(await r.arrayBuffer()),
  };
}

const t = (zh: string, en: string) => ({ 'zh-Hant': zh, en });
const LEVELS = [
  { id: 'short', axis: 'horizon', name: t('短期', 'Short term'), fromYears: 0, toYears: 2 },
  { id: 'medium', axis: 'horizon', name: t('中期', 'Medium term'), fromYears: 2, toYears: 8 },
  { id: 'long', axis: 'horizon', name: t('長期', 'Long term'), fromYears: 8 },
  { id: 'l-2', axis: 'likelihood', rank: 2, name: t('有可能', 'Possible') },
  { id: 'i-3', axis: 'impact', rank: 3, name: t('重大', 'Major') },
  { id: 'h-2', axis: 'hazard-score', rank: 2, name: t('中', 'Medium') },
  { id: 'h-3', axis: 'hazard-score', rank: 3, name: t('高', 'High'), needsRisk: true },
];
const flood = {
  id: 'flood-mine',
  kind: 'physical-acute',
  hazard: 'flood',
  name: t('礦區洪澇', 'Flooding at the mine'),
  description: t('暴雨淹沒低處作業面', 'Heavy rain floods the lower benches'),
  horizon: 'medium',
  likelihood: 'l-2',
  impact: 'i-3',
  entityIds: ['mine'],
  financialEffect: t('停產及排水成本', 'Stoppage and pumping costs'),
  financialAmount: { value: '3200000', currency: 'CNY' },
  response: t('加高擋水圍堰', 'Raise the flood bund'),
};

describe('the climate register over HTTP', () => {
  it('scales and screening: a high score without a risk is a gap until a risk names the site', async () => {
    for (const level of LEVELS)
      expect((await call('ada', 'POST', '/climate-scales', { level })).status).toBe(201);
    const score = { id: 'mine.flood', entityId: 'mine', hazard: 'flood', score: 3 };
    expect((await call('ada', 'POST', '/hazard-screening', { score })).status).toBe(201);
    const gaps = await call('vic', 'GET', '/hazard-screening');
    expect([gaps.body.threshold, gaps.body.gaps.map((g: Body) => g.screening.id)]).toEqual([
      3,
      ['mine.flood'],
    ]);
    const off = await call('ada', 'POST', '/hazard-screening', {
      score: { ...score, id: 'x', entityId: 'smelter', score: 7 },
    });
    expect([off.status, off.body.error.field]).toEqual([422, 'score']);

    const shape = await call('ada', 'POST', '/climate-risks', { risk: { ...flood, horizon: 'soon' } });
    expect([shape.status, shape.body.error.field]).toEqual([400, 'risk.horizon']);
    const level = await call('ada', 'POST', '/climate-risks', { risk: { ...flood, likelihood: 'l-9' } });
    expect([level.status, level.body.error.field]).toEqual([422, 'likelihood']);
    const created = await call('ada', 'POST', '/climate-risks', { risk: flood });
    expect(created.status).toBe(201);
    const listed = await call('pam', 'GET', '/climate-risks?entity=mine&kind=physical-acute');
    expect([listed.body.rows.map((r: Body) => [r.row.id, r.version]), listed.body.gaps]).toEqual([
      [['flood-mine', 1]],
      [],
    ]);
    expect((await call('pam', 'GET', '/climate-risks?entity=smelter')).body.rows).toEqual([]);
  });

  it('a stale write is 412 and changes nothing; no version is 428; a viewer may not write (403)', async () => {
    const ok = await call('ada', 'PUT', '/climate-risks/flood-mine', {
      risk: { ...flood, impact: 'i-3', owner: 'HSE' },
      version: 1,
    });
    expect([ok.status, ok.etag]).toEqual([200, '"2"']);
    const stale = await call(
      'ada',
      'PUT',
      '/climate-risks/flood-mine',
      { risk: { ...flood, owner: 'Ops' } },
      { 'if-match': '"1"' },
    );
    expect([stale.status, stale.body.error.code]).toEqual([412, 'stale-version']);
    const staleBody = await call('ada', 'PUT', '/climate-risks/flood-mine', {
      risk: { ...flood, owner: 'Ops' },
      version: 1,
    });
    expect(staleBody.status).toBe(412);
    expect((await call('ada', 'PUT', '/climate-risks/flood-mine', { risk: flood })).status).toBe(428);
    expect(ws.snapshot().bundle.registers.climateRisks.find((r) => r.id === 'flood-mine')?.owner).toBe('HSE');
    for (const who of ['vic', 'pam']) {
      expect((await call(who, 'POST', '/climate-risks', { risk: { ...flood, id: 'nope' } })).status).toBe(
        403,
      );
      expect((await call(who, 'POST', '/climate-risks/flood-mine/retract', { version: 2 })).status).toBe(403);
      expect(
        (await call(who, 'POST', '/climate-scales', { level: { ...LEVELS[3], id: 'l-1', rank: 1 } })).status,
      ).toBe(403);
    }
    const h = await call('vic', 'GET', '/climate-risks/flood-mine/history');
    expect(h.body.revisions.map((r: Body) => [r.version, r.row?.owner ?? null])).toEqual([
      [1, null],
      [2, 'HSE'],
    ]);
  });

  it('XLSX: the export imports back unchanged; the report carries the table in both languages', async () => {
    const before = ws.snapshot().bundle.registers.climateRisks;
    const book = await call('vic', 'GET', '/export/climate-risks.xlsx');
    expect(book.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(book.bytes) as never);
    expect(wb.getWorksheet('climate-risks')?.rowCount).toBe(1 + before.length);
    const back = await call('ada', 'POST', '/import/climate-risks', {
      file: 'climate-risks.xlsx',
      xlsxBase64: Buffer.from(book.bytes).toString('base64'),
    });
    expect([back.status, back.body.imported]).toEqual([200, before.length]);
    expect(ws.snapshot().bundle.registers.climateRisks).toEqual(before);

    const html = async (lang: string) => {
      const r = await call('vic', 'GET', `/reports/html?lang=${lang}`);
      expect(r.status).toBe(200);
      return Buffer.from(r.bytes).toString('utf8');
    };
    const en = await html('en');
    expect(en).toContain('Flooding at the mine: Heavy rain floods the lower benches (sites: Demo Mining)');
    expect(en).toContain('Medium term (2–8 years)');
    expect(en).toContain('Stoppage and pumping costs About CNY 3,200,000.');
    const zh = await html('zh-Hant');
    expect(zh).toContain('礦區洪澇：暴雨淹沒低處作業面（涉及：示例礦業）');
    expect(zh).toContain('中期（2至8年）');
    expect(zh).toContain('停產及排水成本約人民幣3,200,000元。');
    const api = await call('vic', 'GET', '/openapi.json');
    for (const p of [
      '/api/climate-risks',
      '/api/climate-scales/{id}',
      '/api/hazard-screening/{id}/history',
      '/api/import/supplier-practices',
    ])
      expect(Object.keys(api.body.paths)).toContain(p);
  });
});
