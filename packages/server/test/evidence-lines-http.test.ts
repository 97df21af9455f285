/**
 * Evidence files on activity lines over HTTP (issue #17): POST and GET
 * /api/activity-lines/{id}/evidence with the data points' rules, over a real PGlite store holding
 * examples/minimal (activity lines d1 diesel of the smelter, e2 grid electricity of the mine).
 * Upload, list and download (sniffed type, nosniff, attachment with a safe name); the acceptance's
 * bad uploads (an HTML file named .pdf, a zero-byte file, one over the limit, a name with ../,
 * control characters, a right-to-left override) refused with a clear message and no row added
 * (files, links and audit entries counted before and after); who may see what: a preparer of the
 * other subsidiary gets 404, a viewer 403; an unknown line 404.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkspace, StoreWorkspace } from '@assay/app';
import { addUser, grantRole, listAccessLog, type Role } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store, verifyAudit } from '@assay/store';
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
const INVOICE = utf8('%PDF-1.4\n% diesel invoice 2025\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// A JPEG: SOI, then a JFIF APP0 segment (the magic bytes FF D8 FF are what counts).
const PHOTO = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
]);

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
  app.request(`/api/activity-lines/${id}/evidence`, as(who, { method: 'POST', body: JSON.stringify(body) }));
const list = (who: string, id: string) => app.request(`/api/activity-lines/${id}/evidence`, as(who));
const download = (who: string, hash: string, name?: string) =>
  app.request(
    `/api/evidence/${hash}${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`,
    as(who),
  );

const USERS: [string, Role, string][] = [
  ['prep.smelter', 'preparer', 'smelter'],
  ['prep.mine', 'preparer', 'mine'],
  ['viewer.group', 'viewer', 'group'],
];
const label = (who: string) => `${who} <${who}@example.com>`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-evidence-lines-'));
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

describe('evidence on an activity line: upload, list, download', () => {
  it('uploads an invoice to the diesel line: 201, one file, one link, audited as the line’s', async () => {
    const before = await counts();
    const r = await upload('prep.smelter', 'd1', {
      fileName: '柴油發票 2025.pdf',
      contentBase64: b64(INVOICE),
    });
    expect(r.status).toBe(201);
    expect(await jsonOf(r)).toEqual({
      sha256: sha(INVOICE),
      fileName: '柴油發票 2025.pdf',
      size: INVOICE.length,
      mediaType: 'application/pdf',
      linked: true,
    });
    expect(await counts()).toEqual({
      files: before.files + 1,
      links: before.links + 1,
      audit: before.audit + 2,
    });
    const [link] = await store.query<{ fact_kind: string; fact_id: string; entity_id: string }>(
      'select fact_kind, fact_id, entity_id from evidence_link order by id desc limit 1',
    );
    expect(link).toEqual({ fact_kind: 'activity-line', fact_id: 'd1', entity_id: 'smelter' });
    const audit = await store.query<{ action: string; subject: string }>(
      'select action, subject from audit_log order by seq desc limit 2',
    );
    expect(audit).toEqual([
      { action: 'link-evidence', subject: 'activity line d1' },
      { action: 'add-evidence', subject: sha(INVOICE) },
    ]);
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
    const logged = (await listAccessLog(store, 5)).find((e) => e.path === '/api/activity-lines/d1/evidence');
    expect(logged).toMatchObject({ method: 'POST', action: 'write-data-point', decision: 'allowed' });
  });

  it('the same bytes again add nothing (200); a meter photo is another file; the list shows both', async () => {
    const before = await counts();
    const again = await upload('prep.smelter', 'd1', {
      fileName: '柴油發票 2025.pdf',
      contentBase64: b64(INVOICE),
    });
    expect(again.status).toBe(200);
    expect((await jsonOf(again)).linked).toBe(false);
    expect(await counts()).toEqual(before);
    const photo = await upload('prep.smelter', 'd1', { fileName: 'meter.jpg', contentBase64: b64(PHOTO) });
    expect(photo.status).toBe(201);
    expect((await jsonOf(photo)).mediaType).toBe('image/jpeg');
    const r = await list('prep.smelter', 'd1');
    expect(r.status).toBe(200);
    expect(await jsonOf(r)).toEqual({
      activityLine: 'd1',
      evidence: [
        expect.objectContaining({
          sha256: sha(INVOICE),
          fileName: '柴油發票 2025.pdf',
          uploadedBy: label('prep.smelter'),
        }),
        expect.objectContaining({ sha256: sha(PHOTO), fileName: 'meter.jpg', mediaType: 'image/jpeg' }),
      ],
    });
    // Another line of the smelter has none; a data point of the same id would be another fact.
    expect((await jsonOf(list('prep.smelter', 'g1'))).evidence).toEqual([]);
  });

  it('downloads as an inert attachment: sniffed type, nosniff, safe name, sandboxing CSP', async () => {
    const r = await download('prep.smelter', sha(INVOICE));
    expect(r.status).toBe(200);
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(INVOICE);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="____ 2025.pdf"; filename*=UTF-8''${encodeURIComponent('柴油發票 2025.pdf')}`,
    );
  });
});

describe('bad uploads to an activity line: a clear message, nothing stored', () => {
  const over = new Uint8Array(10 * MiB + 1);
  over.set(INVOICE);
  const CASES: [string, unknown, string, RegExp][] = [
    [
      'an HTML file named .pdf',
      { fileName: 'invoice.pdf', contentBase64: b64(utf8('<!DOCTYPE html><script>alert(1)</script>')) },
      'contentBase64',
      /markup/,
    ],
    ['a zero-byte file', { fileName: 'empty.pdf', contentBase64: '' }, 'contentBase64', /empty \(0 bytes\)/],
    [
      'a file over 10 MiB',
      { fileName: 'big.pdf', contentBase64: b64(over) },
      'contentBase64',
      /at most 10 MiB/,
    ],
    [
      'a name with ../',
      { fileName: '../bills/x.pdf', contentBase64: b64(INVOICE) },
      'fileName',
      /without a folder/,
    ],
    [
      'a control character',
      { fileName: 'bill\u001b[2J.pdf', contentBase64: b64(INVOICE) },
      'fileName',
      /control/,
    ],
    ['a NUL character', { fileName: 'bill\u0000.pdf', contentBase64: b64(INVOICE) }, 'fileName', /NUL/],
    [
      'a C1 control character',
      { fileName: 'bill\u009b.pdf', contentBase64: b64(INVOICE) },
      'fileName',
      /control/,
    ],
    [
      'a right-to-left override',
      { fileName: 'invoice\u202Efdp.exe', contentBase64: b64(INVOICE) },
      'fileName',
      /bidirectional/,
    ],
  ];
  it.each(CASES)(
    '%s',
    async (_what, body, field, message) => {
      const before = await counts();
      const r = await upload('prep.smelter', 'd1', body);
      expect(r.status).toBe(400);
      const e: Json = (await jsonOf(r)).error;
      expect(e.field).toBe(field);
      expect(e.message).toMatch(message);
      expect(e.message).toMatch(/nothing was stored/);
      expect(await counts()).toEqual(before);
    },
    30_000,
  );

  it('a body over 14 MiB is cut at the limit (413), as for data points', async () => {
    const before = await counts();
    const r = await upload('prep.smelter', 'd1', { fileName: 'x.pdf', contentBase64: 'A'.repeat(15 * MiB) });
    expect(r.status).toBe(413);
    expect(await counts()).toEqual(before);
  }, 30_000);
});

describe('who may upload to and read an activity line’s evidence', () => {
  it('a preparer of the other subsidiary finds nothing (404); the mine’s own line is theirs', async () => {
    const before = await counts();
    expect((await list('prep.mine', 'd1')).status).toBe(404);
    expect((await upload('prep.mine', 'd1', { fileName: 'x.pdf', contentBase64: b64(INVOICE) })).status).toBe(
      404,
    );
    expect((await download('prep.mine', sha(INVOICE))).status).toBe(404);
    expect(await counts()).toEqual(before);
    const bill = utf8('%PDF-1.4\n% grid electricity bill\n');
    expect((await upload('prep.mine', 'e2', { fileName: 'bill.pdf', contentBase64: b64(bill) })).status).toBe(
      201,
    );
    expect((await download('prep.mine', sha(bill))).status).toBe(200);
  });

  it('a viewer may not upload or read (403); an unknown line is 404 and stores nothing', async () => {
    const before = await counts();
    expect((await list('viewer.group', 'd1')).status).toBe(403);
    expect(
      (await upload('viewer.group', 'd1', { fileName: 'x.pdf', contentBase64: b64(INVOICE) })).status,
    ).toBe(403);
    expect((await download('viewer.group', sha(INVOICE))).status).toBe(403);
    const unknown = await upload('prep.smelter', 'no-such-line', {
      fileName: 'x.pdf',
      contentBase64: b64(INVOICE),
    });
    expect(unknown.status).toBe(404);
    expect((await jsonOf(unknown)).error.message).toMatch(/no activity line "no-such-line"/);
    expect(await counts()).toEqual(before);
    expect((await app.request('/api/activity-lines/d1/evidence')).status).toBe(401);
  });
});

describe('a bundle served in memory keeps no files', () => {
  it('lists none for a line and refuses an upload with a reason', async () => {
    const memory = createApp({ workspace: new MemoryWorkspace(loaded.bundle) });
    expect(await jsonOf(memory.request('/api/activity-lines/d1/evidence'))).toEqual({
      activityLine: 'd1',
      evidence: [],
    });
    const r = await memory.request('/api/activity-lines/d1/evidence', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'x.pdf', contentBase64: b64(INVOICE) }),
    });
    expect(r.status).toBe(404);
    expect((await jsonOf(r)).error.message).toMatch(/keeps no evidence files/);
  });
});
