/**
 * Compliance cases, certifications and tailings facilities over HTTP (issue #18), on a PGlite
 * store with accounts over examples/minimal. The compliance test of the issue: a viewer and an
 * administrator without the compliance role see case counts, never case rows: the rows' routes
 * answer 403 to them, and no response they can get (counts, report HTML in both languages,
 * bundle data export, the audit trail's subjects aside) holds a case's id or summary. The
 * compliance officer adds a case (201), a stale version is 412 and changes nothing, the
 * workbook exports and imports back. Certifications and tailings: the administrator writes, a
 * stale version is 412, a viewer is 403, and the list carries expiry warnings.
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
const PASSWORD = 'cases password 12';

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();
const USERS: [string, Role[]][] = [
  ['cora', ['compliance']],
  ['ada', ['administrator']],
  ['vic', ['viewer']],
  ['pam', ['preparer']],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-cases-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store } });
  const now = new Date();
  for (const [name, roles] of USERS) {
    const u = await addUser(store, { email: `${name}@example.com`, name, password: PASSWORD }, now);
    if (!u.ok) throw new Error(u.message);
    for (const role of roles)
      await grantRole(store, { userId: u.id, role, entityId: 'group', grantedBy: 'test' }, now);
    const r = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
    });
    const cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    if (r.status !== 204 || !cookie) throw new Error(`sign-in of ${name}: ${r.status}`);
    cookies.set(name, cookie);
  }
}, 300_000);
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
  const bytes = new Uint8Array(await r.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    status: r.status,
    etag: r.headers.get('etag'),
    body: (type.includes('json') ? JSON.parse(text) : {}) as Body,
    text,
    bytes,
  };
}

const SECRET = 'Demonstration: gifts from contractor X to buyer Y';
const bribery = {
  id: 'wb-2025-001',
  kind: 'whistleblowing',
  type: 'bribery',
  entityId: 'smelter',
  openedOn: '2025-02-03',
  concludedOn: '2025-04-01',
  outcome: 'substantiated',
  summary: SECRET,
};

describe('compliance cases over HTTP', () => {
  it('the compliance officer writes; a stale version is 412 and changes nothing', async () => {
    expect((await call('cora', 'POST', '/cases', { case: bribery })).status).toBe(201);
    expect((await call('cora', 'POST', '/cases', { case: bribery })).status).toBe(409);
    const put = await call('cora', 'PUT', '/cases/wb-2025-001', {
      case: { ...bribery, actions: 'Dismissed.' },
      version: 1,
    });
    expect([put.status, put.etag]).toEqual([200, '"2"']);
    const stale = await call(
      'cora',
      'PUT',
      '/cases/wb-2025-001',
      { case: { ...bribery, outcome: 'withdrawn' } },
      { 'if-match': '"1"' },
    );
    expect([stale.status, stale.body.error?.code]).toEqual([412, 'stale-version']);
    expect((await call('cora', 'GET', '/cases')).body.cases[0].case.outcome).toBe('substantiated');
    const noVersion = await call('cora', 'PUT', '/cases/wb-2025-001', { case: bribery });
    expect(noVersion.status).toBe(428);
    const bad = await call('cora', 'POST', '/cases', {
      case: { ...bribery, id: 'x2', openedOn: '2025-02-30', entityId: 'nowhere' },
    });
    expect([bad.status, bad.body.error?.issues?.map((i: Body) => i.column)]).toEqual([
      422,
      ['entityId', 'openedOn'],
    ]);
    const shape = await call('cora', 'POST', '/cases', { case: { ...bribery, id: 'x3', kind: 'rumour' } });
    expect([shape.status, shape.body.error?.field]).toEqual([400, 'case.kind']);
    const list = await call('cora', 'GET', '/cases');
    expect(list.body.cases).toEqual([{ case: { ...bribery, actions: 'Dismissed.' }, version: 2 }]);
    const h = await call('cora', 'GET', '/cases/wb-2025-001/history');
    expect(h.body.revisions.map((r: Body) => r.version)).toEqual([1, 2]);
  });

  it('a viewer and an administrator without the compliance role see counts, never rows', async () => {
    for (const who of ['ada', 'vic', 'pam']) {
      for (const [m, p, b] of [
        ['GET', '/cases', undefined],
        ['GET', '/cases/wb-2025-001/history', undefined],
        ['GET', '/export/cases.xlsx', undefined],
        ['POST', '/cases', { case: { ...bribery, id: 'mine' } }],
        ['PUT', '/cases/wb-2025-001', { case: bribery, version: 2 }],
        ['POST', '/cases/wb-2025-001/retract', { version: 2 }],
        ['POST', '/import/cases', { xlsxBase64: 'AAAA' }],
      ] as const) {
        const r = await call(who, m, p, b);
        expect([who, m, p, r.status]).toEqual([who, m, p, 403]);
        expect(r.text).not.toContain(SECRET);
      }
      const counts = await call(who, 'GET', '/cases/counts');
      expect([who, counts.status, counts.body]).toEqual([
        who,
        200,
        {
          year: '2025',
          total: 1,
          counts: [{ kind: 'whistleblowing', type: 'bribery', outcome: 'substantiated', count: 1 }],
        },
      ]);
    }
    // nothing else they can read holds a case row: the report in both languages, the data export
    for (const who of ['ada', 'vic']) {
      for (const path of ['/reports/html?lang=en', '/reports/html?lang=zh-Hant', '/cases/counts?year=2025']) {
        const r = await call(who, 'GET', path);
        expect([who, path, r.status]).toEqual([who, path, 200]);
        expect(r.text).not.toContain(SECRET);
        expect(r.text).not.toContain('wb-2025-001');
      }
    }
    const exp = await call('ada', 'GET', '/export/data-points.csv');
    expect(exp.text).not.toContain('wb-2025-001');
    // the audit trail names the case and its version, never its text
    const entries = await store.query<{ subject: string; after: unknown; reason: string }>(
      `select subject, after, reason from audit_log where subject = 'case wb-2025-001'`,
    );
    expect(entries.length).toBe(2);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
  });

  it('the cases workbook exports and imports back (compliance only)', async () => {
    const x = await call('cora', 'GET', '/export/cases.xlsx');
    expect(x.status).toBe(200);
    const before = (await call('cora', 'GET', '/cases')).body.cases;
    await call('cora', 'POST', '/cases/wb-2025-001/retract', { version: 2, reason: 'test' });
    expect((await call('cora', 'GET', '/cases')).body.cases).toEqual([]);
    const imp = await call('cora', 'POST', '/import/cases', {
      xlsxBase64: Buffer.from(x.bytes).toString('base64'),
    });
    expect([imp.status, imp.body]).toEqual([200, { imported: 1 }]);
    const after = (await call('cora', 'GET', '/cases')).body.cases;
    expect(after.map((v: Body) => v.case)).toEqual(before.map((v: Body) => v.case));
    expect(after[0].version).toBe(4);
  });

  it('a report for a viewer shows B7.1 derived from the case counts (hand count) and no case row', async () => {
    // Hand count for 2025: legal cases concluded in 2025 = zq-legal-01 (substantiated) + -02
    // (unsubstantiated) = 2; -03 is open at the year's end, -04 concluded in 2024, and the
    // whistleblowing report wb-2025-001 is not a legal case: none of them counts.
    const legal = (id: string, extra: object) => ({
      id,
      kind: 'legal-case',
      type: 'bribery',
      entityId: 'smelter',
      openedOn: '2024-03-01',
      summary: `Demonstration: secret allegation ${id}`,
      ...extra,
    });
    for (const c of [
      legal('zq-legal-01', { concludedOn: '2025-05-01', outcome: 'substantiated' }),
      legal('zq-legal-02', { type: 'fraud', concludedOn: '2025-11-30', outcome: 'unsubstantiated' }),
      legal('zq-legal-03', { openedOn: '2025-09-01' }),
      legal('zq-legal-04', { concludedOn: '2024-12-31', outcome: 'withdrawn' }),
    ])
      expect((await call('cora', 'POST', '/cases', { case: c })).status).toBe(201);
    const json = await call('vic', 'GET', '/reports/json?lang=en');
    expect(json.status).toBe(200);
    const found: Body[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Body;
        if (o.indicatorId === 'anticorruption.cases' && o.periodId === '2025' && 'exact' in o) found.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(json.body);
    expect(found.map((f) => [f.id, f.exact, f.method])).toContainEqual([
      'anticorruption.cases@group/2025',
      '2',
      'counted from the compliance case register (counts only)',
    ]);
    // the XLSX report's Calculations sheet carries B7.1's lineage: counts by type and outcome only
    for (const lang of ['en', 'zh-Hant']) {
      const x = await call('vic', 'GET', `/reports/xlsx?lang=${lang}`);
      expect(x.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.bytes.buffer as ArrayBuffer);
      const cells: string[] = [];
      wb.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((c) => {
            cells.push(String(c.text ?? ''));
          }),
        ),
      );
      const all = cells.join('\n');
      for (const leak of ['zq-legal', 'wb-2025-001', 'secret allegation', SECRET])
        expect([lang, leak, all.includes(leak)]).toEqual([lang, leak, false]);
      expect(all).toContain(
        lang === 'en'
          ? 'concluded legal cases: bribery, substantiated (2025, 1)'
          : '已審結法律案件：欺詐，不屬實（2025年，1宗）',
      );
    }
    for (const path of ['/reports/json?lang=en', '/reports/html?lang=en', '/reports/html?lang=zh-Hant']) {
      const r = await call('vic', 'GET', path);
      expect([path, r.status]).toEqual([path, 200]);
      for (const leak of [
        'zq-legal-01',
        'zq-legal-02',
        'zq-legal-03',
        'zq-legal-04',
        'wb-2025-001',
        'secret allegation',
        SECRET,
      ])
        expect([path, r.text.includes(leak)]).toEqual([path, false]);
    }
  });
});

describe('certifications and tailings facilities over HTTP', () => {
  const cert = {
    id: 'iso45001-smelter',
    standard: 'iso-45001',
    entityId: 'smelter',
    scope: { en: 'Smelting', 'zh-Hant': '冶煉' },
    issuer: 'Demo body',
    certificateNumber: 'D-1',
    issuedOn: '2023-06-01',
    expiresOn: '2026-05-31',
  };
  const tsf = {
    id: 'mine-tsf',
    name: { en: 'Mine TSF', 'zh-Hant': '礦山尾礦庫' },
    entityId: 'mine',
    status: 'active',
    consequence: 'gistm-high',
    monitoring: { en: 'Piezometers', 'zh-Hant': '滲壓計' },
    emergencyPlan: { en: 'Yes', 'zh-Hant': '有' },
    closurePlan: { en: 'Cap and revegetate', 'zh-Hant': '覆土復墾' },
  };
  it('the administrator writes with versions (412 when stale); a viewer may read, not write (403)', async () => {
    expect((await call('ada', 'POST', '/certifications', { certification: cert })).status).toBe(201);
    expect(
      (await call('vic', 'POST', '/certifications', { certification: { ...cert, id: 'v' } })).status,
    ).toBe(403);
    expect(
      (await call('cora', 'POST', '/certifications', { certification: { ...cert, id: 'c' } })).status,
    ).toBe(403);
    const l = await call('vic', 'GET', '/certifications?today=2026-04-01');
    expect(l.body.certifications.map((r: Body) => [r.certification.id, r.expiry])).toEqual([
      ['iso45001-smelter', { state: 'expiring', daysLeft: 60 }],
    ]);
    expect(l.body.warnDays).toBe(90);
    const w30 = await call('vic', 'GET', '/certifications?today=2026-04-01&warnDays=30');
    expect(w30.body.certifications[0].expiry.state).toBe('valid');
    const ok = await call('ada', 'PUT', '/certifications/iso45001-smelter', {
      certification: { ...cert, certificateNumber: 'D-2' },
      version: 1,
    });
    expect(ok.status).toBe(200);
    const stale = await call('ada', 'PUT', '/certifications/iso45001-smelter', {
      certification: cert,
      version: 1,
    });
    expect(stale.status).toBe(412);
    expect(
      (await call('vic', 'GET', '/certifications?today=2026-04-01')).body.certifications[0].certification
        .certificateNumber,
    ).toBe('D-2');

    expect((await call('ada', 'POST', '/tailings-facilities', { facility: tsf })).status).toBe(201);
    expect(
      (await call('pam', 'POST', '/tailings-facilities', { facility: { ...tsf, id: 'p' } })).status,
    ).toBe(403);
    const t1 = await call(
      'ada',
      'PUT',
      '/tailings-facilities/mine-tsf',
      { facility: { ...tsf, status: 'inactive' } },
      { 'if-match': '"1"' },
    );
    expect(t1.status).toBe(200);
    const t2 = await call('ada', 'POST', '/tailings-facilities/mine-tsf/retract', { version: 1 });
    expect(t2.status).toBe(412);
    const list = await call('vic', 'GET', '/tailings-facilities?status=inactive');
    expect(list.body.facilities.map((f: Body) => [f.facility.id, f.version])).toEqual([['mine-tsf', 2]]);
    const x = await call('vic', 'GET', '/export/tailings-facilities.xlsx');
    expect(x.status).toBe(200);
    const imp = await call('ada', 'POST', '/import/tailings-facilities', {
      xlsxBase64: Buffer.from(x.bytes).toString('base64'),
    });
    expect([imp.status, imp.body.imported]).toEqual([200, 1]);
  });
});
