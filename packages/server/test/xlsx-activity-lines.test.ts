/**
 * The XLSX entry template's activity lines over HTTP (issue #17), on a real PGlite store holding
 * examples/minimal: a preparer of the smelter downloads the template, enters January diesel on
 * the activity-lines sheet, previews and applies it through POST /api/import/data-points; the
 * line is stored with every digit and importing the file again changes nothing. The template
 * holds only lines the caller may read (the mine's line is not in a smelter preparer's), and a
 * bad cell is named by sheet, row and column with nothing stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;
const PASSWORD = 'template password 1';
const EXACT = '4321.000000000000000001';
/** Columns of the activity-lines sheet (io activity-sheet-layout.ts). */
const C = { period: 2, activity: 3, subject: 4, use: 5, amount: 6, unit: 7, source: 9, id: 12 };

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
const revisions = async () => {
  const [r] = await store.query<{ n: number }>('select count(*)::int as n from activity_line_revision');
  return r?.n;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-xlsx-lines-'));
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

async function template(query: string): Promise<ExcelJS.Workbook> {
  const r = await call(`/template/data-points.xlsx${query}`);
  expect(r.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await r.arrayBuffer());
  return wb;
}

function lineIds(wb: ExcelJS.Workbook): unknown[] {
  const out: unknown[] = [];
  wb.getWorksheet('activity-lines')?.eachRow((row, n) => {
    if (n > 1 && row.getCell(C.id).value) out.push(row.getCell(C.id).value);
  });
  return out;
}

async function upload(wb: ExcelJS.Workbook, apply?: number) {
  const xlsxBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const body = {
    file: 'smelter-2025.xlsx',
    xlsxBase64,
    ...(apply ? { reason: 'January', version: apply } : {}),
  };
  const r = await call(`/import/data-points${apply ? '?apply=true' : ''}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Json };
}

describe('activity lines through the XLSX template over HTTP', () => {
  it('holds only the lines the caller may read', async () => {
    expect(lineIds(await template('?entity=smelter&period=2025'))).toEqual(['d1', 'g1', 'c1', 'e1']);
    // Without an entity the template is the group's: the mine's line e2 is still left out.
    expect(lineIds(await template('?period=2025'))).toEqual(['d1', 'g1', 'c1', 'e1']);
  });

  it('January diesel: previewed, applied with every digit, and the same file again changes nothing', async () => {
    const wb = await template('?entity=smelter&period=2025');
    const sheet = wb.getWorksheet('activity-lines') as ExcelJS.Worksheet;
    const n = sheet.rowCount + 1;
    const cells = { period: '2025-01', activity: 'fuel', subject: 'diesel', use: 'combustion', unit: 't' };
    for (const [k, v] of Object.entries(cells)) sheet.getRow(n).getCell(C[k as keyof typeof C]).value = v;
    sheet.getRow(n).getCell(C.amount).value = 'a lot';
    sheet.getRow(n).getCell(C.source).value = '一月柴油發票';
    const before = await revisions();
    const bad = await upload(wb);
    expect(bad.status).toBe(200);
    expect(bad.body.issues).toEqual([
      expect.objectContaining({
        sheet: 'activity-lines',
        row: n,
        column: 'amount (F)',
        reason: expect.stringMatching(/a lot/),
      }),
    ]);
    expect((await upload(wb, bad.body.workspaceVersion)).status).toBe(422);
    expect(await revisions()).toBe(before);

    sheet.getRow(n).getCell(C.amount).value = EXACT;
    const preview = await upload(wb);
    expect(preview.body.issues).toEqual([]);
    expect(preview.body.lines.filter((l: Json) => l.action !== 'unchanged')).toEqual([
      expect.objectContaining({ action: 'add', period: '2025-01', after: { amount: EXACT, unit: 't' } }),
    ]);
    expect(preview.body).not.toHaveProperty('lineChanges');
    const applied = await upload(wb, preview.body.workspaceVersion);
    expect(applied.status).toBe(200);
    const [line] = await store.query<{ amount: string; source: string }>(
      `select amount::text as amount, source from activity_line_current where period_id = '2025-01'`,
    );
    expect(line).toEqual({ amount: EXACT, source: '一月柴油發票' });
    const after = await revisions();
    const again = await upload(wb);
    expect(again.body.summary).toMatchObject({ add: 0, change: 0, errors: 0 });
    expect((await upload(wb, again.body.workspaceVersion)).status).toBe(200);
    expect(await revisions()).toBe(after);
    // A template downloaded now holds the new line under its id.
    expect(lineIds(await template('?entity=smelter&period=2025'))).toHaveLength(5);
  });
});
