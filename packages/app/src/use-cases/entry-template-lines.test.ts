/**
 * The XLSX entry template's activity lines end to end (issue #17), on PGlite and on PostgreSQL:
 * the template (entryTemplateXlsx) holds the smelter's lines of 2025; a preparer adds January
 * and February lines and corrects one; the workbook goes in
 * - through `assay import`'s use case (importFactFile: the store's all-or-nothing import), and
 * - through the API's (previewImport / applyImport over the store workspace),
 * and the lines are stored with every digit; importing the same workbook again changes nothing;
 * a bad cell is named by sheet, row and column and nothing is stored.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, openPostgresStore, readBundle, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Snapshot } from '../workspace/workspace.js';
import { entryTemplateXlsx } from './entry-template-xlsx.js';
import { applyImport, previewImport } from './import-data-points.js';
import { importFactFile } from './import-fact-file.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const AT = '2026-02-03T04:05:06.000Z';
const EXACT = '123456789.123456789123456789'; // 27 significant digits: no double holds it

/** Bytes as exceljs's load takes them. */
const arrayBuffer = (b: Uint8Array): ArrayBuffer => Uint8Array.from(b).buffer;

/** Template columns of the activity-lines sheet (io activity-sheet-layout.ts). */
const C = { entity: 1, period: 2, activity: 3, subject: 4, use: 5, amount: 6, unit: 7, source: 9, id: 12 };

type Opened = { store: Store; cleanup: () => Promise<void> };
const STORES: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-template-lines-'));
      const store = await openPgliteStore(dir);
      return { store, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      return { store, cleanup: db.drop };
    },
  ],
];

/** The template of the smelter's 2025, filled as a preparer would. */
async function filled(s: Snapshot, bad = false): Promise<Buffer> {
  const t = await entryTemplateXlsx(s, 'smelter', '2025');
  if (!t.ok) throw new Error(t.error.message);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(t.value.body));
  const ws = wb.getWorksheet('activity-lines');
  if (!ws) throw new Error('no activity-lines sheet');
  let e1 = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(C.id).value === 'e1') e1 = n;
  });
  ws.getRow(e1).getCell(C.amount).value = 20500.5; // a corrected electricity bill
  const n = ws.rowCount + 1;
  const set = (row: number, cells: Record<keyof typeof C, ExcelJS.CellValue>) => {
    for (const [k, v] of Object.entries(cells)) ws.getRow(row).getCell(C[k as keyof typeof C]).value = v;
  };
  const jan = {
    entity: 'smelter',
    period: '2025-01',
    activity: 'fuel',
    subject: 'diesel',
    use: 'combustion',
  };
  set(n, { ...jan, amount: EXACT, unit: 't', source: '一月柴油發票', id: null });
  set(n + 1, {
    ...jan,
    period: '2025-02',
    amount: bad ? 'twelve' : 0.3,
    unit: 't',
    source: 'invoice',
    id: null,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const linesOf = (store: Store) =>
  store.query<{ id: string; period: string; amount: string; unit: string }>(
    `select fact_key as id, period_id as period, amount::text as amount, unit from activity_line_current
     where entity_id = 'smelter' order by period_id, fact_key`,
  );
const revisions = async (store: Store) => {
  const [r] = await store.query<{ n: number }>('select count(*)::int as n from activity_line_revision');
  return r?.n;
};
const expectedLines = [
  { id: 'c1', period: '2025', amount: '1000', unit: 't' },
  { id: 'd1', period: '2025', amount: '100', unit: 't' },
  { id: 'e1', period: '2025', amount: '20500.5', unit: 'MWh' },
  { id: 'g1', period: '2025', amount: '50', unit: '10⁴ m³' },
  { id: expect.stringMatching(/^al-x-[0-9a-f]{12}-\d{7}$/), period: '2025-01', amount: EXACT, unit: 't' },
  { id: expect.stringMatching(/^al-x-[0-9a-f]{12}-\d{7}$/), period: '2025-02', amount: '0.3', unit: 't' },
];

describe.each(STORES)('the entry template’s activity lines: %s', (_name, open) => {
  let opened: Opened;
  let ws: StoreWorkspace;
  let dir: string;
  beforeAll(async () => {
    opened = await open();
    await migrate(opened.store, AT);
    const w = await StoreWorkspace.open(opened.store, loaded.bundle, () => AT, { follow: false });
    if (!w.ok) throw new Error(w.reason);
    ws = w.workspace;
    dir = await mkdtemp(join(tmpdir(), 'assay-template-files-'));
  }, 60_000);
  afterAll(async () => {
    await ws?.close();
    await opened?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('through the API’s import: previewed line by line, applied, and a second time nothing', async () => {
    const bad = await filled(ws.snapshot(), true);
    const before = await revisions(opened.store);
    const refused = await previewImport(ws, { file: 'bad.xlsx', xlsxBase64: bad.toString('base64') });
    if (!refused.ok) throw new Error(refused.error.message);
    expect(refused.value.issues).toEqual([
      expect.objectContaining({
        sheet: 'activity-lines',
        column: 'amount (F)',
        reason: expect.stringMatching(/twelve/),
      }),
    ]);
    const rejected = await applyImport({
      ws,
      source: { file: 'bad.xlsx', xlsxBase64: bad.toString('base64') },
      version: refused.value.workspaceVersion,
      reason: 'monthly entry',
      author: 'Ann',
    });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'invalid-data' } });
    expect(await revisions(opened.store)).toBe(before);

    const source = {
      file: 'smelter-2025.xlsx',
      xlsxBase64: (await filled(ws.snapshot())).toString('base64'),
    };
    const preview = await previewImport(ws, source);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.issues).toEqual([]);
    expect(preview.value.lines.map((l) => [l.action, l.period, l.after.amount])).toEqual([
      ['unchanged', '2025', '100'],
      ['unchanged', '2025', '50'],
      ['unchanged', '2025', '1000'],
      ['change', '2025', '20500.5'],
      ['add', '2025-01', EXACT],
      ['add', '2025-02', '0.3'],
    ]);
    expect(preview.value.lines[3]?.before).toEqual({ amount: '20000', unit: 'MWh', version: 1 });
    expect(preview.value.summary).toMatchObject({ add: 2, change: 1, errors: 0 });
    const applied = await applyImport({
      ws,
      source,
      version: preview.value.workspaceVersion,
      reason: 'monthly entry',
      author: 'Ann',
    });
    if (!applied.ok) throw new Error(applied.error.message);
    expect(await linesOf(opened.store)).toEqual(expectedLines);
    expect(
      ws
        .snapshot()
        .bundle.activityLines.find((l) => l.periodId === '2025-01')
        ?.amount.value.toFixed(),
    ).toBe(EXACT);
    // The same workbook again: every line unchanged, nothing written.
    const revs = await revisions(opened.store);
    const again = await previewImport(ws, source);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.lines.every((l) => l.action === 'unchanged')).toBe(true);
    const reapplied = await applyImport({
      ws,
      source,
      version: again.value.workspaceVersion,
      reason: 'again',
      author: 'Ann',
    });
    expect(reapplied.ok).toBe(true);
    expect(await revisions(opened.store)).toBe(revs);
  });

  it('through `assay import`’s use case: all or nothing in one transaction, and a second time nothing', async () => {
    // A store of its own, so that no open workspace holds a view of it.
    const other = await open();
    let workspace: StoreWorkspace | undefined;
    try {
      await migrate(other.store, AT);
      const w = await StoreWorkspace.open(other.store, loaded.bundle, () => AT, { follow: false });
      if (!w.ok) throw new Error(w.reason);
      workspace = w.workspace;
      // Only its template is used; the import below writes to the store behind its back.
      const snapshot = w.workspace.snapshot();
      const run = async (name: string, bytes: Buffer) => {
        const path = join(dir, name);
        await writeFile(path, bytes);
        return importFactFile(other.store, {
          path,
          author: 'Ann',
          reason: 'monthly entry',
          at: AT,
          asNewData: false,
        });
      };
      const before = await revisions(other.store);
      const bad = await run('bad.xlsx', await filled(snapshot, true));
      expect(bad).toMatchObject({
        ok: true,
        result: {
          ok: false,
          issues: [expect.objectContaining({ sheet: 'activity-lines', column: 'amount (F)' })],
        },
      });
      expect(await revisions(other.store)).toBe(before);
      const good = await filled(snapshot);
      expect(await run('smelter-2025.xlsx', good)).toMatchObject({
        ok: true,
        result: { ok: true, changed: true, counts: { activityLines: { added: 2, revised: 1 } } },
      });
      expect(await linesOf(other.store)).toEqual(expectedLines);
      const revs = await revisions(other.store);
      // The same bytes: recognised by their SHA-256. A copy saved again (other bytes): unchanged lines.
      expect(await run('again.xlsx', good)).toMatchObject({ result: { ok: true, changed: false } });
      const resaved = new ExcelJS.Workbook();
      await resaved.xlsx.load(arrayBuffer(good));
      expect(await run('resaved.xlsx', Buffer.from(await resaved.xlsx.writeBuffer()))).toMatchObject({
        result: { ok: true, changed: false },
      });
      expect(await revisions(other.store)).toBe(revs);
      const read = await readBundle(other.store);
      expect(read.ok && read.bundle.activityLines.length).toBe(7);
    } finally {
      await (workspace ? workspace.close() : other.store.close());
      await other.cleanup();
    }
  });
});
