/**
 * Evidence files over HTTP (issue #17, the upload slice), over a real PGlite store holding
 * examples/minimal (group → smelter, mine): upload, one stored copy per SHA-256 with a link per
 * data point and name, the list, download headers (sniffed type, nosniff, attachment with a safe
 * name, sandboxing CSP), every bad upload refused with the field named and no row added (files,
 * links, audit entries counted before and after), and who may see what: a preparer of the other
 * subsidiary gets 404, a viewer (no `read-evidence`) 403. Uploads and links are entries of the
 * hash-chained audit log.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkspace, StoreWorkspace } from '@assay/app';
import { addUser, grantRole, listAccessLog, type Role } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store, verifyAudit } from '@assay/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const PASSWORD = 'evidence password 1';
const MiB = 1024 * 1024;
// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;
const jsonOf = async (r: Response | Promise<Response>): Promise<Json> => (await r).json();

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();

const utf8 = (s: string) => new TextEncoder().encode(s);
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PDF = utf8('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function counts() {
  const [r] = await store.query<{ files: number; links: number; audit: number }>(
    `select (select count(*)::int from evidence_file) as files, (select count(*)::int from evidence_link) as links,
            (select count(*)::int from audit_log) as audit`,
  );
  if (!r) throw new Error('no counts');
  return r;
}

const as = (who: string | undefined, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: {
    'content-type': 'application/json',
    ...(init.headers as object),
    ...(who ? { cookie: `assay_session=${cookies.get(who)}` } : {}),
  },
});
const upload = (who: string, id: string, body: unknown) =>
  app.request(`/api/data-points/${id}/evidence`, as(who, { method: 'POST', body: JSON.stringify(body) }));
const list = (who: string, id: string) => app.request(`/api/data-points/${id}/evidence`, as(who));
const download = (who: string, hash: string, name?: string) =>
  app.request(
    `/api/evidence/${hash}${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`,
    as(who),
  );

const USERS: [string, Role, string][] = [
  ['prep.smelter', 'preparer', 'smelter'],
  ['prep.mine', 'preparer', 'mine'],
  ['viewer.group', 'viewer', 'group'],
  ['admin.group', 'administrator', 'group'],
];
const label = (who: string) => `${who} <${who}@example.com>`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-evidence-http-'));
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

describe('evidence upload, list and download', () => {
  it('uploads a PDF to a data point: 201 with its SHA-256, size and sniffed type; audited', async () => {
    const before = await counts();
    const r = await upload('prep.smelter', 'hc-s-m', { fileName: 'bill 2025.pdf', contentBase64: b64(PDF) });
    expect(r.status).toBe(201);
    expect(await jsonOf(r)).toEqual({
      sha256: sha(PDF),
      fileName: 'bill 2025.pdf',
      size: PDF.length,
      mediaType: 'application/pdf',
      linked: true,
    });
    expect(await counts()).toEqual({
      files: before.files + 1,
      links: before.links + 1,
      audit: before.audit + 2,
    });
    const audit = await store.query<{ action: string; actor: string; subject: string }>(
      'select action, actor, subject from audit_log order by seq desc limit 2',
    );
    expect(audit).toEqual([
      { action: 'link-evidence', actor: label('prep.smelter'), subject: 'data point hc-s-m' },
      { action: 'add-evidence', actor: label('prep.smelter'), subject: sha(PDF) },
    ]);
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
    const logged = (await listAccessLog(store, 5)).find((e) => e.path === '/api/data-points/hc-s-m/evidence');
    expect(logged).toMatchObject({ method: 'POST', action: 'write-data-point', decision: 'allowed' });
  });

  it('keeps one copy per SHA-256: the same file again adds nothing; another name or data point adds a link', async () => {
    const before = await counts();
    const again = await upload('prep.smelter', 'hc-s-m', {
      fileName: 'bill 2025.pdf',
      contentBase64: b64(PDF),
    });
    expect(again.status).toBe(200);
    expect((await jsonOf(again)).linked).toBe(false);
    expect(await counts()).toEqual(before);
    const renamed = await upload('prep.smelter', 'hc-s-m', {
      fileName: '電費單 一月.pdf',
      contentBase64: b64(PDF),
    });
    expect(renamed.status).toBe(201);
    const other = await upload('prep.smelter', 'out-ni', {
      fileName: 'bill 2025.pdf',
      contentBase64: b64(PDF),
    });
    expect(other.status).toBe(201);
    expect(await counts()).toEqual({ files: before.files, links: before.links + 2, audit: before.audit + 2 });
  });

  it('lists the files of a data point with who uploaded them and when', async () => {
    const r = await list('prep.smelter', 'hc-s-m');
    expect(r.status).toBe(200);
    const body: Json = await jsonOf(r);
    expect(body.dataPoint).toBe('hc-s-m');
    expect(body.evidence).toEqual(
      ['bill 2025.pdf', '電費單 一月.pdf'].map((fileName) => ({
        sha256: sha(PDF),
        fileName,
        size: PDF.length,
        mediaType: 'application/pdf',
        uploadedBy: label('prep.smelter'),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      })),
    );
    expect((await jsonOf(list('prep.smelter', 'hc-s-f'))).evidence).toEqual([]);
  });

  it('downloads as an inert attachment: sniffed type, nosniff, safe name, CSP that allows nothing', async () => {
    const r = await download('prep.smelter', sha(PDF), '電費單 一月.pdf');
    expect(r.status).toBe(200);
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(PDF);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="___ __.pdf"; filename*=UTF-8''${encodeURIComponent('電費單 一月.pdf')}`,
    );
    // Without a name: the first one it was uploaded under.
    const first = await download('prep.smelter', sha(PDF));
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="bill 2025\.pdf"/);
    // A name it was never uploaded under is not found.
    expect((await download('prep.smelter', sha(PDF), 'evil.html')).status).toBe(404);
  });

  it('sniffs, never trusts the name: CSV text called report.html is served as text/csv named report.html.csv', async () => {
    const csv = utf8('site,litres\n<b>mine</b>,1200\n');
    const r = await upload('prep.smelter', 'hc-s-m', { fileName: 'report.html', contentBase64: b64(csv) });
    expect(r.status).toBe(201);
    expect((await jsonOf(r)).mediaType).toBe('text/csv');
    const d = await download('prep.smelter', sha(csv));
    expect(d.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(d.headers.get('content-disposition')).toMatch(/^attachment; filename="report\.html\.csv"/);
  });

  it('takes an XLSX written by exceljs, and exactly 10 MiB', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Diesel').addRow(['site', 'litres']).commit();
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await upload('prep.smelter', 'hc-s-f', { fileName: 'diesel.xlsx', contentBase64: b64(xlsx) });
    expect(r.status).toBe(201);
    expect((await jsonOf(r)).mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const big = new Uint8Array(10 * MiB);
    big.set(PDF);
    big[big.length - 1] = 7;
    const b = await upload('prep.smelter', 'hc-s-f', { fileName: 'scan.pdf', contentBase64: b64(big) });
    expect(b.status).toBe(201);
    expect((await jsonOf(b)).size).toBe(10 * MiB);
    const d = await download('prep.smelter', sha(big));
    expect((await d.arrayBuffer()).byteLength).toBe(10 * MiB);
  }, 60_000);
});

describe('bad uploads: refused with the field named, nothing stored', () => {
  const over = new Uint8Array(10 * MiB + 1);
  over.set(PDF);
  const CASES: [string, unknown, number, string | undefined, RegExp][] = [
    [
      'an HTML file named .pdf',
      { fileName: 'invoice.pdf', contentBase64: b64(utf8('<!doctype html><script>alert(1)</script>')) },
      400,
      'contentBase64',
      /markup/,
    ],
    [
      'a zero-byte file',
      { fileName: 'empty.pdf', contentBase64: '' },
      400,
      'contentBase64',
      /empty \(0 bytes\)/,
    ],
    [
      'a file one byte over 10 MiB',
      { fileName: 'big.pdf', contentBase64: b64(over) },
      400,
      'contentBase64',
      /at most 10 MiB/,
    ],
    [
      'base64 longer than 10 MiB of file',
      { fileName: 'big.pdf', contentBase64: 'A'.repeat(14_000_000) },
      400,
      'contentBase64',
      /at most 10 MiB/,
    ],
    [
      'a name with ../',
      { fileName: '../../x.pdf', contentBase64: b64(PDF) },
      400,
      'fileName',
      /without a folder/,
    ],
    [
      'a name with a backslash',
      { fileName: '..\\x.pdf', contentBase64: b64(PDF) },
      400,
      'fileName',
      /without a folder/,
    ],
    [
      'a name with a control character',
      { fileName: 'bill\u0007.pdf', contentBase64: b64(PDF) },
      400,
      'fileName',
      /control characters/,
    ],
    [
      'a name with a newline',
      { fileName: 'bill\r\n.pdf', contentBase64: b64(PDF) },
      400,
      'fileName',
      /control characters/,
    ],
    [
      'a right-to-left override',
      { fileName: 'invoice\u202Efdp.exe', contentBase64: b64(PDF) },
      400,
      'fileName',
      /bidirectional/,
    ],
    [
      'a name over 200 characters',
      { fileName: `${'a'.repeat(197)}.pdf`, contentBase64: b64(PDF) },
      400,
      'fileName',
      /at most 200/,
    ],
    [
      'text that is not base64',
      { fileName: 'x.pdf', contentBase64: '%PDF-1.4 raw' },
      400,
      'contentBase64',
      /base64/,
    ],
    [
      'a key outside the schema',
      { fileName: 'x.pdf', contentBase64: b64(PDF), mediaType: 'application/pdf' },
      400,
      undefined, // zod names an unknown key in the message, not as the field
      /Unrecognized key: "mediaType"/,
    ],
    [
      'a Windows program',
      { fileName: 'x.pdf', contentBase64: b64(utf8('MZ\u0090\u0000\u0003')) },
      400,
      'contentBase64',
      /NUL/,
    ],
  ];
  it.each(CASES)(
    '%s',
    async (_what, body, status, field, message) => {
      const before = await counts();
      const r = await upload('prep.smelter', 'hc-s-m', body);
      expect(r.status).toBe(status);
      const e: Json = (await jsonOf(r)).error;
      expect(e.field).toBe(field);
      expect(e.message).toMatch(message);
      expect(e.message).toMatch(/nothing was stored/);
      expect(await counts()).toEqual(before);
    },
    30_000,
  );

  it('a body over 14 MiB is cut at the limit (413); a multipart body never reaches the route (415)', async () => {
    const before = await counts();
    const huge = await upload('prep.smelter', 'hc-s-m', {
      fileName: 'x.pdf',
      contentBase64: 'A'.repeat(15 * MiB),
    });
    expect(huge.status).toBe(413);
    const multipart = await app.request(
      '/api/data-points/hc-s-m/evidence',
      as('prep.smelter', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x--',
      }),
    );
    expect(multipart.status).toBe(415);
    expect(await counts()).toEqual(before);
  }, 30_000);
});

describe('who may upload, list and download', () => {
  it('a preparer of the other subsidiary finds nothing: 404 for the file, the list and the upload', async () => {
    const before = await counts();
    expect((await download('prep.mine', sha(PDF))).status).toBe(404);
    expect((await list('prep.mine', 'hc-s-m')).status).toBe(404);
    expect((await upload('prep.mine', 'hc-s-m', { fileName: 'x.pdf', contentBase64: b64(PDF) })).status).toBe(
      404,
    );
    expect(await counts()).toEqual(before);
  });

  it('the same bytes linked in both subsidiaries: each reads them under its own names only', async () => {
    const r = await upload('prep.mine', 'hc-m-m', { fileName: 'mine copy.pdf', contentBase64: b64(PDF) });
    expect(r.status).toBe(201);
    const mine = await download('prep.mine', sha(PDF));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toMatch(/filename="mine copy\.pdf"/);
    expect((await download('prep.mine', sha(PDF), '電費單 一月.pdf')).status).toBe(404);
    expect((await jsonOf(list('prep.mine', 'hc-m-m'))).evidence.map((e: Json) => e.fileName)).toEqual([
      'mine copy.pdf',
    ]);
  });

  it('a viewer may not read evidence (403); an administrator of the group reads all', async () => {
    expect((await download('viewer.group', sha(PDF))).status).toBe(403);
    expect((await list('viewer.group', 'hc-s-m')).status).toBe(403);
    expect(
      (await upload('viewer.group', 'hc-s-m', { fileName: 'x.pdf', contentBase64: b64(PDF) })).status,
    ).toBe(403);
    expect((await download('admin.group', sha(PDF), 'mine copy.pdf')).status).toBe(200);
    expect((await download('admin.group', sha(PDF), 'bill 2025.pdf')).status).toBe(200);
  });

  it('a malformed SHA-256 is 400, an unknown one 404, and no session 401', async () => {
    expect((await download('admin.group', 'ABC')).status).toBe(400);
    expect((await download('admin.group', sha(PDF).toUpperCase())).status).toBe(400);
    expect((await download('admin.group', '0'.repeat(64))).status).toBe(404);
    expect((await app.request(`/api/evidence/${sha(PDF)}`)).status).toBe(401);
    expect((await list('admin.group', 'no-such-point')).status).toBe(404);
  });
});

describe('a bundle served in memory keeps no files', () => {
  it('lists none and refuses an upload with a reason, after checking it', async () => {
    const memory = createApp({ workspace: new MemoryWorkspace(loaded.bundle) });
    const post = (body: unknown) =>
      memory.request('/api/data-points/hc-s-m/evidence', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(await jsonOf(memory.request('/api/data-points/hc-s-m/evidence'))).toEqual({
      dataPoint: 'hc-s-m',
      evidence: [],
    });
    const r = await post({ fileName: 'x.pdf', contentBase64: b64(PDF) });
    expect(r.status).toBe(404);
    expect((await jsonOf(r)).error.message).toMatch(/keeps no evidence files/);
    expect((await post({ fileName: 'x.pdf', contentBase64: '' })).status).toBe(400);
    expect((await memory.request(`/api/evidence/${sha(PDF)}`)).status).toBe(404);
  });
});
