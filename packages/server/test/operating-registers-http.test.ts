/**
 * The supplier, hazard and project registers over HTTP (issue #18), on a PGlite store with
 * accounts over examples/minimal (group → smelter, mine; year 2025). The administrator adds rows
 * (201) and the list shows them with the derived figures; a shape error is 400 naming the field,
 * a bad credit code 422 naming `creditCode`; a stale version is 412 and nothing changes; a
 * preparer and a viewer may read but not write (403); the history lists every revision; the
 * XLSX export imports back unchanged, and a bad workbook is 422 naming row and column, nothing
 * written; the audit log has each write.
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
  dir = await mkdtemp(join(tmpdir(), 'assay-registers-http-'));
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

const X = '91650100MA7XK2L1C8';
const supplier = (id: string, entityId: string, creditCode: string, region: string) => ({
  id,
  name: { en: `Supplier ${id}`, 'zh-Hant': `供應商${id}` },
  creditCode,
  entityId,
  region,
  category: 'equipment',
  esgResult: 'pass',
  esgAssessedOn: '2025-06-30',
  status: 'approved',
});
const figure = (b: Body, id: string) =>
  (b.figures as { figureId: string; value: string }[]).find((f) => f.figureId === id)?.value;

describe('suppliers over HTTP', () => {
  it('adds rows (201) and lists them with counts by region, a credit code counted once', async () => {
    for (const s of [
      supplier('sm-x', 'smelter', X, 'xinjiang'),
      supplier('mi-x', 'mine', X, 'xinjiang'),
      supplier('mi-j', 'mine', '91320500MA1NQ8R4DR', 'jiangsu'),
    ])
      expect((await call('ada', 'POST', '/suppliers', { row: s })).status).toBe(201);
    const l = await call('vic', 'GET', '/suppliers');
    expect(l.status).toBe(200);
    expect(l.body.rows.map((r: Body) => [r.row.id, r.version])).toEqual([
      ['sm-x', 1],
      ['mi-x', 1],
      ['mi-j', 1],
    ]);
    expect(figure(l.body, 'suppliers.registered@group/2025')).toBe('2');
    expect(figure(l.body, 'suppliers.registered[region=xinjiang]@group/2025')).toBe('1');
    const filtered = await call('pam', 'GET', '/suppliers?entity=mine&region=jiangsu');
    expect(filtered.body.rows.map((r: Body) => r.row.id)).toEqual(['mi-j']);
  });

  it('a shape error is 400 naming the field; a bad check character 422 naming creditCode', async () => {
    const shape = await call('ada', 'POST', '/suppliers', {
      row: { ...supplier('b', 'mine', X, 'x'), status: 'gone' },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.field).toBe('row.status');
    const check = await call('ada', 'POST', '/suppliers', {
      row: supplier('b', 'mine', `${X.slice(0, 17)}9`, 'x'),
    });
    expect(check.status).toBe(422);
    expect(check.body.error.field).toBe('creditCode');
    expect(check.body.error.message).toContain('call for 8');
  });

  it('a stale write is 412 and changes nothing; the current version is 200 with its ETag', async () => {
    const changed = { ...supplier('sm-x', 'smelter', X, 'xinjiang'), status: 'suspended' };
    const ok = await call('ada', 'PUT', '/suppliers/sm-x', { row: changed, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.etag).toBe('"2"');
    const stale = await call(
      'ada',
      'PUT',
      '/suppliers/sm-x',
      { row: { ...changed, status: 'blacklisted' } },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(ws.snapshot().bundle.registers.suppliers?.find((s) => s.id === 'sm-x')?.status).toBe('suspended');
    expect((await call('ada', 'PUT', '/suppliers/sm-x', { row: changed })).status).toBe(428);
  });

  it('a preparer and a viewer may not write (403), and nothing changes', async () => {
    const before = ws.snapshot().bundle.registers.suppliers;
    expect((await call('pam', 'POST', '/suppliers', { row: supplier('p', 'mine', X, 'x') })).status).toBe(
      403,
    );
    expect(
      (await call('vic', 'PUT', '/suppliers/sm-x', { row: supplier('sm-x', 'smelter', X, 'x'), version: 2 }))
        .status,
    ).toBe(403);
    expect((await call('pam', 'POST', '/suppliers/sm-x/retract', { version: 2 })).status).toBe(403);
    expect((await call('vic', 'POST', '/import/hazards', { xlsxBase64: 'AAAA' })).status).toBe(403);
    expect(ws.snapshot().bundle.registers.suppliers).toEqual(before);
  });

  it('retracts and lists the history', async () => {
    expect(
      (await call('ada', 'POST', '/suppliers/mi-j/retract', { version: 1, reason: 'contract ended' })).status,
    ).toBe(200);
    const h = await call('vic', 'GET', '/suppliers/mi-j/history');
    expect(h.body.revisions.map((r: Body) => [r.version, r.row?.id ?? null, r.author, r.reason])).toEqual([
      [1, 'mi-j', 'ada <ada@example.com>', 'supplier mi-j added'],
      [2, null, 'ada <ada@example.com>', 'contract ended'],
    ]);
    const audit = await store.query<{ subject: string; reason: string }>(
      "select subject, reason from audit_log where action = 'import' and subject like 'suppliers %' order by seq",
    );
    expect(audit.map((e) => `${e.subject}: ${e.reason}`)).toContain('suppliers mi-j: contract ended');
  });
});

describe('hazards and projects over HTTP', () => {
  it('the rectification rate with an overdue item, and the project completion rate', async () => {
    const hz = (id: string, dueOn: string, rectifiedOn?: string) => ({
      id,
      foundOn: '2025-02-01',
      entityId: 'smelter',
      grade: 'major',
      description: { en: `Hazard ${id}`, 'zh-Hant': `隱患${id}` },
      owner: 'Chen',
      dueOn,
      ...(rectifiedOn ? { rectifiedOn, evidence: 'RE-1' } : {}),
    });
    for (const h of [
      hz('a', '2025-03-01', '2025-02-20'),
      hz('b', '2025-03-01', '2025-04-01'),
      hz('c', '2025-06-01'),
      hz('d', '2025-06-01', '2025-05-01'),
    ])
      expect((await call('ada', 'POST', '/hazards', { row: h })).status).toBe(201);
    // found 4; rectified by 31 Dec: a, b (late), d → 3; overdue: c → 1; rate 75 %
    const l = await call('vic', 'GET', '/hazards');
    expect([
      figure(l.body, 'hazards.found@group/2025'),
      figure(l.body, 'hazards.rectified@group/2025'),
    ]).toEqual(['4', '3']);
    expect(figure(l.body, 'hazards.overdue@group/2025')).toBe('1');
    expect(figure(l.body, 'hazards.rectification-rate@group/2025')).toBe('75');
    expect(
      (await call('vic', 'GET', '/hazards?status=overdue')).body.rows.map((r: Body) => r.row.id),
    ).toEqual(['c']);

    const pj = (id: string, status: string) => ({
      id,
      name: { en: `Project ${id}`, 'zh-Hant': `項目${id}` },
      entityId: 'mine',
      measure: { en: 'LED lighting', 'zh-Hant': 'LED照明改造' },
      status,
      ...(status === 'completed' ? { verified: { MWh: '12.5' } } : {}),
    });
    for (const p of [
      pj('p1', 'completed'),
      pj('p2', 'completed'),
      pj('p3', 'planned'),
      pj('p4', 'cancelled'),
    ])
      expect((await call('ada', 'POST', '/projects', { row: p })).status).toBe(201);
    // live 3 (p4 cancelled), completed 2 → 66.66…%; verified 25 MWh
    const p = await call('vic', 'GET', '/projects');
    expect(figure(p.body, 'projects.completion-rate@group/2025')?.startsWith('66.666')).toBe(true);
    expect(figure(p.body, 'projects.saved.electricity@group/2025')).toBe('25');
    const early = await call('ada', 'POST', '/projects', {
      row: { ...pj('p5', 'planned'), verified: { MWh: '1' } },
    });
    expect([early.status, early.body.error.field]).toEqual([422, 'verified']);
  });

  it('XLSX: the export imports back unchanged; a bad row is 422 naming row and column, nothing written', async () => {
    for (const reg of ['suppliers', 'hazards', 'projects']) {
      const before = ws.snapshot().bundle.registers[reg as 'hazards'];
      const x = await call('vic', 'GET', `/export/${reg}.xlsx`);
      expect(x.status).toBe(200);
      const back = await call('ada', 'POST', `/import/${reg}`, {
        file: `${reg}.xlsx`,
        xlsxBase64: Buffer.from(x.bytes).toString('base64'),
      });
      expect(back.status).toBe(200);
      expect(ws.snapshot().bundle.registers[reg as 'hazards']).toEqual(before);
    }
    const x = await call('vic', 'GET', '/export/hazards.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.bytes) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('hazards');
    if (!sheet) throw new Error('no hazards sheet');
    sheet.getRow(3).getCell(8).value = '2024-01-01'; // dueOn before foundOn
    const bad = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = ws.snapshot().bundle.registers.hazards;
    const r = await call('ada', 'POST', '/import/hazards', { file: 'bad.xlsx', xlsxBase64: bad });
    expect(r.status).toBe(422);
    expect(r.body.error.issues[0]).toMatchObject({ file: 'bad.xlsx [hazards]', row: 3, column: 'dueOn (H)' });
    expect(ws.snapshot().bundle.registers.hazards).toEqual(before);
  });
});
