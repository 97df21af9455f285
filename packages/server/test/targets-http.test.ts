/**
 * The targets register over HTTP (issue #18), on a PGlite store with accounts over
 * examples/minimal (revenue of the group: 1,000 CNY million in 2025). The administrator adds a
 * target (201) and the list shows it with its actual, path, percent and status (hand-checked:
 * base 800 in 2023, at least 1,200 by 2027: path 1,000, on track, 50.0 %); a shape error is 400
 * naming the field, a domain error 422 naming it; a stale version 412 and nothing changes; a
 * preparer may read but not write (403), nor retract; the history lists every revision; the
 * XLSX export imports back unchanged, and a bad workbook is 422 with row and column, nothing
 * written; the report's targets table shows base, target, actual (at the figure's precision)
 * and status, the numbers alike in English and Chinese.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { auditEntries, migrate, openPgliteStore, type Store } from '@assay/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const PASSWORD = 'targets password 1';

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
  dir = await mkdtemp(join(tmpdir(), 'assay-targets-http-'));
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

const growth = {
  id: 'revenue-growth',
  name: { en: 'Grow revenue', 'zh-Hant': '提升收入' },
  indicatorId: 'revenue',
  entityId: 'group',
  comparator: 'min',
  value: '1200',
  unit: 'CNY million',
  baseYear: '2023',
  baseValue: '800',
  targetYear: '2027',
};
const footprint = async () => [
  JSON.stringify(ws.snapshot().bundle.registers.targets),
  await auditEntries(store),
];

describe('targets over HTTP', () => {
  it('adds a target (201) and lists it with progress and status', async () => {
    const w = await call('ada', 'POST', '/targets', { target: growth, reason: 'board plan 2024' });
    expect(w).toMatchObject({ status: 201, body: { id: 'revenue-growth', version: 1 } });
    const l = await call('vic', 'GET', '/targets');
    expect(l.status).toBe(200);
    expect(l.body.targets).toEqual([
      {
        target: growth,
        version: 1,
        status: 'on-track',
        actual: '1000',
        figureId: 'revenue@group/2025',
        path: '1000',
        percent: '50.0',
      },
    ]);
    expect((await call('vic', 'GET', '/targets?status=missed')).body.targets).toEqual([]);
    expect((await call('vic', 'GET', '/targets?entity=group&status=on-track')).body.targets).toHaveLength(1);
    expect(await call('vic', 'GET', '/targets?status=late')).toMatchObject({
      status: 400,
      body: { error: { field: 'status' } },
    });
  });

  it('400 names the field of a shape error, 422 the field of a domain error; nothing is written', async () => {
    const before = await footprint();
    expect(
      await call('ada', 'POST', '/targets', { target: { ...growth, id: 'x', baseYear: '23' } }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', field: 'target.baseYear' } },
    });
    expect(
      await call('ada', 'POST', '/targets', { target: { ...growth, id: 'x', value: '1,200' } }),
    ).toMatchObject({
      status: 400,
      body: { error: { field: 'target.value' } },
    });
    expect(
      await call('ada', 'POST', '/targets', { target: { ...growth, id: 'x', unit: 'MWh' } }),
    ).toMatchObject({
      status: 422,
      body: { error: { code: 'invalid-data', field: 'unit' } },
    });
    expect(await call('ada', 'POST', '/targets', { target: growth })).toMatchObject({
      status: 409,
      body: { error: { field: 'id' } },
    });
    expect(await footprint()).toEqual(before);
  });

  it('a preparer and a viewer may read but not write (403), nothing written', async () => {
    const before = await footprint();
    expect((await call('pam', 'GET', '/targets')).status).toBe(200);
    expect((await call('pam', 'POST', '/targets', { target: { ...growth, id: 'p' } })).status).toBe(403);
    expect((await call('pam', 'PUT', '/targets/revenue-growth', { target: growth, version: 1 })).status).toBe(
      403,
    );
    expect((await call('vic', 'POST', '/targets/revenue-growth/retract', { version: 1 })).status).toBe(403);
    expect(await footprint()).toEqual(before);
  });

  it('changes with the version (ETag), refuses a stale one with 412 and changes nothing', async () => {
    const raised = { ...growth, value: '1300' };
    const w = await call('ada', 'PUT', '/targets/revenue-growth', {
      target: raised,
      version: 1,
      reason: 'raised',
    });
    expect(w).toMatchObject({ status: 200, etag: '"2"', body: { version: 2 } });
    const before = await footprint();
    expect(await call('ada', 'PUT', '/targets/revenue-growth', { target: growth, version: 1 })).toMatchObject(
      {
        status: 412,
        body: { error: { code: 'stale-version' } },
      },
    );
    expect(
      (await call('ada', 'PUT', '/targets/revenue-growth', { target: growth }, { 'if-match': '"1"' })).status,
    ).toBe(412);
    expect((await call('ada', 'PUT', '/targets/revenue-growth', { target: growth })).status).toBe(428);
    expect(
      (await call('ada', 'PUT', '/targets/other', { target: growth, version: 2 })).body.error.field,
    ).toBe('target.id');
    expect((await call('ada', 'POST', '/targets/revenue-growth/retract', { version: 1 })).status).toBe(412);
    expect(await footprint()).toEqual(before);
  });

  it('the report table shows base, target, actual and status, the numbers alike in both languages', async () => {
    const html = async (lang: string) => {
      const r = await app.request(`/api/reports/html?lang=${lang}`, {
        headers: { cookie: `assay_session=${cookies.get('vic')}` },
      });
      expect(r.status).toBe(200);
      const text = await r.text();
      const at = text.indexOf(lang === 'en' ? 'Actual 2025' : '2025年實際');
      expect(at).toBeGreaterThan(0);
      return text.slice(at, text.indexOf('</table>', at));
    };
    const en = await html('en');
    for (const cell of ['2023: 800 CNY million', '2027: 1,300 CNY million', '1,000.0 CNY million', 'At risk'])
      expect(en).toContain(cell);
    const zh = await html('zh-Hant');
    for (const cell of ['2023: 800 ', '2027: 1,300 ', '1,000.0 ', '有落後風險']) expect(zh).toContain(cell);
  });

  it('retracts, then the history lists every revision with author and reason', async () => {
    expect(
      await call('ada', 'POST', '/targets/revenue-growth/retract', { version: 2, reason: 'merged' }),
    ).toMatchObject({
      status: 200,
      body: { retracted: true, version: 3 },
    });
    expect((await call('vic', 'GET', '/targets')).body.targets).toEqual([]);
    const h = await call('vic', 'GET', '/targets/revenue-growth/history');
    expect(h.status).toBe(200);
    expect(
      h.body.revisions.map((r: Body) => [r.version, r.target?.value ?? null, r.author, r.reason]),
    ).toEqual([
      [1, '1200', 'ada <ada@example.com>', 'board plan 2024'],
      [2, '1300', 'ada <ada@example.com>', 'raised'],
      [3, null, 'ada <ada@example.com>', 'merged'],
    ]);
    expect((await call('vic', 'GET', '/targets/nothing/history')).status).toBe(404);
  });

  it('exports XLSX and imports it back unchanged; a bad workbook is 422 with row and column', async () => {
    await call('ada', 'POST', '/targets', { target: growth });
    const x = await call('vic', 'GET', '/export/targets.xlsx');
    expect(x.status).toBe(200);
    const base64 = Buffer.from(x.bytes).toString('base64');
    const before = JSON.stringify(ws.snapshot().bundle.registers.targets);
    expect(
      await call('ada', 'POST', '/import/targets', { file: 'targets.xlsx', xlsxBase64: base64 }),
    ).toMatchObject({
      status: 200,
      body: { imported: 1 },
    });
    expect(JSON.stringify(ws.snapshot().bundle.registers.targets)).toBe(before);
    expect((await call('pam', 'POST', '/import/targets', { xlsxBase64: base64 })).status).toBe(403);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('targets');
    if (!sheet) throw new Error('no targets sheet');
    sheet.getCell('D2').value = 'no.such.indicator';
    sheet.addRow(['second', 'Second', '第二', '', '', '', '', '', '', '', '', '', '']);
    const bad = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const footBefore = await footprint();
    const r = await call('ada', 'POST', '/import/targets', { file: 'bad.xlsx', xlsxBase64: bad });
    expect(r.status).toBe(422);
    expect(r.body.error.issues).toEqual([
      {
        file: 'bad.xlsx [targets]',
        row: 2,
        column: 'indicatorId (D)',
        reason: 'indicatorId: unknown indicator "no.such.indicator"',
      },
    ]);
    expect(await footprint()).toEqual(footBefore);
  });
});
