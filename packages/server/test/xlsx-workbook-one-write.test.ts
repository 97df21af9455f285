/**
 * An uploaded XLSX entry template holding data points and activity lines is one write (issue
 * #14: an import is all or nothing), over HTTP on a real PGlite store with accounts: a preparer
 * of the smelter fills in the smelter's 2025 revenue and changes the diesel line d1, previews
 * the workbook, and meanwhile another writer the server has not yet seen (as another server on
 * the same database would) changes d1. Applying is refused (412, naming the line) and nothing
 * of the workbook is stored: not the revenue either (revisions, change sets and audit entries
 * as before). Previewed again, it applies both in one change set with one audit entry.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { type ActivityLine, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store, writeActivityLineRevisions } from '@assay/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const d1 = loaded.bundle.activityLines.find((l) => l.id === 'd1') as ActivityLine;

// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;
const PASSWORD = 'workbook password 1';
/** Data-point sheets (io template-layout): indicator, name, disaggregation, value, unit, source. */
const VALUE = 4;
const SOURCE = 6;
/** Columns of the activity-lines sheet (io activity-sheet-layout.ts). */
const LINE = { amount: 6, id: 12 };

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
let cookie = '';

const call = (path: string, init: RequestInit = {}) =>
  app.request(`/api${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookie}` },
  });

/** Data-point and activity-line revisions, change sets and audit entries. */
async function stored(): Promise<number[]> {
  const [r] = await store.query<{ dp: number; al: number; cs: number; audit: number }>(
    `select (select count(*)::int from data_point_revision) as dp,
            (select count(*)::int from activity_line_revision) as al,
            (select count(*)::int from change_set) as cs,
            (select count(*)::int from audit_log) as audit`,
  );
  return [r?.dp ?? -1, r?.al ?? -1, r?.cs ?? -1, r?.audit ?? -1];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-xlsx-one-write-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store } });
  const u = await addUser(store, { email: 'prep@example.com', name: 'Prep', password: PASSWORD }, new Date());
  if (!u.ok) throw new Error(u.message);
  await grantRole(
    store,
    { userId: u.id, role: 'preparer', entityId: 'smelter', grantedBy: 'test' },
    new Date(),
  );
  const r = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'prep@example.com', password: PASSWORD }),
  });
  cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? '';
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

async function upload(wb: ExcelJS.Workbook, apply?: number) {
  const xlsxBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const body = {
    file: 'smelter-2025.xlsx',
    xlsxBase64,
    ...(apply ? { reason: 'year end', version: apply } : {}),
  };
  const r = await call(`/import/data-points${apply ? '?apply=true' : ''}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Json };
}

describe('a workbook of data points and activity lines over HTTP', () => {
  it('is refused whole when its lines are refused after its data points would pass, and applies whole later', async () => {
    const r = await call('/template/data-points.xlsx?entity=smelter&period=2025');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    let filled = 0;
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) => {
        if (row.getCell(1).value !== 'revenue') return;
        row.getCell(VALUE).value = 320;
        row.getCell(SOURCE).value = 'management accounts';
        filled++;
      });
    expect(filled).toBe(1);
    const lines = wb.getWorksheet('activity-lines') as ExcelJS.Worksheet;
    lines.eachRow((row) => {
      if (row.getCell(LINE.id).value === 'd1') row.getCell(LINE.amount).value = 105;
    });
    const preview = await upload(wb);
    expect(preview.status).toBe(200);
    expect(preview.body.issues).toEqual([]);
    expect(preview.body.summary).toMatchObject({ add: 1, change: 1, errors: 0 });

    // Another writer changes d1 behind this server's back (PGlite: no notification reaches it).
    const other = await writeActivityLineRevisions(
      store,
      [{ line: { ...d1, amount: q('101 t') }, expectedRev: 1 }],
      { author: 'other server', reason: 'invoice', at: '2026-02-01T00:00:00.000Z' },
    );
    expect(other).toMatchObject({ ok: true });
    const before = await stored();
    const refused = await upload(wb, preview.body.workspaceVersion);
    expect(refused.status).toBe(412);
    expect(refused.body.error).toMatchObject({
      code: 'stale-version',
      message: expect.stringContaining('activity line "d1"'),
    });
    expect(await stored()).toEqual(before);
    const revenue = await store.query(
      `select 1 from data_point_current where entity_id = 'smelter' and indicator_id = 'revenue'`,
    );
    expect(revenue).toEqual([]);

    // The refusal brought the server up to date: previewed again, the workbook applies whole.
    const again = await upload(wb);
    expect(again.body.summary).toMatchObject({ add: 1, change: 1, errors: 0 });
    const applied = await upload(wb, again.body.workspaceVersion);
    expect(applied.status).toBe(200);
    const [dp, al, cs, audit] = before;
    expect(await stored()).toEqual([(dp ?? 0) + 1, (al ?? 0) + 1, (cs ?? 0) + 1, (audit ?? 0) + 1]);
    const [line] = await store.query<{ amount: string }>(
      `select amount::text as amount from activity_line_current where fact_key = 'd1'`,
    );
    expect(line).toEqual({ amount: '105' });
  });
});
